import type { TraceView } from '../data.js';
import { clean, line, BLANK, type DocLine } from './lines.js';
import { INITIAL_STATE } from './verdicts.js';

/** Model state as printable lines: given lines as-is, objects one `key: value` per line. */
export function stateLines(state: TraceView['steps'][number]['state']): string[] {
  if (Array.isArray(state)) return state;
  return Object.entries(state).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
}

/** Number of a trace row: the initial state is 0, the operations 1… as `verify` numbers them. */
function opNumber(trace: TraceView, i: number): number {
  return trace.steps[0]?.label === INITIAL_STATE ? i : i + 1;
}

/** The trace pane: the initial state as 0, operations numbered from 1 as `verify` does, the violated invariant last. */
export function traceStepRows(trace: TraceView): DocLine[] {
  const rows = trace.steps.map((s, i) => line([[`${String(opNumber(trace, i)).padStart(3)}. `, 'accent'], [clean(s.label), 'plain']]));
  rows.push(line([['  ✗ ', 'fail'], [clean(`${trace.invariant}${trace.message ? `: ${trace.message}` : ''}`), 'fail']], { wrap: '    ' }));
  return rows;
}

/** The state pane for operation `index`: lines that changed since the previous operation are marked. */
export function traceStateRows(trace: TraceView, index: number): DocLine[] {
  const step = trace.steps[Math.min(index, trace.steps.length - 1)];
  if (!step) return [line([['(empty trace)', 'dim']])];
  const i = trace.steps.indexOf(step);
  const before = new Set(i > 0 ? stateLines(trace.steps[i - 1]!.state) : []);
  const out: DocLine[] = [line([[step.label === INITIAL_STATE ? 'Initial state' : `State after ${opNumber(trace, i)}. `, 'heading'], [step.label === INITIAL_STATE ? '' : clean(step.label), 'heading']]), BLANK];
  for (const s of stateLines(step.state)) {
    const changed = i > 0 && !before.has(s);
    out.push(line([[changed ? '* ' : '  ', changed ? 'warning' : 'dim'], [clean(s), changed ? 'warning' : 'plain']]));
  }
  if (trace.replay) out.push(BLANK, line([['replay (y copies): ', 'dim'], [clean(trace.replay), 'dim']], { wrap: '  ' }));
  return out;
}
