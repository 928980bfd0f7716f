import type { PairMatrix, StepView, VerifyView } from '../data.js';
import { clean, line, padEnd, BLANK, type DocLine, type Seg } from './lines.js';
import { operationCount } from './verdicts.js';

function invariantRow(step: StepView): DocLine {
  if (step.invariants.length === 0) return line([['    invariants: not checked', 'dim']]);
  const segs: [string, 'pass' | 'fail' | 'dim'][] = [['    ', 'dim']];
  for (const inv of step.invariants) segs.push([` ${inv.ok ? '✓' : '✗'} ${clean(inv.id)} `, inv.ok ? 'pass' : 'fail'], [' ', 'dim']);
  return line(segs);
}

function matrixRows(m: PairMatrix): DocLine[] {
  const first = Math.max(8, ...m.exporters.map((e) => e.length)) + 2;
  const colWidth = (i: number) => Math.max(m.importers[i]!.length, ...m.cells.map((r) => (r[i] ?? '—').length)) + 2;
  const head: Seg[] = [{ text: `    ${padEnd('exp \\ imp', first)}`, style: 'heading' }];
  m.importers.forEach((imp, i) => head.push({ text: padEnd(clean(imp), colWidth(i)), style: 'heading' }));
  const rows = m.exporters.map((exp, e) => {
    const segs: Seg[] = [{ text: `    ${padEnd(clean(exp), first)}`, style: 'accent' }];
    m.importers.forEach((_, i) => {
      const cell = m.cells[e]?.[i] ?? null;
      segs.push({ text: padEnd(cell === null ? '—' : clean(cell), colWidth(i)), style: cell === null ? 'fail' : 'plain' });
    });
    return { segs, text: segs.map((s) => s.text).join('') };
  });
  return [{ segs: head, text: head.map((s) => s.text).join('') }, ...rows];
}

function stepLines(step: StepView, seq: number, index: number, prev: StepView | undefined): DocLine[] {
  const patches = step.patches.length ? `patches ${step.patches.join(', ')}` : 'no posted patch';
  const out: DocLine[] = [line([[`  Step ${index + 1}: `, 'heading'], [clean(step.name), 'heading'], [`  (${patches})`, 'dim']])];
  for (const d of step.deltas) out.push(line([[`    ${d.planned ? '◌' : '●'} `, d.planned ? 'planned' : 'accent'], [clean(d.label), d.planned ? 'planned' : 'plain'], [d.planned ? '  (planned)' : '', 'dim']]));
  out.push(invariantRow(step));
  for (const inv of step.invariants.filter((i) => !i.ok && i.message)) out.push(line([[`      ${clean(inv.id)}: ${clean(inv.message!)}`, 'fail']], { wrap: '        ' }));
  if (step.matrix && prev?.matrix && JSON.stringify(step.matrix) === JSON.stringify(prev.matrix)) {
    out.push(line([['    exporter×importer paths: unchanged', 'dim']]));
  } else if (step.matrix) out.push(...matrixRows(step.matrix));
  if (step.burden) {
    const b = Object.entries(step.burden).map(([k, v]) => `${clean(k)} ${v}`).join(', ');
    out.push(line([['    driver burden (ops): ', 'dim'], [b, 'plain']]));
  }
  (step.counterexamples ?? []).forEach((c, trace) => {
    const scope = c.scope ? ` (${clean(c.scope)})` : '';
    out.push(line([['    ▶ counterexample: ', 'fail'], [clean(`${c.invariant}, ${operationCount(c)} operation${operationCount(c) === 1 ? '' : 's'}`), 'fail'], [`${scope}  Enter to step through`, 'dim']],
      { target: { kind: 'trace', sequence: seq, step: index, trace } }));
  });
  return [...out, BLANK];
}

/** Where the plan and this series disagree, as `verify` lists it (all of it on a series the plan is not about). */
function bindingLines(verify: VerifyView): DocLine[] {
  const b = verify.binding;
  if (!b) return [];
  if (b.mismatches.length === 0) return [line([['binding: no mismatches', 'dim']]), BLANK];
  const out = [line([[`binding: ${b.mismatches.length} mismatch${b.mismatches.length === 1 ? '' : 'es'} between the plan and this series`, 'warning']])];
  for (const m of b.mismatches) out.push(line([[`  ${clean(m)}`, 'warning']], { wrap: '    ' }));
  return [...out, BLANK];
}

/** The steps view: every sequence, its steps with deltas, invariant cells, matrix and counterexamples. */
export function stepsDoc(verify: VerifyView | undefined): DocLine[] {
  if (!verify || verify.sequences.length === 0) {
    return [line([['No verification results. Run with a landing sequence (patchscope verify) to see steps.', 'dim']])];
  }
  const out: DocLine[] = [...bindingLines(verify)];
  if (verify.statesExplored !== undefined) {
    const rate = verify.statesPerSecond ? `, ${Math.round(verify.statesPerSecond)} states/s` : '';
    out.push(line([[`Model: ${verify.statesExplored} states explored${rate}`, 'dim']]), BLANK);
  }
  verify.sequences.forEach((s, si) => {
    out.push(line([['Sequence: ', 'title'], [clean(s.name), 'title'], [s.outcome ? `  ${clean(s.outcome)}` : '', s.outcome?.startsWith('pass') ? 'pass' : 'fail']]));
    s.steps.forEach((step, i) => out.push(...stepLines(step, si, i, s.steps[i - 1])));
  });
  return out;
}
