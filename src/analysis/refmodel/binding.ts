/**
 * checkBinding: does each posted patch touch the files and symbols its model delta claims? Where plan
 * (binding.json) and series disagree, the answer is a list of mismatches, never an exception.
 */
import type { Patch, PatchSeries } from '../../series/index.js';
import type { Binding, BindingEntry } from './files.js';

export type BindingMismatchKind = 'missing-patch' | 'unbound-patch' | 'subject-differs' | 'file-not-touched' | 'symbol-not-touched' | 'binding-mismatch';

export interface BindingMismatch {
  patch: number;
  kind: BindingMismatchKind;
  /** The file, symbol or subject the binding expected. */
  expected: string;
  message: string;
  /** The patch's Message-ID, when the series has the patch. */
  messageId?: string;
  /** For `binding-mismatch`: where in the patch the code says otherwise (new-side line). */
  file?: string;
  line?: number;
}

function touchedPaths(patch: Patch): Set<string> {
  const paths = new Set<string>();
  for (const f of patch.files) {
    for (const p of [f.path, f.oldPath, f.newPath]) if (p) paths.add(p);
  }
  return paths;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A symbol is touched when an added or removed line names it as a whole identifier, or when a hunk
 * changes the body of the function git names in the hunk header (`@@ … @@ struct sg_table *f(`).
 */
function touchesSymbol(patch: Patch, symbol: string): boolean {
  const word = new RegExp(`(^|[^A-Za-z0-9_])${escapeRegExp(symbol)}([^A-Za-z0-9_]|$)`);
  const changed = (k: string): boolean => k === 'add' || k === 'remove';
  return patch.files.some((f) =>
    f.hunks.some((h) => h.lines.some((l) => changed(l.kind) && word.test(l.text)) || (word.test(h.section) && h.lines.some((l) => changed(l.kind)))),
  );
}

const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim();

function checkEntry(entry: BindingEntry, patch: Patch): BindingMismatch[] {
  const out: BindingMismatch[] = [];
  const at = { patch: entry.patch, messageId: patch.messageId };
  const summary = patch.subjectInfo?.summary ?? patch.subject;
  if (entry.subject && normalise(entry.subject) !== normalise(summary)) {
    out.push({ ...at, kind: 'subject-differs', expected: entry.subject, message: `patch ${entry.patch} is "${summary}", the binding expects "${entry.subject}"` });
  }
  const paths = touchedPaths(patch);
  for (const file of entry.files) {
    if (!paths.has(file)) out.push({ ...at, kind: 'file-not-touched', expected: file, message: `patch ${entry.patch} does not touch ${file}` });
  }
  for (const symbol of entry.symbols) {
    if (!touchesSymbol(patch, symbol)) out.push({ ...at, kind: 'symbol-not-touched', expected: symbol, message: `patch ${entry.patch} adds or removes no line naming ${symbol}` });
  }
  return out;
}

export function checkBinding(binding: Binding, series: PatchSeries): BindingMismatch[] {
  const out: BindingMismatch[] = [];
  for (const entry of binding.patches) {
    const patch = series.patches.find((p) => p.index === entry.patch);
    if (!patch) out.push({ patch: entry.patch, kind: 'missing-patch', expected: `patch ${entry.patch}`, message: `the series has no patch ${entry.patch}` });
    else out.push(...checkEntry(entry, patch));
  }
  for (const patch of series.patches) {
    if (!binding.patches.some((b) => b.patch === patch.index)) {
      out.push({ patch: patch.index, kind: 'unbound-patch', expected: `patch ${patch.index}`, message: `patch ${patch.index} has no model delta in ${binding.source}`, messageId: patch.messageId });
    }
  }
  return out;
}
