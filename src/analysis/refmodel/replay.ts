/**
 * `verify --replay STR`: re-run one counterexample's actions in its step's world and check every
 * invariant after each, so a trace printed today can be reproduced (fast-check's replay path).
 */
import { UsageError } from '../../util/errors.js';
import { buildActions, normaliseLabel } from './actions.js';
import { initialState } from './core.js';
import { checkContext } from './context.js';
import { groupModel } from './groups.js';
import { INVARIANTS } from './invariants.js';
import { REFERENCE_STRATEGY, type ModelStrategy } from './strategy.js';
import { describeState, diffStates, parseReplay, type ReplayTarget, type TraceStep } from './trace.js';
import type { InvariantId, Violation } from './types.js';
import type { Sequence } from './sequence.js';

export interface ReplayResult {
  target: ReplayTarget;
  initial: Record<string, string>;
  trace: TraceStep[];
  /** Violations seen, each at the first trace step (0 = the initial state) where it appeared. */
  violations: (Violation & { step: number })[];
}

function fail(problem: string): never {
  throw new UsageError(`--replay: ${problem}`);
}

function locate(seqs: readonly Sequence[], t: ReplayTarget) {
  const seq = seqs.find((s) => s.name === t.sequence) ?? fail(`unknown sequence "${t.sequence}" (known: ${seqs.map((s) => s.name).join(', ')})`);
  const step = seq.steps[t.step - 1] ?? fail(`sequence "${seq.name}" has steps 1..${seq.steps.length}, not ${t.step}`);
  const world = step.world;
  const exporter = world.exporters.find((e) => e.name === t.exporter) ?? fail(`no exporter "${t.exporter}" at that step`);
  if (t.buffer >= exporter.buffers.length) fail(`${exporter.name} has buffers 0..${exporter.buffers.length - 1}`);
  const importers = t.importers.map((n) => world.importers.find((i) => i.name === n) ?? fail(`no importer "${n}" at that step`));
  const prev = t.step === 1 ? seq.base : seq.steps[t.step - 2]!.world;
  return { model: groupModel(world, exporter, t.buffer, importers), prev };
}

export function replayCounterexample(seqs: readonly Sequence[], text: string, opts: { strategy?: ModelStrategy; invariants?: readonly InvariantId[] } = {}): ReplayResult {
  const target = parseReplay(text) ?? fail('expected SEQUENCE#STEP:EXPORTER[BUFFER]>IMPORTER,…:ACTION;ACTION…');
  const strategy = opts.strategy ?? REFERENCE_STRATEGY;
  const { model, prev } = locate(seqs, target);
  const ctx = checkContext(model, strategy, prev);
  const invariants = INVARIANTS.filter((inv) => !opts.invariants || opts.invariants.includes(inv.id));
  const actions = buildActions(model, strategy);
  let state = initialState(model);
  const initial = describeState(state, model);
  const violations: ReplayResult['violations'] = [];
  const record = (n: number) => {
    for (const inv of invariants) {
      const v = inv.check(state, ctx);
      if (v && !violations.some((x) => x.invariant === v.invariant)) violations.push({ ...v, step: n });
    }
  };
  record(0);
  const trace: TraceStep[] = [];
  let before = initial;
  target.labels.forEach((raw, k) => {
    const label = normaliseLabel(raw);
    const action = actions.find((a) => a.label === label) ?? fail(`step ${k + 1}: no action "${label}" (known: ${actions.map((a) => a.label).join('; ')})`);
    const next = action.step(state) ?? fail(`step ${k + 1}: "${label}" is not enabled in this state`);
    state = next;
    const after = describeState(state, model);
    trace.push({ n: k + 1, label, changes: diffStates(before, after), state: after });
    before = after;
    record(k + 1);
  });
  return { target, initial, trace, violations };
}
