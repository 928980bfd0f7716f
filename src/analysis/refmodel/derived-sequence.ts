/**
 * Sequences from the code: a posted revision of the series verified with the deltas derived from its
 * own diffs (no hand-written binding), and the hand-written sequences annotated with the file and line
 * behind each of their patch deltas, where the derivation says the same thing.
 */
import type { PatchSeries } from '../../series/index.js';
import { applyDelta } from './deltas.js';
import type { DerivedEntry } from './derive.js';
import { resolveSteps, type Sequence, type StepDelta } from './sequence.js';
import type { World } from './types.js';

/** Two deltas say the same when they are equal but for the note. */
const sameDelta = (a: object, b: object): boolean => JSON.stringify({ ...a, note: undefined }) === JSON.stringify({ ...b, note: undefined });

/**
 * `as-posted` of this revision: one step per patch, each the deltas derived from its code, from the
 * world before the series. Expected to pass: a posted series should break no invariant.
 */
export function derivedSequence(series: PatchSeries, base: World, derived: readonly DerivedEntry[]): Sequence {
  const inputs = series.patches.map((p) => {
    const entry = derived.find((d) => d.patch === p.index);
    const patchDeltas: StepDelta[] = (entry?.deltas ?? []).map((d) => ({ delta: d.delta, patch: p.index, origin: d.origin }));
    return { name: `${String(p.index).padStart(2, '0')} ${p.subjectInfo?.summary ?? p.subject}`, patches: [p.index], planned: [], patchDeltas };
  });
  // deriveSeries derives each delta in the world the earlier ones made, so all of them apply; one
  // that did not would have been left out of that world, and is left out here the same way.
  let world = base;
  for (const input of inputs) {
    input.patchDeltas = input.patchDeltas.filter((d) => {
      const r = applyDelta(world, d.delta);
      if (r.ok) world = r.world;
      return r.ok;
    });
  }
  const resolved = resolveSteps(base, inputs);
  if (!resolved.ok) throw new Error(`unreachable: derived deltas were checked against their world (${resolved.problem})`);
  const version = series.version > 1 ? ` v${series.version}` : '';
  return {
    name: 'as-posted',
    description: `Derived from the code of "${series.title}"${version}: one step per patch, no hand-written binding.`,
    expect: 'pass',
    expectViolated: [],
    base,
    steps: resolved.steps,
  };
}

/** The same sequences, each patch delta with the origin of the derived delta that says the same. */
export function withOrigins(sequences: readonly Sequence[], derived: readonly DerivedEntry[]): Sequence[] {
  return sequences.map((seq) => ({
    ...seq,
    steps: seq.steps.map((step) => ({
      ...step,
      deltas: step.deltas.map((d) => {
        const match = d.patch === null ? undefined : derived.find((e) => e.patch === d.patch)?.deltas.find((x) => sameDelta(x.delta, d.delta));
        return match ? { ...d, origin: match.origin } : d;
      }),
    })),
  }));
}
