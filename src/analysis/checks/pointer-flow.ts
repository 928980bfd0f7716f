import { addedFunctions, type AddedFunction } from './added-functions.js';
import { patchCheck, type CheckHit, type CheckSpec, type PatchCheck } from './check.js';

/** `sizeof(p->x)`, `typeof(*p)`, `offsetof(…)`: p named but never read; blanked before looking for dereferences. */
const UNEVALUATED = /\b(?:sizeof|typeof|__typeof__|offsetof|container_of)\s*\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)/g;

/**
 * Bodies longer than this are left alone by the pointer checks: each pointer scans the body, so a crafted function
 * of n distinct pointers costs n²; no real kernel function comes near it.
 */
export const MAX_BODY = 1000;

/** The body's code lines with unevaluated operands blanked. */
export function evaluatedCode(fn: AddedFunction): string[] {
  return fn.body.map((l) => l.code.replace(UNEVALUATED, ' '));
}

/** Anything that may give p a new value: assignment, `&p` passed out, a for_each macro that walks with it, ++/--. */
export const reassigns = (p: string): RegExp =>
  new RegExp(`(?:^|[^=!<>\\w.>])${p}\\s*=(?!=)|&\\s*${p}\\b(?!\\s*->)|\\w*for_each\\w*\\s*\\([^;\\n]*\\b${p}\\b|\\b${p}\\s*(?:\\+\\+|--)`);

/**
 * Whether body line d is a statement at the body's top level (one tab, not a label, brace or the continuation of
 * an earlier line): one that runs on every path that reaches it.
 */
export function isTopLevelStatement(fn: AddedFunction, code: readonly string[], d: number): boolean {
  if (!/^\t[A-Za-z_*(]/.test(fn.body[d]!.at.line.text)) return false;
  const before = d > 0 ? code[d - 1]!.replace(/\u0001+/g, '').trim() : '';
  return before === '' || /[;{}]$/.test(before);
}

/** The pointers a code line dereferences with `->` (not `&p->x`, which only computes an address). */
export function dereferenced(code: string): string[] {
  return [...code.matchAll(/(?<![&\w.>]\s*)\b([a-z_]\w*)\s*->/g)].map((m) => m[1]!);
}

/** Whether the line guards its own use of p (`p && p->x`, `p ? p->x : 0`). */
export const guardsItself = (p: string, code: string): boolean => new RegExp(`\\b${p}\\s*(?:&&|\\?)`).test(code);

/** First and last line of the body where a regex made for one pointer matches, scanned once per pointer. */
export function lineSpan(code: readonly string[], re: RegExp): { first: number; last: number } {
  let first = -1;
  let last = -1;
  for (const [i, text] of code.entries()) {
    if (!re.test(text)) continue;
    if (first < 0) first = i;
    last = i;
  }
  return { first, last };
}

/**
 * A check over the pointers of each function a patch adds (bodies up to MAX_BODY lines): `problems` gets the
 * function and its code with unevaluated operands blanked.
 */
export function pointerCheck<const Id extends string>(
  spec: Omit<CheckSpec<PatchCheck<Id>>, 'run'> & { problems(fn: AddedFunction, code: readonly string[]): CheckHit[] },
): PatchCheck<Id> {
  const { problems, ...info } = spec;
  return patchCheck({
    ...info,
    run: (patch) => addedFunctions(patch).filter((fn) => fn.body.length <= MAX_BODY).flatMap((fn) => problems(fn, evaluatedCode(fn))),
  });
}
