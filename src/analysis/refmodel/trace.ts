/**
 * Counterexamples as TLC prints them: steps numbered from 1, each headed by its action and showing
 * only what changed, ending with the invariant, the depth and a replay string (`verify --replay`).
 */
import { rangesAt } from './core.js';
import { formatBytes } from './iommu.js';
import { describeMatch } from './match.js';
import type { FoundViolation } from './explore.js';
import { EXPORTER_OP_NAMES, type GroupModel, type InvariantId, type ModelState } from './types.js';

export interface TraceStep {
  /** 1-based, as TLC numbers states. */
  n: number;
  label: string;
  /** `key: before → after` for each field the action changed. */
  changes: string[];
  /** Every field after the step (for `--full-states`). */
  state: Record<string, string>;
}

export interface Counterexample {
  invariant: InvariantId;
  message: string;
  depth: number;
  exporter: string;
  buffer: number;
  importers: string[];
  initial: Record<string, string>;
  trace: TraceStep[];
  replay: string;
}

/** A counterexample is the model's trace; the name the style guide uses. */
export type Trace = Counterexample;

const hex = (n: number): string => n.toString(16);

export function describeState(state: ModelState, model: GroupModel): Record<string, string> {
  const e = model.exporter.name;
  const out: Record<string, string> = {};
  out[`${e}.backing`] = `gen ${state.gen}: ${formatBytes(rangesAt(model.ranges, state.gen))}`;
  if (model.exporter.revocable) out[`${e}.revoked`] = state.revoked ? 'yes' : 'no';
  out[`${e}.received`] = state.exporterSawDomain ? `${state.exporterSawDomain}'s iommu_domain` : '-';
  model.importers.forEach((imp, i) => {
    const slot = state.slots[i]!;
    out[`${imp.name}.attach`] = slot.match ? `${slot.status} ${describeMatch(slot.match)}`.replace('failed failed', 'failed') : slot.status;
    const m = slot.mapping;
    out[`${imp.name}.mapping`] = m
      ? `${m.handoff} [${m.segments.map((s) => `${hex(s.iova)}+${hex(s.len)}`).join(' ')}] sees ${m.bytes}${m.physReceived ? ` (PAL ${formatBytes(m.physReceived)})` : ''}`
      : '-';
    out[`${imp.name}.iova`] = state.domains[i]!.entries.map((d) => `${hex(d.iova)}+${hex(d.len)}→${hex(d.phys)}`).join(' ') || '-';
  });
  out.fault = state.fault ?? '-';
  out[`${e}.resv`] = state.locked ? `held by ${EXPORTER_OP_NAMES[state.pending]}(${e})` : state.pending !== 0 ? `not held; ${EXPORTER_OP_NAMES[state.pending]}(${e}) running` : 'free';
  out.locking = state.lockFault ?? '-';
  const edges = model.importers.flatMap((imp, i) => [
    ...((state.lockOrder >> (2 * i)) & 1 ? [`${e}.dma_resv→${imp.name}.${imp.notifyLock}`] : []),
    ...((state.lockOrder >> (2 * i + 1)) & 1 ? [`${imp.name}.${imp.notifyLock}→${e}.dma_resv`] : []),
  ]);
  out['lock order'] = edges.join(' ') || '-';
  return out;
}

export function diffStates(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after)
    .filter((k) => before[k] !== after[k])
    .map((k) => `${k}: ${before[k] ?? '-'} → ${after[k]}`);
}

export interface ReplayTarget {
  sequence: string;
  /** 1-based step of the sequence. */
  step: number;
  exporter: string;
  buffer: number;
  importers: string[];
  labels: string[];
}

export function formatReplay(t: ReplayTarget): string {
  return `${t.sequence}#${t.step}:${t.exporter}[${t.buffer}]>${t.importers.join(',')}:${t.labels.join(';').replace(/→/g, '->')}`;
}

const REPLAY = /^([A-Za-z0-9_.-]+)#(\d+):([^>:[\]]+)\[(\d+)\]>([^:]+):(.*)$/;

/** Parse a replay string; null when it is not one (the caller names the source in its error). */
export function parseReplay(text: string): ReplayTarget | null {
  const m = REPLAY.exec(text.trim());
  if (!m) return null;
  const labels = m[6]!.split(';').map((l) => l.trim()).filter((l) => l.length > 0);
  return { sequence: m[1]!, step: Number(m[2]), exporter: m[3]!, buffer: Number(m[4]), importers: m[5]!.split(','), labels };
}

export function buildCounterexample(found: FoundViolation, model: GroupModel, where: { sequence: string; step: number }): Counterexample {
  const described = found.states.map((s) => describeState(s, model));
  const trace = found.labels.map((label, k) => ({
    n: k + 1,
    label,
    changes: diffStates(described[k]!, described[k + 1]!),
    state: described[k + 1]!,
  }));
  const importers = model.importers.map((i) => i.name);
  return {
    invariant: found.violation.invariant,
    message: found.violation.message,
    depth: found.depth,
    exporter: model.exporter.name,
    buffer: model.buffer,
    importers,
    initial: described[0]!,
    trace,
    replay: formatReplay({ ...where, exporter: model.exporter.name, buffer: model.buffer, importers, labels: found.labels }),
  };
}
