import type { AddedFunction } from './added-functions.js';
import type { CheckHit } from './check.js';
import { addedLineHit } from './diff-lines.js';
import { dereferenced, guardsItself, isTopLevelStatement, lineSpan, pointerCheck, reassigns } from './pointer-flow.js';

/** A top-level `if` whose whole condition is one NULL test of a pointer: `if (!p)`, `if (p)`, `if (p == NULL)`… */
const SOLE_TEST = /^\tif\s*\(\s*(?:(?:un)?likely\s*\(\s*)?(!\s*)?([a-z_]\w*)(\s*[!=]=\s*NULL)?\s*\)?\s*\)\s*\{?$/;
/** A branch that leaves: after `if (!p) return …;` p is known non-NULL. */
const LEAVES = /\b(?:return|goto|break|continue|BUG|panic|do_exit)\b/;

/** The body lines the if's branch spans (from the if to its last line), or null when an else follows. */
function branchEnd(fn: AddedFunction, code: readonly string[], c: number): number | null {
  let end = c + 1;
  if (/\{$/.test(code[c]!.trim())) {
    while (end < code.length && !/^\t\}/.test(fn.body[end]!.at.line.text)) end++;
  } else {
    while (end < code.length && !/;\s*$/.test(code[end]!.replace(/\u0001+/g, '').trim())) end++;
  }
  if (end >= code.length) return null;
  if (/\belse\b/.test(code[end]!) || /^\s*else\b/.test(code[end + 1] ?? '')) return null;
  return end;
}

/**
 * What reviewers miss: the added function tests a pointer for NULL with an `if` that does not leave when it is NULL
 * (`if (!p) pr_warn(…);`, or `if (p) …`), then dereferences it unconditionally further down with nothing assigning
 * it in between: the path the test was written for crashes. Only a top-level `if` whose whole condition is that
 * test, with no `else`, and a top-level dereference, so every path from one reaches the other.
 */
export const nullCheckThenDeref = pointerCheck({
  id: 'null-check-then-deref',
  severity: 'warning',
  description: 'a pointer tested for NULL without leaving, then dereferenced on every path after',
  problems,
});

function problems(fn: AddedFunction, code: readonly string[]): CheckHit[] {
  const hits: CheckHit[] = [];
  const judged = new Set<string>();
  for (const [c, line] of fn.body.entries()) {
    const test = SOLE_TEST.exec(code[c]!.replace(/\u0001+/g, '').trimEnd());
    if (test === null || !isTopLevelStatement(fn, code, c)) continue;
    const p = test[2]!;
    const negative = test[1] !== undefined || /==/.test(test[3] ?? '');
    if (judged.has(p)) continue;
    judged.add(p);
    const end = branchEnd(fn, code, c);
    if (end === null) continue;
    const branch = code.slice(c + 1, end + 1).join('\n');
    // `if (!p) return …;` leaves p non-NULL after it; `if (!p) p = …;` gives it a value.
    if ((negative && LEAVES.test(branch)) || reassigns(p).test(branch)) continue;
    const after = code.slice(end + 1);
    for (const [k, text] of after.entries()) {
      const d = end + 1 + k;
      if (reassigns(p).test(text)) break;
      if (!isTopLevelStatement(fn, code, d) || guardsItself(p, text) || !dereferenced(text).includes(p)) continue;
      // A later test of p again means the author re-checks it; the plain NULL test was the last word before here.
      if (lineSpan(code.slice(end + 1, d), new RegExp(`\\b${p}\\b\\s*(?:[!=]=|&&|\\|\\||\\))`)).first >= 0) break;
      hits.push(addedLineHit(fn.body[d]!.at, `${fn.name}() tested ${p} for NULL at line ${line.at.line.newLine} of ${fn.file.path} and went on, but dereferences it here on every path: NULL crashes here`));
      break;
    }
  }
  return hits;
}
