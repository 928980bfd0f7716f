/**
 * The seven invariants of the design argument (docs/refmodel.md), each a pure check of one
 * state. The first state that fails a check ends a counterexample; the explorer finds the shortest.
 */
import { PAGE_SIZE } from './config.js';
import { formatBytes } from './iommu.js';
import { findConverter, isP2pAcceptable, sameMatch } from './match.js';
import type { ModelStrategy } from './strategy.js';
import type { GroupModel, InvariantId, MatchResult, ModelState, PairBaseline, Violation } from './types.js';

export interface CheckContext {
  model: GroupModel;
  strategy: ModelStrategy;
  /** Per slot: what the pair gave in the previous step's world, or null when it did not work there. */
  baseline: readonly (PairBaseline | null)[];
  /** Per slot: the reference dma_buf_match_mapping result for this world. */
  reference: readonly MatchResult[];
  /** Per slot: the strategy's match asked a second time (determinism is checked against it). */
  rematch: readonly MatchResult[];
  /** Per slot: what the pair gives alone in this world (whether map succeeds, per generation). */
  current: readonly (PairBaseline | null)[];
  /** The exporter's buffer as device bytes, per backing generation (what every mapping must show). */
  expectedBytes: readonly string[];
}

export interface Invariant {
  id: InvariantId;
  check(state: ModelState, ctx: CheckContext): Violation | null;
  /**
   * The explorer's fast path: the same answer as `check(state)`, given that `parent` (the state
   * `state` was reached from) passed `check`, so only what changed since has to be looked at.
   */
  checkFrom?(state: ModelState, parent: ModelState, ctx: CheckContext): Violation | null;
}

/**
 * A check of slot i. It may read only `state.slots[i]`, `state.domains[i]`, `state.gen`,
 * `state.revoked` and the context: `checkFrom` skips a slot when those are what the parent had.
 */
type SlotCheck = (state: ModelState, i: number, ctx: CheckContext) => string | null;

/** Run a per-slot check over every slot; the first message becomes the violation. */
function perSlot(id: InvariantId, check: SlotCheck, whole?: (state: ModelState, ctx: CheckContext) => string | null): Invariant {
  return {
    id,
    check(state, ctx) {
      for (let i = 0; i < state.slots.length; i++) {
        const message = check(state, i, ctx);
        if (message) return { invariant: id, message };
      }
      const message = whole ? whole(state, ctx) : null;
      return message ? { invariant: id, message } : null;
    },
    checkFrom(state, parent, ctx) {
      const same = state.gen === parent.gen && state.revoked === parent.revoked;
      for (let i = 0; i < state.slots.length; i++) {
        // The parent passed, and slot i's check sees exactly what it saw there.
        if (same && state.slots[i] === parent.slots[i] && state.domains[i] === parent.domains[i]) continue;
        const message = check(state, i, ctx);
        if (message) return { invariant: id, message };
      }
      const message = whole ? whole(state, ctx) : null;
      return message ? { invariant: id, message } : null;
    },
  };
}

const pairName = (ctx: CheckContext, i: number): string => `${ctx.model.exporter.name}→${ctx.model.importers[i]!.name}`;

export const HIDE_PHYS = perSlot('HIDE_PHYS', (state, i, ctx) => {
  const got = state.slots[i]!.mapping?.physReceived;
  if (!got) return null;
  return `${ctx.model.importers[i]!.name} received a PAL: ${got.length} physical range(s) of ${ctx.model.exporter.name} (${formatBytes(got)})`;
});

export const HIDE_DOMAIN: Invariant = {
  id: 'HIDE_DOMAIN',
  check: (state, ctx) =>
    state.exporterSawDomain
      ? { invariant: 'HIDE_DOMAIN', message: `${ctx.model.exporter.name} was handed ${state.exporterSawDomain}'s iommu_domain` }
      : null,
};

export const NO_REGRESSION = perSlot('NO_REGRESSION', (state, i, ctx) => {
  const before = ctx.baseline[i];
  const slot = state.slots[i]!;
  if (!before) return null;
  if (slot.status === 'failed' && slot.match && !slot.match.ok) {
    return `${pairName(ctx, i)} attached at the previous step; now attach fails: ${slot.match.reason}`;
  }
  const mapping = slot.mapping;
  const expected = before.bytes[mapping ? mapping.gen : state.gen] ?? null;
  if (mapping && expected !== null && mapping.bytes !== expected) {
    return `${pairName(ctx, i)}: the device now sees ${mapping.bytes}, at the previous step it saw ${expected}`;
  }
  // Whether map succeeds does not depend on the other slots, so the pair alone answers it.
  if (!mapping && slot.status === 'attached' && !state.revoked && expected !== null && (ctx.current[i]?.bytes[state.gen] ?? null) === null) {
    return `${pairName(ctx, i)} mapped at the previous step; now map fails`;
  }
  return null;
});

function isPageAligned(n: number): boolean {
  return n % PAGE_SIZE === 0;
}

export const CONVERT_EXACT = perSlot('CONVERT_EXACT', (state, i, ctx) => {
  const { mapping } = state.slots[i]!;
  const domain = state.domains[i]!;
  if (!mapping && domain.entries.length === 0) return null;
  const who = (): string => pairName(ctx, i);
  if (!mapping) return `${who()}: ${domain.entries.length} IOVA range(s) still allocated after unmap (leaked)`;
  const expected = ctx.expectedBytes[mapping.gen]!;
  if (mapping.bytes !== expected) return `${who()}: ${mapping.handoff} mapping covers ${mapping.bytes || 'nothing'}, the exporter's ranges are ${expected}`;
  if (mapping.handoff === 'iommu_domain' && mapping.segments.some((s) => !isPageAligned(s.iova) || !isPageAligned(s.len))) {
    return `${who()}: iommu_domain mapping is not page-aligned`;
  }
  const held = domain.entries.filter((e) => !mapping.segments.some((s) => s.iova < e.iova + e.len && e.iova < s.iova + s.len));
  return held.length > 0 ? `${who()}: ${held.length} IOVA range(s) allocated that no segment uses (leaked)` : null;
});

export const LIFECYCLE = perSlot(
  'LIFECYCLE',
  (state, i, ctx) => {
    const { mapping, status } = state.slots[i]!;
    if (!mapping || (status === 'attached' && !state.revoked && mapping.gen === state.gen)) return null;
    const who = pairName(ctx, i);
    if (status !== 'attached') return `${who} holds a mapping without an attachment`;
    if (state.revoked) return `${who}: mapping still live after revoke`;
    if (mapping.gen !== state.gen) return `${who}: the backing moved while still mapped (move_notify did not reach ${ctx.model.importers[i]!.name} first, or it mapped again before the move was done)`;
    return null;
  },
  (state) => {
    if (state.fault) return state.fault;
    const open = state.slots.some((s) => s.status === 'attached');
    const left = state.domains.reduce((n, d) => n + d.entries.length, 0);
    return !open && left > 0 ? `every importer detached but ${left} IOVA range(s) remain mapped` : null;
  },
);

/** Why a successful match is not allowed in this world, or null. */
function illegalMatch(m: Extract<MatchResult, { ok: true }>, ctx: CheckContext, i: number): string | null {
  const { exporter, types, converters } = ctx.model;
  const importer = ctx.model.importers[i]!;
  if (!importer.accepts.includes(m.importerType)) return `picked ${m.importerType}, which ${importer.name} does not accept`;
  if (!exporter.offers.includes(m.exporterType)) return `picked ${m.exporterType}, which ${exporter.name} does not offer`;
  if (!types.includes(m.exporterType) || !types.includes(m.importerType)) return `picked a type the core does not implement`;
  if (m.exporterType !== m.importerType && findConverter(converters, m.exporterType, m.importerType) !== m.converter) {
    return `picked ${m.exporterType}→${m.importerType} without that converter in the core`;
  }
  if (!isP2pAcceptable(exporter, importer, m.exporterType, m.importerType)) return `picked ${m.importerType} of MMIO for non-P2P ${importer.name}`;
  return null;
}

export const NEGOTIATION = perSlot('NEGOTIATION', (state, i, ctx) => {
  const m = state.slots[i]!.match;
  const reference = ctx.reference[i]!;
  const again = ctx.rematch[i]!;
  // The common case first: the match is the reference one, asked twice with the same answer.
  if (!m || (m === again || sameMatch(m, again)) && sameMatch(m, reference)) return null;
  const who = pairName(ctx, i);
  if (!sameMatch(m, again)) return `${who}: matching is not deterministic`;
  if (m.ok) {
    const bad = illegalMatch(m, ctx, i);
    if (bad) return `${who}: ${bad}`;
    if (!sameMatch(m, reference)) return `${who}: picked ${m.exporterType}→${m.importerType}; the exporter's preference order gives ${reference.ok ? `${reference.exporterType}→${reference.importerType}` : 'none'}`;
    return null;
  }
  if (reference.ok) return `${who}: attach failed (${m.reason}) although ${reference.importerType} is common`;
  return m.reason === reference.reason ? null : `${who}: attach failed with "${m.reason}", expected "${reference.reason}"`;
});

/**
 * Every lock assertion holds, nothing that needs the buffer's reservation lock runs without it, and no
 * context takes the lock it (or the context it waits for) already holds. The transitions record the
 * first such error as it happens (core.ts), as `access` records a DMA fault.
 */
export const LOCKING: Invariant = {
  id: 'LOCKING',
  check: (state) => (state.lockFault ? { invariant: 'LOCKING', message: state.lockFault } : null),
};

export const INVARIANTS: readonly Invariant[] = [HIDE_PHYS, HIDE_DOMAIN, NO_REGRESSION, CONVERT_EXACT, LIFECYCLE, NEGOTIATION, LOCKING];
