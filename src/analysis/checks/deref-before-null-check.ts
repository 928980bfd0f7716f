import type { AddedFunction } from './added-functions.js';
import type { CheckHit } from './check.js';
import { addedLineHit } from './diff-lines.js';
import { dereferenced, guardsItself, isTopLevelStatement, lineSpan, pointerCheck, reassigns } from './pointer-flow.js';

const nullTest = (p: string) =>
  new RegExp(`\\b(?:if|WARN_ON(?:_ONCE)?|unlikely)\\s*\\(\\s*(?:unlikely\\s*\\(\\s*)?(?:!\\s*${p}\\s*[)|&]|${p}\\s*==\\s*NULL\\b|NULL\\s*==\\s*${p}\\b)`);

/**
 * What reviewers miss: a pointer the added function dereferences unconditionally (at the body's top level, one tab
 * in), then tests for NULL further down with nothing assigning it in between. Either the test is dead or the
 * dereference crashes on the path the test exists for (Smatch's "dereferenced before check"). `sizeof(*p)` and
 * `&p->x` do not dereference; a pointer reassigned, passed by address or walked by a for_each macro is left alone.
 */
export const derefBeforeNullCheck = pointerCheck({
  id: 'deref-before-null-check',
  severity: 'warning',
  description: 'a pointer dereferenced unconditionally before the same function tests it for NULL',
  problems,
});

function problems(fn: AddedFunction, code: readonly string[]): CheckHit[] {
  const hits: CheckHit[] = [];
  // Each pointer is judged once, at its first top-level dereference: later ones add nothing.
  const judged = new Set<string>();
  for (const [d, line] of fn.body.entries()) {
    if (!isTopLevelStatement(fn, code, d)) continue;
    for (const p of dereferenced(code[d]!)) {
      if (judged.has(p) || guardsItself(p, code[d]!)) continue;
      judged.add(p);
      const test = lineSpan(code, nullTest(p)).first;
      // Tested before (or on) this line, never tested, or reassigned anywhere after it (a loop could carry the new
      // value back up to the test): nothing to say.
      if (test <= d || lineSpan(code, reassigns(p)).last >= d) continue;
      hits.push(addedLineHit(fn.body[test]!.at, `${p} is tested for NULL here, but ${fn.name}() already dereferenced it at line ${line.at.line.newLine} of ${fn.file.path} on every path: the test is dead or the dereference crashes`));
    }
  }
  return hits;
}
