import type { Counterexample, SequenceReport, StepReport, VerifyReport } from '../../analysis/refmodel/index.js';
import { wrapCodeLine, type Block } from './blocks.js';
import { plural } from './analysis-section.js';
import { clean } from './series-section.js';
import { codeDeltas, firstFailureLine, sameTrace } from './verify-text.js';

/**
 * The reference model's verdicts per sequence and step, with the counterexample of each violated
 * invariant. Not verify-text.ts's formatVerifyText (the `verify` command's): that prints timings, and a report must be the same
 * bytes for the same input. Sequence files are user input, so names and labels are sanitised.
 *
 * The report is pasted into mail replies, so traces are fitted to 72 columns too, except the
 * replay string: it is one argument for `patchscope verify --replay` (labels may hold a space), so
 * it stands whole on a line of its own, where it can be copied (in Markdown, a code line).
 */

function traceLines(cx: Counterexample): string[] {
  return [
    ...[
      `${cx.invariant} violated: ${clean(cx.message)}`,
      `exporter ${clean(cx.exporter)} (buffer ${cx.buffer}), importers ${cx.importers.map(clean).join(', ')}, depth ${cx.depth}`,
      ...cx.trace.flatMap((s) => [`${s.n}. ${clean(s.label)}`, ...s.changes.map((c) => `     ${clean(c)}`)]),
      'replay (patchscope verify --replay):',
    ].flatMap((l) => wrapCodeLine(l)),
    `  ${clean(cx.replay)}`,
  ];
}

function stepItem(step: StepReport, k: number): string[] {
  const failed = step.invariants.filter((i) => !i.holds).map((i) => i.name);
  const verdict = step.verdict === 'pass' ? 'all invariants hold' : `violates ${failed.join(', ')}`;
  const patches = step.patches.length ? `patches ${step.patches.join(', ')}` : 'no posted patch (planned)';
  const fromCode = codeDeltas(step);
  return [`step ${k + 1} ${clean(step.name)}: ${verdict}`, `${patches}; driver burden ${step.driverBurden.total}; ${plural(step.states, 'state')}`, ...(fromCode.length ? [`from the code: ${fromCode.join('; ')}`] : [])];
}

function sequenceBlocks(seq: SequenceReport): Block[] {
  const first = firstFailureLine(seq);
  const expected = seq.asExpected ? 'as expected' : `NOT as expected (expected ${seq.expect})`;
  const blocks: Block[] = [
    { kind: 'heading', level: 3, text: `Sequence ${clean(seq.name)}` },
    { kind: 'paragraph', text: `${clean(seq.description)} Outcome: ${seq.outcome}, ${expected}.${first ? ` ${first[0]!.toUpperCase()}${first.slice(1)}.` : ''}` },
    { kind: 'list', items: seq.steps.map(stepItem) },
  ];
  seq.steps.forEach((step, k) => {
    for (const inv of step.invariants) {
      // A violation that goes on from the step before with the same trace is printed once, at its first step.
      const before = k > 0 ? seq.steps[k - 1]!.invariants.find((i) => i.name === inv.name)?.counterexample : undefined;
      if (inv.counterexample && before && sameTrace(before, inv.counterexample)) continue;
      // The heading line is a paragraph, not code: in Markdown it closes the step list, which a
      // code block right after a list would otherwise continue (as text, not code).
      if (inv.counterexample) {
        blocks.push({ kind: 'paragraph', text: `Counterexample, step ${clean(step.name)}:` }, { kind: 'pre', lines: traceLines(inv.counterexample) });
      }
    }
  });
  return blocks;
}

export function verifyBlocks(report: VerifyReport): Block[] {
  const summary = `${report.ok ? 'Every sequence came out as expected' : 'Some sequence did NOT come out as expected'}: `
    + `${plural(report.states, 'state')} explored to depth ${report.depth} (groups up to ${report.maxGroup}), strategy ${report.strategy}.`;
  const mismatches = report.binding.mismatches;
  return [
    { kind: 'heading', level: 2, text: 'Reference model' },
    { kind: 'paragraph', text: summary },
    ...(report.binding.derived ? [{ kind: 'paragraph' as const, text: 'Model deltas derived from the code of this revision (the hand-written binding describes another).' }] : []),
    ...(mismatches.length ? [{ kind: 'list' as const, items: mismatches.map((m) => [`binding: ${clean(m.message)}`]) }] : []),
    ...report.sequences.flatMap(sequenceBlocks),
  ];
}
