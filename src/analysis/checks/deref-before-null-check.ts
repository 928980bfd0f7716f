import { addedFunctions, type AddedFunction } from './added-functions.js';
import { patchCheck, type CheckHit } from './check.js';
import { addedLineHit } from './diff-lines.js';

/** `sizeof(p->x)`, `typeof(*p)`, `offsetof(…)`: p named but never read; blanked before looking for dereferences. */
const UNEVALUATED = /\b(?:sizeof|typeof|__typeof__|offsetof|container_of)\s*\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)/g;

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
    return addedFunctions(patch).flatMap((fn) => problems(fn));
  },
});

function problems(fn: AddedFunction): CheckHit[] {
  const hits: CheckHit[] = [];
  const code = fn.body.map((l) => l.code.replace(UNEVALUATED, ' '));
  const reported = new Set<string>();
  for (const [d, line] of fn.body.entries()) {
    // Top level only: one tab, then a statement (not a label, brace or continuation of an earlier line).
    if (!/^\t[A-Za-z_*(]/.test(line.at.line.text) || (d > 0 && !/[;{}]\s*$/.test(code[d - 1]!.trimEnd()) && code[d - 1]!.trim() !== '')) continue;
    for (const m of code[d]!.matchAll(/(?<![&\w.>]\s*)\b([a-z_]\w*)\s*->/g)) {
      const p = m[1]!;
      if (reported.has(p) || nullTest(p).test(code.slice(0, d + 1).join('\n')) || new RegExp(`\\b${p}\\s*(?:&&|\\?)`).test(code[d]!)) continue;
      // Reassigned anywhere later, even below the test, and a loop could carry the new value back up to it.
      if (reassigns(p).test(code.slice(d).join('\n'))) continue;
      for (let c = d + 1; c < code.length; c++) {
        if (nullTest(p).test(code[c]!)) {
          reported.add(p);
          hits.push(addedLineHit(fn.body[c]!.at, `${p} is tested for NULL here, but ${fn.name}() already dereferenced it at line ${line.at.line.newLine} of ${fn.file.path} on every path: the test is dead or the dereference crashes`));
          break;
        }
      }
    }
  }
  return hits;
}
