import type { Patch } from '../../../series/index.js';
import type { BindingView, TraceView } from '../data.js';
import { clean, line, type DocLine } from './lines.js';
import { hunkLineKey } from './reply-anchors.js';
import { operationCount, type PatchVerdict } from './verdicts.js';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The diff line a patch's model trace belongs under: the first changed line naming a symbol the
 * binding gives for the patch, else the first changed line of a file it gives, else the first
 * changed line of the patch. Keyed as inline replies are (`hunkLineKey`).
 */
export function traceAnchor(patch: Patch, binding: BindingView | undefined): string | null {
  const entry = binding?.entries.find((e) => e.patch === patch.index);
  const changed = (kind: string) => kind === 'add' || kind === 'remove';
  const find = (test: (path: string, text: string) => boolean): string | null => {
    for (const [fi, f] of patch.files.entries()) {
      for (const [hi, h] of f.hunks.entries()) {
        const li = h.lines.findIndex((l) => changed(l.kind) && test(f.path, l.text));
        if (li >= 0) return hunkLineKey(fi, hi, li);
      }
    }
    return null;
  };
  for (const sym of entry?.symbols ?? []) {
    const word = new RegExp(`(^|[^A-Za-z0-9_])${escapeRegExp(sym)}([^A-Za-z0-9_]|$)`);
    const at = find((_, text) => word.test(text));
    if (at) return at;
  }
  const files = new Set(entry?.files ?? []);
  return (files.size ? find((path) => files.has(path)) : null) ?? find(() => true);
}

/** The trace as it reads under a hunk: what broke, the operations, the replay string; Enter opens it. */
export function inlineTraceLines(v: PatchVerdict, t: { trace: TraceView; index: number }): DocLine[] {
  const { trace } = t;
  const n = operationCount(trace);
  const target = { kind: 'trace' as const, sequence: v.sequenceIndex, step: v.stepIndex, trace: t.index };
  const out: DocLine[] = [line([
    ['    ▶ model: ', 'fail'], [clean(`${trace.invariant} breaks when this lands (${v.sequence.name}, step ${v.stepIndex + 1}), ${n} operation${n === 1 ? '' : 's'}`), 'fail'],
    ['  Enter: trace  y: copy replay', 'dim'],
  ], { target, wrap: '      ' })];
  trace.steps.slice(trace.steps.length - n).forEach((s, i) => out.push(line([[`    ┊ ${i + 1}. `, 'accent'], [clean(s.label), 'plain']], { wrap: '    ┊    ' })));
  if (trace.message) out.push(line([['    ┊ ', 'accent'], [clean(`${trace.invariant}: ${trace.message}`), 'fail']], { wrap: '    ┊ ' }));
  if (trace.replay) out.push(line([['    ┊ replay: ', 'dim'], [clean(trace.replay), 'dim']], { wrap: '    ┊ ', target }));
  return out;
}
