import type { PatchSeries } from '../../../series/index.js';
import type { ReviewData, SequenceView, StepView, TraceView } from '../data.js';
import { modelDescribesSeries } from './lookups.js';

/** What the model says of the step a patch lands in. */
export interface PatchVerdict {
  sequence: SequenceView;
  sequenceIndex: number;
  step: StepView;
  stepIndex: number;
  ok: boolean;
  /** Invariants the step breaks. */
  broken: string[];
  /** Counterexamples first seen at this step (a later step repeating one does not show it again). */
  newTraces: { trace: TraceView; index: number }[];
}

/**
 * The sequence the per-patch verdicts follow: the one landing the series patch by patch (at most
 * one patch a step, the most patches covered: "as posted"), so each row says whether landing that
 * patch breaks an invariant; else the first sequence.
 */
export function patchwiseSequence(data: ReviewData): number {
  const all = data.verify?.sequences ?? [];
  let best = -1;
  let covered = 0;
  all.forEach((s, i) => {
    if (!s.steps.every((st) => st.patches.length <= 1)) return;
    const n = s.steps.filter((st) => st.patches.length === 1).length;
    if (n > covered) { best = i; covered = n; }
  });
  return best >= 0 ? best : all.length ? 0 : -1;
}

/** The model's verdicts are about the first series of the set (the one `verify INPUT` binds); not about other versions. */
export function patchVerdict(data: ReviewData, patch: number, series: PatchSeries | undefined = data.set.series[0]): PatchVerdict | null {
  if (series !== data.set.series[0] || !modelDescribesSeries(data)) return null;
  const si = patchwiseSequence(data);
  const sequence = data.verify?.sequences[si];
  if (!sequence) return null;
  const stepIndex = sequence.steps.findIndex((s) => s.patches.includes(patch));
  const step = sequence.steps[stepIndex];
  if (!step) return null;
  const broken = step.invariants.filter((i) => !i.ok).map((i) => i.id);
  const before = new Set((sequence.steps[stepIndex - 1]?.invariants ?? []).filter((i) => !i.ok).map((i) => i.id));
  const newTraces = (step.counterexamples ?? []).map((trace, index) => ({ trace, index })).filter(({ trace }) => !before.has(trace.invariant));
  return { sequence, sequenceIndex: si, step, stepIndex, ok: broken.length === 0 && step.invariants.length > 0, broken, newTraces };
}

/** The operations of a trace: its steps less the initial state (the count verify and the README give). */
export function operationCount(trace: TraceView): number {
  return trace.steps.length - (trace.steps[0]?.label === INITIAL_STATE ? 1 : 0);
}

export const INITIAL_STATE = '(initial state)';
