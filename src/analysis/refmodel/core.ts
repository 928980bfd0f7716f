/**
 * The dma-buf core of the model: the state transitions of one buffer shared by a group of importers.
 * Every transition is pure (state in, new state out); `null` means the kernel call would fail
 * cleanly (an error code, no state change), so the action is simply not taken.
 */
import { MOVE_DISTANCE } from './config.js';
import { intern, specId } from './intern.js';
import { EMPTY_DOMAIN, formatBytes, mapRanges, translate } from './iommu.js';
import type { ModelStrategy } from './strategy.js';
import { EXPORTER_OP_NAMES } from './types.js';
import type { AttachStatus, Domain, ExporterOp, GroupModel, Mapping, MappingType, MatchResult, ModelState, PhysRange, Segment, SlotState } from './types.js';

/** The exporter's backing at a generation: a move relocates every range by MOVE_DISTANCE. */
export function rangesAt(ranges: readonly PhysRange[], gen: number): readonly PhysRange[] {
  return gen === 0 ? ranges : ranges.map((r) => ({ phys: r.phys + gen * MOVE_DISTANCE, len: r.len }));
}

/** Every state is built here, so all have one shape (V8 keeps them monomorphic; spreads would not). */
export function withState(s: ModelState, change: Partial<ModelState>): ModelState {
  return {
    gen: change.gen ?? s.gen,
    revoked: change.revoked ?? s.revoked,
    exporterSawDomain: change.exporterSawDomain !== undefined ? change.exporterSawDomain : s.exporterSawDomain,
    slots: change.slots ?? s.slots,
    domains: change.domains ?? s.domains,
    fault: change.fault !== undefined ? change.fault : s.fault,
    pending: change.pending ?? s.pending,
    locked: change.locked ?? s.locked,
    lockFault: change.lockFault !== undefined ? change.lockFault : s.lockFault,
    lockOrder: change.lockOrder ?? s.lockOrder,
  };
}

/**
 * Record lock-order edge `bit` of slot i (see ModelState.lockOrder); both directions for one slot
 * is an ABBA deadlock between the importer's map and the exporter's move_notify, reachable with two
 * contexts whether or not this interleaving hit it (lockdep reports it the same way).
 */
function withLockEdge(state: ModelState, model: GroupModel, i: number, edge: 0 | 1): ModelState {
  const order = state.lockOrder | (1 << (2 * i + edge));
  if (order === state.lockOrder) return state;
  const next = withState(state, { lockOrder: order });
  if (((order >> (2 * i)) & 3) !== 3) return next;
  const imp = model.importers[i]!;
  return withLockFault(next, `lock order: ${imp.name}'s map takes ${imp.notifyLock} then ${model.exporter.name}'s dma_resv; its move_notify takes them the other way round (ABBA deadlock between the two contexts)`);
}

/** The first locking error is kept (later ones follow from it or add nothing to the trace). */
function withLockFault(state: ModelState, message: string): ModelState {
  return state.lockFault === null ? withState(state, { lockFault: message }) : state;
}

export function initialState(model: GroupModel): ModelState {
  const slot = makeSlot('detached', null, null);
  return {
    gen: 0,
    revoked: false,
    exporterSawDomain: null,
    slots: model.importers.map(() => slot),
    domains: model.importers.map(() => EMPTY_DOMAIN),
    fault: null,
    pending: 0,
    locked: false,
    lockFault: null,
    lockOrder: 0,
  };
}

const TYPE_CHAR: Record<MappingType, string> = { legacy: 'l', sgt: 's', pal: 'p', iommu_domain: 'i' };
const STATUS_CODE = { detached: 0, attached: 1, failed: 2 } as const;
const TYPE_INDEX: Record<MappingType, number> = { legacy: 0, sgt: 1, pal: 2, iommu_domain: 3 };

/** Slots are immutable, so their status and match are hashed once, here (the mapping has its own key). */
export function makeSlot(status: AttachStatus, match: MatchResult | null, mapping: Mapping | null): SlotState {
  const m = match === null ? 0 : match.ok ? 1 + TYPE_INDEX[match.exporterType] * 4 + TYPE_INDEX[match.importerType] : 17 + intern(match.reason);
  return { status, match, mapping, key: STATUS_CODE[status] + 4 * m };
}

function withSlot(state: ModelState, i: number, slot: SlotState, domain?: Domain): ModelState {
  const slots = state.slots.slice();
  slots[i] = slot;
  if (domain === undefined) return withState(state, { slots });
  const domains = state.domains.slice();
  domains[i] = domain;
  return withState(state, { slots, domains });
}

/**
 * `attached` may be passed in: the slot a successful or failed attach makes, computed once per group.
 * Attach adds the attachment to the buffer's list under the lock, so it waits while the exporter
 * context holds it (null). The match before that runs without the lock in the posted core: an
 * exporter whose match asserts the lock breaks LOCKING there (patch 12).
 */
export function attachSlot(state: ModelState, i: number, model: GroupModel, strategy: ModelStrategy, attached?: SlotState): ModelState | null {
  if (state.locked) return null;
  const next = withSlot(state, i, attached ?? attachedSlot(model, i, strategy));
  if (!model.exporter.matchAssertsLock || strategy.locking.attachLocksMatch) return next;
  const exporter = model.exporter.name;
  return withLockFault(next, `${exporter}'s match_mapping asserts ${exporter}'s dma_resv lock; attach(${exporter}→${model.importers[i]!.name}) calls it without the lock`);
}

/** The slot attach makes: matching is pure, so this is the same for every state of a group. */
export function attachedSlot(model: GroupModel, i: number, strategy: ModelStrategy): SlotState {
  const match = strategy.match(model, model.exporter, model.importers[i]!);
  return makeSlot(match.ok ? 'attached' : 'failed', match, null);
}

function segmentsKey(segments: readonly Segment[]): string {
  return segments.map((s) => `${s.iova.toString(36)}.${s.len.toString(36)}`).join(',');
}

interface Produced {
  domain: Domain;
  segments: Segment[];
  exporterSawDomain: boolean;
}

/** Who maps depends on the path: a core converter, or the exporter's own op (which, for an
 * `iommu_domain` exporter entry, means the exporter was handed the importer's domain). */
function produceSegments(model: GroupModel, slot: SlotState, domain: Domain, ranges: readonly PhysRange[], strategy: ModelStrategy): Produced | null {
  const m = slot.match;
  if (!m || !m.ok) return null;
  if (m.converter === 'pal-to-sgt') return { ...strategy.convertPalToSgt(domain, ranges), exporterSawDomain: false };
  if (m.converter === 'pal-to-iommu_domain') {
    const c = strategy.convertPalToIommuDomain(domain, ranges);
    return c && { ...c, exporterSawDomain: false };
  }
  // legacy, sgt and legacy-compat: the exporter DMA-maps for the importer's device. pal: the importer
  // maps the physical list itself. iommu_domain: the exporter maps into the importer's domain.
  return { ...mapRanges(domain, ranges), exporterSawDomain: m.exporterType === 'iommu_domain' };
}

/** What map produces: the importer's mapping, its domain afterwards, whether the exporter saw the domain. */
interface MapOutcome {
  mapping: Mapping;
  domain: Domain;
  exporterSawDomain: boolean;
}

/**
 * Map depends only on the buffer, the importer's range cap, the match, the backing generation and the
 * importer's domain (and the strategy: one memo per strategy), so explorations can share outcomes.
 */
export type MapMemo = Map<string, MapOutcome | null>;

function computeMap(state: ModelState, i: number, model: GroupModel, strategy: ModelStrategy): MapOutcome | null {
  const slot = state.slots[i]!;
  const importer = model.importers[i]!;
  const ranges = rangesAt(model.ranges, state.gen);
  if (!slot.match?.ok || (importer.maxRanges > 0 && ranges.length > importer.maxRanges)) return null;
  const produced = produceSegments(model, slot, state.domains[i]!, ranges, strategy);
  if (!produced) return null;
  const handoff = strategy.handoffFor(slot.match);
  const seen = translate(produced.domain, produced.segments);
  const mapping: Mapping = {
    handoff,
    segments: produced.segments,
    physReceived: handoff === 'pal' ? ranges : null,
    gen: state.gen,
    bytes: seen ? formatBytes(seen) : 'unmapped IOVA',
    key: intern(`${TYPE_CHAR[handoff]}${state.gen}${segmentsKey(produced.segments)}`),
  };
  return { mapping, domain: produced.domain, exporterSawDomain: produced.exporterSawDomain };
}

/** A memo for one slot of one group, in front of the shared `MapMemo`: numeric keys, no string to build. */
export type LocalMapMemo = Map<number, MapOutcome | null>;

/** Importer map/unmap: wait while the exporter context holds the lock, unless the core skips it. */
function importerBlocked(state: ModelState, strategy: ModelStrategy): boolean {
  return state.locked && strategy.locking.importerTakesLock;
}

/** A map or unmap an importer ran without the lock (a mutant core): a LOCKING fault. */
function unlockedImporterCall(state: ModelState, model: GroupModel, i: number, call: 'map' | 'unmap', strategy: ModelStrategy): ModelState {
  if (strategy.locking.importerTakesLock) return state;
  return withLockFault(state, `${call}(${model.exporter.name}→${model.importers[i]!.name}) ran without ${model.exporter.name}'s dma_resv lock (dma_buf_${call}_attachment asserts it)`);
}

export function mapSlot(state: ModelState, i: number, model: GroupModel, strategy: ModelStrategy, memo?: MapMemo, local?: LocalMapMemo): ModelState | null {
  const slot = state.slots[i]!;
  if (state.revoked || slot.status !== 'attached' || slot.mapping || !slot.match?.ok || importerBlocked(state, strategy)) return null;
  // For one slot of one group the shared key below varies only in the match's types, the generation
  // and the domain: those three as one small integer.
  const domainKey = state.domains[i]!.key;
  const near =
    local !== undefined && domainKey < 2 ** 20 && (state.gen === 0 || state.gen === 1)
      ? ((domainKey * 2 + state.gen) * 4 + TYPE_INDEX[slot.match.exporterType]) * 4 + TYPE_INDEX[slot.match.importerType]
      : -1;
  let outcome = near >= 0 ? local!.get(near) : undefined;
  if (outcome === undefined) {
    const key = `${specId(model.exporter)}.${model.buffer}.${model.importers[i]!.maxRanges}${TYPE_CHAR[slot.match.exporterType]}${TYPE_CHAR[slot.match.importerType]}${state.gen}${domainKey}`;
    outcome = memo?.get(key);
    if (outcome === undefined) {
      outcome = computeMap(state, i, model, strategy);
      memo?.set(key, outcome);
    }
    if (near >= 0) local!.set(near, outcome);
  }
  if (!outcome) return null;
  let next = unlockedImporterCall(withSlot(state, i, makeSlot(slot.status, slot.match, outcome.mapping), outcome.domain), model, i, 'map', strategy);
  if (strategy.locking.importerOwnLockFirst && model.importers[i]!.notifyLock !== undefined) next = withLockEdge(next, model, i, 1);
  return outcome.exporterSawDomain ? withState(next, { exporterSawDomain: model.importers[i]!.name }) : next;
}

/**
 * Unmap outcomes of one exploration, by domain and mapping key: the strategy's unmap sees the
 * domain's entries and the mapping's handoff, generation and segments, all of which those keys encode.
 */
export type LocalUnmapMemo = Map<number, Domain>;

/**
 * Whether the exporter's own unmap op undoes this mapping and releases nothing (ExporterSpec.unmapLeaks):
 * only when no core converter made it and the exporter DMA-mapped an sg_table itself.
 */
function exporterUnmapLeaks(model: GroupModel | undefined, slot: SlotState): boolean {
  const m = slot.match;
  return model?.exporter.unmapLeaks === true && m !== null && m.ok && m.converter === null && (m.exporterType === 'sgt' || m.exporterType === 'legacy');
}

/** `model` is needed only for an exporter whose unmap leaks (ExporterSpec.unmapLeaks). */
export function unmapSlot(state: ModelState, i: number, strategy: ModelStrategy, local?: LocalUnmapMemo, model?: GroupModel): ModelState | null {
  const slot = state.slots[i]!;
  if (!slot.mapping) return null;
  if (exporterUnmapLeaks(model, slot)) return withSlot(state, i, makeSlot(slot.status, slot.match, null));
  const domain = state.domains[i]!;
  const near = local !== undefined && domain.key < 2 ** 15 && slot.mapping.key < 2 ** 15 ? domain.key * 2 ** 15 + slot.mapping.key : -1;
  let after = near >= 0 ? local!.get(near) : undefined;
  if (after === undefined) {
    after = strategy.unmap(domain, slot.mapping);
    if (near >= 0) local!.set(near, after);
  }
  return withSlot(state, i, makeSlot(slot.status, slot.match, null), after);
}

/** The importer's own unmap call (not move_notify's, which runs in the exporter's context under its lock). */
export function importerUnmap(state: ModelState, i: number, model: GroupModel, strategy: ModelStrategy, local?: LocalUnmapMemo): ModelState | null {
  if (importerBlocked(state, strategy)) return null;
  const next = unmapSlot(state, i, strategy, local, model);
  return next && unlockedImporterCall(next, model, i, 'unmap', strategy);
}

/** Detach removes the attachment from the buffer's list under the lock: it waits while the exporter holds it. */
export function detachSlot(state: ModelState, i: number): ModelState | null {
  const slot = state.slots[i]!;
  if (slot.status !== 'attached' || slot.mapping || state.locked) return null;
  return withSlot(state, i, makeSlot('detached', null, null));
}

/** The importer's device DMAs through its mapping; a failed translation or stale backing is a fault. */
export function accessSlot(state: ModelState, i: number, model: GroupModel): ModelState | null {
  const mapping = state.slots[i]!.mapping;
  if (!mapping || state.fault) return null;
  const who = model.importers[i]!.name;
  let fault: string | null = null;
  if (state.revoked) fault = `${who} used its mapping after revoke`;
  else if (mapping.gen !== state.gen) fault = `${who} used the backing's old location after move`;
  else if (translate(state.domains[i]!, mapping.segments) === null) fault = `${who}'s device hit an unmapped IOVA`;
  return fault ? withState(state, { fault }) : state;
}

/**
 * The exporter context starts `op`: it takes the lock (unless the core skips it, a LOCKING fault since
 * dma_buf_move_notify asserts it), applies `change` and tells `targets` (they unmap in move_notify).
 * It holds the lock until `unlockExporter`, which for a move relocates the backing first (TTM moves
 * a BO after move_notify, before the unlock). An importer's map in between waits for the lock; one
 * that skips it maps the old location, which the relocation then leaves stale: that is the
 * interleaving the second context adds.
 */
function exporterRuns(state: ModelState, model: GroupModel, strategy: ModelStrategy, op: ExporterOp, targets: readonly number[], revoked: boolean, unmapped?: LocalUnmapMemo): ModelState {
  const { exporterTakesLock, notifyRelocks } = strategy.locking;
  let next = withState(state, { revoked, pending: op, locked: exporterTakesLock });
  const name = model.exporter.name;
  const what = EXPORTER_OP_NAMES[op];
  if (!exporterTakesLock && op !== 3) next = withLockFault(next, `${what}(${name}) sent move_notify without ${name}'s dma_resv lock (dma_buf_move_notify asserts it)`);
  for (const i of targets) {
    if (notifyRelocks && exporterTakesLock) {
      next = withLockFault(next, `deadlock: ${model.importers[i]!.name}'s move_notify takes ${name}'s dma_resv lock, which ${what}(${name}) already holds`);
    }
    if (exporterTakesLock && model.importers[i]!.notifyLock !== undefined) next = withLockEdge(next, model, i, 0);
    next = unmapSlot(next, i, strategy, unmapped, model) ?? next;
  }
  return next;
}

/** A pinned importer holding a mapping keeps the backing in place (dma_buf_pin). */
export function moveBacking(state: ModelState, model: GroupModel, strategy: ModelStrategy, unmapped?: LocalUnmapMemo): ModelState | null {
  if (!model.exporter.dynamic || state.revoked || state.pending !== 0) return null;
  for (let i = 0; i < state.slots.length; i++) if (state.slots[i]!.mapping && !model.importers[i]!.dynamic) return null;
  return exporterRuns(state, model, strategy, 1, strategy.moveNotifyTargets(state, model), false, unmapped);
}

/** `unmapped`: the exploration's unmap memo (unmapSlot), for the mappings move_notify tears down. */
export function revokeExporter(state: ModelState, model: GroupModel, strategy: ModelStrategy, unmapped?: LocalUnmapMemo): ModelState | null {
  if (!model.exporter.revocable || state.revoked || state.pending !== 0) return null;
  return exporterRuns(state, model, strategy, 2, strategy.revokeTargets(state, model), true, unmapped);
}

export function restoreExporter(state: ModelState, model: GroupModel, strategy: ModelStrategy): ModelState | null {
  if (!state.revoked || state.pending !== 0) return null;
  return exporterRuns(state, model, strategy, 3, [], false);
}

/** The exporter context's operation ends: a move relocates the backing, then dma_resv_unlock. */
export function unlockExporter(state: ModelState): ModelState | null {
  if (state.pending === 0) return null;
  return withState(state, { pending: 0, locked: false, gen: state.pending === 1 ? 1 - state.gen : state.gen });
}

/** Two UTF-16 units per id, so any id fits and keys of different shapes cannot collide. */
function pushId(codes: number[], id: number): void {
  codes.push(id & 0xffff, id >>> 16);
}

/**
 * Canonical hash: every field that distinguishes two states, as a short string of interned ids (short
 * flat strings hash fast in the explorer's Set).
 */
export function stateKey(state: ModelState): string {
  const codes = [state.gen | (state.revoked ? 2 : 0) | (state.locked ? 4 : 0) | (state.pending << 3) | (state.lockOrder << 5)];
  pushId(codes, state.exporterSawDomain === null ? 0 : intern(state.exporterSawDomain));
  pushId(codes, state.fault === null ? 0 : intern(state.fault));
  pushId(codes, state.lockFault === null ? 0 : intern(state.lockFault));
  for (let i = 0; i < state.slots.length; i++) {
    const slot = state.slots[i]!;
    pushId(codes, slot.key);
    pushId(codes, slot.mapping ? slot.mapping.key : 0);
    pushId(codes, state.domains[i]!.key);
  }
  return String.fromCharCode(...codes);
}
