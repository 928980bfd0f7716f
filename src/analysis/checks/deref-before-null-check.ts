import { addedFunctions, type AddedFunction } from './added-functions.js';
import { patchCheck, type CheckHit } from './check.js';
import { addedLineHit } from './diff-lines.js';

/** `sizeof(p->x)`, `typeof(*p)`, `offsetof(…)`: p named but never read; blanked before looking for dereferences. */
const UNEVALUATED = /\b(?:sizeof|typeof|__typeof__|offsetof|container_of)\s*\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)/g;

/**
 * Bodies longer than this are left alone: each pointer scans the body, so a crafted function of n distinct pointers
 * costs n²; no real kernel function comes near it.
 */
const MAX_BODY = 1000;

const nullTest = (p: string) =>
  new RegExp(`\\b(?:if|WARN_ON(?:_ONCE)?|unlikely)\\s*\\(\\s*(?:unlikely\\s*\\(\\s*)?(?:!\\s*${p}\\s*[)|&]|${p}\\s*==\\s*NULL\\b|NULL\\s*==\\s*${p}\\b)`);
/** Anything that may give p a new value: assignment, `&p` passed out, or a for_each macro that walks with it. */
const reassigns = (p: string) =>
  new RegExp(`(?:^|[^=!<>\\w.>])${p}\\s*=(?!=)|&\\s*${p}\\b(?!\\s*->)|\\w*for_each\\w*\\s*\\([^;\\n]*\\b${p}\\b|\\b${p}\\s*(?:\\+\\+|--)`);

/**
 * What reviewers miss: a pointer the added function dereferences unconditionally (at the body's top level, one tab
 * in), then tests for NULL further down with nothing assigning it in between. Either the test is dead or the
 * dereference crashes on the path the test exists for (Smatch's "dereferenced before check"). `sizeof(*p)` and
 * `&p->x` do not dereference; a pointer reassigned, passed by address or walked by a for_each macro is left alone.
 */
export const derefBeforeNullCheck = patchCheck({
  id: 'deref-before-null-check',
  severity: 'warning',
  description: 'a pointer dereferenced unconditionally before the same function tests it for NULL',
  run(patch) {
    return addedFunctions(patch).filter((fn) => fn.body.length <= MAX_BODY).flatMap((fn) => problems(fn));
  },
});

/** First and last line of the body where a regex made for one pointer matches, scanned once per pointer. */
function lineSpan(code: readonly string[], re: RegExp): { first: number; last: number } {
  let first = -1;
  let last = -1;
  for (const [i, text] of code.entries()) {
    if (!re.test(text)) continue;
    if (first < 0) first = i;
    last = i;
  }
  return { first, last };
}

function problems(fn: AddedFunction): CheckHit[] {
  const hits: CheckHit[] = [];
  const code = fn.body.map((l) => l.code.replace(UNEVALUATED, ' '));
  // Each pointer is judged once, at its first top-level dereference: later ones add nothing.
  const judged = new Set<string>();
  for (const [d, line] of fn.body.entries()) {
    // Top level only: one tab, then a statement (not a label, brace or continuation of an earlier line).
    if (!/^\t[A-Za-z_*(]/.test(line.at.line.text) || (d > 0 && !/[;{}]\s*$/.test(code[d - 1]!.trimEnd()) && code[d - 1]!.trim() !== '')) continue;
    for (const m of code[d]!.matchAll(/(?<![&\w.>]\s*)\b([a-z_]\w*)\s*->/g)) {
      const p = m[1]!;
      if (judged.has(p) || new RegExp(`\\b${p}\\s*(?:&&|\\?)`).test(code[d]!)) continue;
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
