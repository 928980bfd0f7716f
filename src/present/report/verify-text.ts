import { firstViolationsOf, type Counterexample, type Delta, type ReplayResult, type SequenceReport, type StepReport, type TraceStep, type VerifyReport } from '../../analysis/refmodel/index.js';
import { sanitizeForTerminal } from '../sanitize.js';

/**
 * `patchscope verify` as plain text: per sequence and step the verdict, one line per invariant, and
 * each counterexample as TLC prints a trace (states numbered from 1, the action, then what changed).
 * Sequence files are user input, so every name is sanitised before it reaches a terminal.
 */
export interface VerifyTextOptions {
  /** Print every field of the state after each trace step, not only what changed. */
  fullStates?: boolean;
}

const clean = sanitizeForTerminal;
const group = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

function rate(states: number, ms: number): string {
  return ms > 0 ? `${group((states / ms) * 1000)} states/s` : '-';
}

export function describeDelta(d: Delta): string {
  switch (d.op) {
    case 'none': return `none (${d.why})`;
    case 'add-type': case 'remove-type': return `${d.op} ${d.type}`;
    case 'add-converter': case 'remove-converter': return `${d.op} ${d.converter}`;
    case 'add-exporter': return `add-exporter ${d.exporter.name} [${d.exporter.offers.join(', ')}]`;
    case 'add-importer': return `add-importer ${d.importer.name} [${d.importer.accepts.join(', ')}]`;
    case 'set-offers': return `${d.exporter} offers [${d.offers.join(', ')}]`;
    case 'set-accepts': return `${d.importer} accepts [${d.accepts.join(', ')}]`;
    case 'set-max-ranges': return `${d.importer} max ranges ${d.maxRanges || 'unlimited'}`;
    case 'set-match-lock': return `${d.exporter}'s match ${d.asserts ? 'asserts' : 'does not assert'} the dma_resv lock`;
    case 'set-unmap-leaks': return `${d.exporter}'s unmap ${d.leaks ? 'releases nothing' : 'releases what map took'}`;
  }
}

/** Trace steps as TLC prints them: `n: action`, then what changed (or every field with fullStates). */
function traceStepLines(initial: Record<string, string>, trace: readonly TraceStep[], pad: string, opts: VerifyTextOptions): string[] {
  const stepLines = (s: TraceStep): string[] => {
    const fields = opts.fullStates ? Object.entries(s.state).map(([k, v]) => `${k} = ${v}`) : s.changes;
    return [`${pad}${s.n}: ${clean(s.label)}`, ...(fields.length ? fields : ['(no change)']).map((c) => `${pad}     ${clean(c)}`)];
  };
  const out = opts.fullStates ? [`${pad}0: <initial>`, ...Object.entries(initial).map(([k, v]) => `${pad}     ${clean(`${k} = ${v}`)}`)] : [];
  return [...out, ...trace.flatMap(stepLines)];
}

function traceLines(cx: Counterexample, opts: VerifyTextOptions): string[] {
  const pad = '      ';
  const out = [`${pad}buffer: ${clean(cx.exporter)}[${cx.buffer}] shared with ${cx.importers.map(clean).join(', ')}`];
  out.push(...traceStepLines(cx.initial, cx.trace, pad, opts));
  out.push(`${pad}${cx.invariant} violated at depth ${cx.depth}: ${clean(cx.message)}`, `${pad}replay: ${clean(cx.replay)}`);
  return out;
}

/** Strip the step from a replay string, to see that two steps share one counterexample. */
const traceShape = (cx: Counterexample): string => cx.replay.replace(/#\d+:/, ':');

/** Two steps share a counterexample when its replay differs only in the step number. */
export const sameTrace = (a: Counterexample, b: Counterexample): boolean => traceShape(a) === traceShape(b);

function stepLines(seq: SequenceReport, k: number, opts: VerifyTextOptions): string[] {
  const step: StepReport = seq.steps[k]!;
  const patches = step.patches.length ? `patches ${step.patches.join(',')}` : 'no posted patch';
  const head = `  step ${k + 1}: ${clean(step.name)} [${patches}] — ${step.verdict === 'pass' ? 'pass' : 'FAIL'}`;
  const speed = step.statesExplored > 0 ? rate(step.statesExplored, step.ms) : 'all explorations reused';
  const stats = `    ${group(step.states)} states (${group(step.statesExplored)} new) in ${step.ms.toFixed(1)} ms, ${speed}, ${step.groups} buffers`;
  const out = [head, stats];
  if (step.planned.length) out.push(`    planned: ${step.planned.map((d) => clean(describeDelta(d))).join('; ')}`);
  const fromCode = codeDeltas(step);
  if (fromCode.length) out.push(`    from the code: ${fromCode.join('; ')}`);
  const prev = k > 0 ? seq.steps[k - 1] : undefined;
  for (const inv of step.invariants) {
    const cx = inv.counterexample;
    if (!cx) {
      out.push(`    ${inv.name.padEnd(14)} holds`);
      continue;
    }
    const before = prev?.invariants.find((i) => i.name === inv.name)?.counterexample;
    if (before && sameTrace(before, cx)) out.push(`    ${inv.name.padEnd(14)} violated (same counterexample as step ${k})`);
    else out.push(`    ${inv.name.padEnd(14)} violated`, ...traceLines(cx, opts));
  }
  const burden = Object.entries(step.driverBurden.exporters).map(([e, ops]) => `${clean(e)} ${ops.length}`);
  out.push(`    driver burden: ${burden.join(', ')} (total ${step.driverBurden.total})`);
  return out;
}

/** The step's patch deltas that the code says, each with its file and line (`… @ path:line`). */
export function codeDeltas(step: Pick<StepReport, 'deltas'>): string[] {
  return (step.deltas ?? []).filter((d) => d.file !== undefined).map((d) => clean(`${describeDelta(d.delta)} @ ${d.file}:${d.line}`));
}

/** `first failure: step 12 (LOCKING); then HIDE_PHYS from step 23`, or null when every step passes. */
export function firstFailureLine(seq: Pick<SequenceReport, 'steps'>): string | null {
  const [first, ...later] = firstViolationsOf(seq.steps);
  if (!first) return null;
  const same = later.filter((f) => f.step === first.step).map((f) => f.invariant);
  const after = later.filter((f) => f.step !== first.step).map((f) => `${f.invariant} from step ${f.step}`);
  return `first failure: step ${first.step} (${[first.invariant, ...same].join(', ')})${after.length ? `; then ${after.join(', ')}` : ''}`;
}

function sequenceLines(seq: SequenceReport, opts: VerifyTextOptions): string[] {
  const verdict = seq.asExpected ? 'as expected' : 'NOT AS EXPECTED';
  const named = seq.expectViolated.length ? ` (${seq.expectViolated.join(', ')})` : '';
  const out = [`sequence ${clean(seq.name)}: expected ${seq.expect}${named}, got ${seq.outcome} — ${verdict}`];
  if (seq.description) out.push(`  ${clean(seq.description)}`);
  const firstLine = firstFailureLine(seq);
  if (firstLine) out.push(`  ${firstLine}`);
  seq.steps.forEach((_, k) => out.push(...stepLines(seq, k, opts)));
  return out;
}

export function formatVerifyText(report: VerifyReport, opts: VerifyTextOptions = {}): string {
  const out = [
    `verify: depth ${report.depth}, groups of up to ${report.maxGroup} importers, core "${clean(report.strategy)}"`,
    `${group(report.states)} states explored in ${(report.ms / 1000).toFixed(2)} s (${rate(report.states, report.ms)})`,
    '',
  ];
  for (const seq of report.sequences) out.push(...sequenceLines(seq, opts), '');
  const mismatches = report.binding.mismatches;
  if (report.binding.derived) out.push('binding: derived from the code of this revision (the hand-written binding describes another)');
  else out.push(mismatches.length ? `binding: ${mismatches.length} mismatch(es) between binding and series` : 'binding: no mismatches');
  for (const m of mismatches) out.push(`  patch ${m.patch}: ${m.kind}: ${clean(m.message)}`);
  const off = report.sequences.filter((s) => !s.asExpected).map((s) => clean(s.name));
  out.push(off.length ? `result: not as expected: ${off.join(', ')}` : 'result: every sequence as expected');
  return `${out.join('\n')}\n`;
}

/** `verify --replay`: the replayed trace, then each invariant it broke and at which step. */
export function formatReplayText(result: ReplayResult, opts: VerifyTextOptions = {}): string {
  const t = result.target;
  const out = [`replay: sequence ${clean(t.sequence)}, step ${t.step}, ${clean(t.exporter)}[${t.buffer}] shared with ${t.importers.map(clean).join(', ')}`];
  out.push(...traceStepLines(result.initial, result.trace, '  ', opts));
  if (result.violations.length === 0) out.push('every invariant holds along this trace');
  for (const v of result.violations) out.push(`${v.invariant} violated at step ${v.step}: ${clean(v.message)}`);
  return `${out.join('\n')}\n`;
}
