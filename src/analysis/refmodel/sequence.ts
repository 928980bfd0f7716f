/**
 * Landing sequences: a base world and steps, each step a set of patches plus planned deltas. Resolving
 * a sequence applies the deltas in order and yields the world after every step.
 */
import { applyDelta } from './deltas.js';
import type { DeltaOrigin } from './derive.js';
import type { Delta, InvariantId, World } from './types.js';

/** A delta and where it came from: a posted patch (binding.json) or the step's plan. */
export interface StepDelta {
  delta: Delta;
  patch: number | null;
  /** Where the patch's code says it (derived from the diff), when known. */
  origin?: DeltaOrigin;
}

export interface Step {
  name: string;
  patches: number[];
  /** Deltas with no posted patch behind them (the seed's plan). */
  planned: Delta[];
  /** All deltas in application order: the patches' (binding order), then the planned ones. */
  deltas: StepDelta[];
  /** The world after this step. */
  world: World;
}

export interface Sequence {
  name: string;
  description: string;
  expect: 'pass' | 'fail';
  /** Invariants a failing sequence is expected to violate (documentation and a check). */
  expectViolated: InvariantId[];
  base: World;
  steps: Step[];
}

export interface StepInput {
  name: string;
  patches: number[];
  planned: Delta[];
  /** Patch deltas, in order, from the binding. */
  patchDeltas: StepDelta[];
}

export type ResolveResult =
  | { ok: true; steps: Step[] }
  | { ok: false; step: number; delta: StepDelta; deltaIndex: number; problem: string };

/** Apply each step's deltas in order; the first that does not fit the world is reported with its place. */
export function resolveSteps(base: World, inputs: readonly StepInput[]): ResolveResult {
  let world = base;
  const steps: Step[] = [];
  for (let s = 0; s < inputs.length; s++) {
    const input = inputs[s]!;
    const deltas = [...input.patchDeltas, ...input.planned.map((delta) => ({ delta, patch: null }))];
    for (let d = 0; d < deltas.length; d++) {
      const r = applyDelta(world, deltas[d]!.delta);
      if (!r.ok) return { ok: false, step: s, delta: deltas[d]!, deltaIndex: d, problem: r.problem };
      world = r.world;
    }
    steps.push({ name: input.name, patches: input.patches, planned: input.planned, deltas, world });
  }
  return { ok: true, steps };
}
