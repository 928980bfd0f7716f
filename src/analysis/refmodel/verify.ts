/**
 * verifySequences: run the explorer on every step of every sequence and build the VerifyReport (the
 * JSON contract, `schema: 1`). Verdicts come only from the explorer. Explorations are cached by their
 * inputs (group, world abilities, baseline, depth), so a step that changes one driver re-explores only
 * that driver's buffers, and sequences that share a prefix share the work.
 */
import { UsageError } from '../../util/errors.js';
import { DEFAULT_DEPTH, DEFAULT_MAX_GROUP } from './config.js';
import { driverBurden, type DriverBurden } from './deltas.js';
import type { MapMemo } from './core.js';
import { exploreGroup, type Exploration } from './explore.js';
import { baselinesOf, checkContext, explorationKey } from './context.js';
import { groupsOf } from './groups.js';
import { REFERENCE_STRATEGY, type ModelStrategy } from './strategy.js';
import { buildCounterexample, type Counterexample } from './trace.js';
import { INVARIANT_IDS, type Delta, type GroupModel, type InvariantId, type PairBaseline, type World } from './types.js';
import type { Sequence } from './sequence.js';
import type { BindingMismatch } from './binding.js';

export interface VerifyOptions {
  depth?: number;
  /** Names of the sequences to run (all when absent). */
  only?: readonly string[];
  /** Largest importer group per buffer (2..3; pairs are always explored). */
  maxGroup?: number;
  /** Invariants to check (all when absent). */
  invariants?: readonly InvariantId[];
  /** The core under test: the reference, or a mutant. */
  strategy?: ModelStrategy;
  /** checkBinding's result, carried into the report. */
  bindingMismatches?: readonly BindingMismatch[];
  /** The patch deltas were derived from the code, not taken from a hand-written binding. */
  derived?: boolean;
}

export interface InvariantReport {
  name: InvariantId;
  holds: boolean;
  counterexample: Counterexample | null;
}

/** A delta of a step: its patch (null when planned) and, when the code says it, the file and line. */
export interface StepDeltaReport {
  delta: Delta;
  patch: number | null;
  file?: string;
  line?: number;
}

export interface StepReport {
  name: string;
  patches: number[];
  planned: Delta[];
  /** Every delta of the step in application order, with where it came from. Added after schema 1 shipped. */
  deltas?: StepDeltaReport[];
  verdict: 'pass' | 'fail';
  invariants: InvariantReport[];
  driverBurden: DriverBurden;
  /** Distinct states covered by this step's explorations (cached ones included). */
  states: number;
  /** States explored afresh for this step, and the time it took. */
  statesExplored: number;
  ms: number;
  groups: number;
}

export interface SequenceReport {
  name: string;
  description: string;
  expect: 'pass' | 'fail';
  expectViolated: InvariantId[];
  outcome: 'pass' | 'fail';
  /** outcome equals expect, and a failing sequence violates every invariant it names. */
  asExpected: boolean;
  /**
   * Each violated invariant with the 1-based step where it first fails, in step order (ties in
   * INVARIANT_IDS order). The first entry is the sequence's first failure; the later ones are
   * failures that start later (as-posted: LOCKING at 12, then HIDE_PHYS at 23). Step verdicts
   * still list every invariant a step violates, whether it started there or earlier.
   */
  firstViolations: FirstViolation[];
  steps: StepReport[];
}

export interface FirstViolation {
  invariant: InvariantId;
  step: number;
}

export interface VerifyReport {
  schema: 1;
  depth: number;
  maxGroup: number;
  strategy: string;
  sequences: SequenceReport[];
  /** `derived`: the deltas came from the series' code (another revision than the binding describes). */
  binding: { mismatches: BindingMismatch[]; derived?: boolean };
  /** Distinct states explored (cached explorations counted once). */
  states: number;
  /** States generated: transitions taken, duplicates included (TLC's "states generated"). Optional: added after schema 1 shipped. */
  transitions?: number;
  ms: number;
  statesPerSecond: number;
  /** Every sequence came out as expected: the CLI exits 0 on true, 1 on false. */
  ok: boolean;
}

interface Run {
  depth: number;
  maxGroup: number;
  strategy: ModelStrategy;
  invariants: readonly InvariantId[];
  cache: Map<string, Exploration>;
  baselines: Map<string, PairBaseline | null>;
  mapMemo: MapMemo;
  /** Results per (previous world, world), by identity. */
  steps: Map<World, Map<World, GroupResult[]>>;
  explored: number;
  transitions: number;
}

function explore(run: Run, model: GroupModel, prev: World | null): Exploration {
  const baseline = baselinesOf(model, run.strategy, prev, run.baselines);
  const key = explorationKey(model, baseline);
  const cached = run.cache.get(key);
  if (cached) return cached;
  const ctx = checkContext(model, run.strategy, prev, run.baselines, baseline);
  const result = exploreGroup(ctx, { depth: run.depth, invariants: run.invariants, mapMemo: run.mapMemo });
  run.explored += result.states;
  run.transitions += result.transitions;
  run.cache.set(key, result);
  return result;
}

type GroupResult = { model: GroupModel; result: Exploration };

/** Every buffer of a world explored against the previous world. A step whose deltas changed nothing
 * (renames, tests) has the same pair of worlds as the step before, so the list is reused whole. */
function exploreWorld(run: Run, prev: World, world: World): GroupResult[] {
  const byWorld = run.steps.get(prev) ?? new Map<World, GroupResult[]>();
  run.steps.set(prev, byWorld);
  let results = byWorld.get(world);
  if (!results) {
    results = groupsOf(world, run.strategy, run.maxGroup).map((model) => ({ model, result: explore(run, model, prev) }));
    byWorld.set(world, results);
  }
  return results;
}

function verifyStep(run: Run, seq: Sequence, index: number, prev: World): StepReport {
  const step = seq.steps[index]!;
  const started = performance.now();
  const exploredBefore = run.explored;
  const best = new Map<InvariantId, { depth: number; cx: () => Counterexample }>();
  let states = 0;
  const groups = exploreWorld(run, prev, step.world);
  for (const { model, result } of groups) {
    states += result.states;
    for (const [id, found] of Object.entries(result.violations) as [InvariantId, NonNullable<Exploration['violations'][InvariantId]>][]) {
      const seen = best.get(id);
      if (!seen || found.depth < seen.depth) {
        best.set(id, { depth: found.depth, cx: () => buildCounterexample(found, model, { sequence: seq.name, step: index + 1 }) });
      }
    }
  }
  const invariants = run.invariants.map((name) => {
    const hit = best.get(name);
    return { name, holds: !hit, counterexample: hit ? hit.cx() : null };
  });
  return {
    name: step.name,
    patches: step.patches,
    planned: step.planned,
    deltas: step.deltas.map((d) => ({ delta: d.delta, patch: d.patch, ...(d.origin ? { file: d.origin.file, line: d.origin.line } : {}) })),
    verdict: invariants.every((i) => i.holds) ? 'pass' : 'fail',
    invariants,
    driverBurden: driverBurden(step.world),
    states,
    statesExplored: run.explored - exploredBefore,
    ms: performance.now() - started,
    groups: groups.length,
  };
}

export function firstViolationsOf(steps: readonly Pick<StepReport, 'invariants'>[]): FirstViolation[] {
  const out: FirstViolation[] = [];
  steps.forEach((s, k) => {
    for (const i of s.invariants) if (!i.holds && !out.some((f) => f.invariant === i.name)) out.push({ invariant: i.name, step: k + 1 });
  });
  return out;
}

function verifySequence(run: Run, seq: Sequence): SequenceReport {
  const steps = seq.steps.map((_, k) => verifyStep(run, seq, k, k === 0 ? seq.base : seq.steps[k - 1]!.world));
  const outcome = steps.every((s) => s.verdict === 'pass') ? 'pass' : 'fail';
  const firstViolations = firstViolationsOf(steps);
  const asExpected = outcome === seq.expect && seq.expectViolated.every((id) => firstViolations.some((f) => f.invariant === id));
  return { name: seq.name, description: seq.description, expect: seq.expect, expectViolated: seq.expectViolated, outcome, asExpected, firstViolations, steps };
}

export function verifySequences(seqs: readonly Sequence[], opts: VerifyOptions = {}): VerifyReport {
  const started = performance.now();
  const run: Run = {
    depth: opts.depth ?? DEFAULT_DEPTH,
    maxGroup: opts.maxGroup ?? DEFAULT_MAX_GROUP,
    strategy: opts.strategy ?? REFERENCE_STRATEGY,
    invariants: opts.invariants ?? INVARIANT_IDS,
    cache: new Map(),
    baselines: new Map(),
    mapMemo: new Map(),
    steps: new Map(),
    explored: 0,
    transitions: 0,
  };
  if (opts.depth !== undefined && !(Number.isInteger(opts.depth) && opts.depth >= 0 && opts.depth <= 64)) throw new UsageError(`depth must be an integer from 0 to 64, not ${opts.depth}`);
  if (opts.maxGroup !== undefined && !(Number.isInteger(opts.maxGroup) && opts.maxGroup >= 1 && opts.maxGroup <= 3)) throw new UsageError(`maxGroup must be 1, 2 or 3, not ${opts.maxGroup}`);
  const unknown = (opts.only ?? []).filter((name) => !seqs.some((s) => s.name === name));
  if (unknown.length) throw new UsageError(`unknown sequence ${unknown.map((n) => `"${n}"`).join(', ')} (known: ${seqs.map((s) => s.name).join(', ')})`);
  const chosen = opts.only ? seqs.filter((s) => opts.only!.includes(s.name)) : seqs;
  const sequences = chosen.map((s) => verifySequence(run, s));
  const ms = performance.now() - started;
  return {
    schema: 1,
    depth: run.depth,
    maxGroup: run.maxGroup,
    strategy: run.strategy.name,
    sequences,
    binding: { mismatches: [...(opts.bindingMismatches ?? [])], ...(opts.derived ? { derived: true } : {}) },
    states: run.explored,
    transitions: run.transitions,
    ms,
    statesPerSecond: ms > 0 ? Math.round((run.explored / ms) * 1000) : 0,
    ok: sequences.every((s) => s.asExpected),
  };
}
