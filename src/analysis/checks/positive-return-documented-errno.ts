import { addedFunctions, type AddedFunction } from './added-functions.js';
import { patchCheck } from './check.js';
import { addedLineHit } from './diff-lines.js';

/** A positive integer literal returned: `return 1;`, `return (2);`, `return 0x10;`. */
const POSITIVE_RETURN = /\breturn\s*\(?\s*([1-9]\d*|0x0*[1-9a-f][0-9a-f]*)[uUlL]*\s*\)?\s*;/i;

/**
 * The `Return:`/`Returns` part of a kernel-doc comment, or '' when it has none: from its last "return", since the
 * description before may use the word ("Return all fences …").
 */
function returnSection(doc: string): string {
  const at = Math.max(-1, ...[...doc.matchAll(/\bReturns?\b/gi)].map((m) => m.index));
  return at < 0 ? '' : doc.slice(at).replace(/^\s*\*\/?\s?/gm, ' ');
}

/**
 * The function's own kernel-doc promises "0 on success, a negative errno on failure" and says nothing of a positive
 * value (no count, length, index, boolean, fd, "positive", "greater", or any other number).
 */
function promisesZeroOrErrno(fn: AddedFunction): boolean {
  const ret = returnSection(fn.doc);
  return /\b(?:0|zero)\b/i.test(ret) && /negative|-E[A-Z]|\berrno\b|error code/i.test(ret) &&
    !/positive|greater|>\s*0|\b[1-9]\d*\b|number|count|true|false|bytes|size|length|index|\bfd\b/i.test(ret);
}

/**
 * What reviewers miss: a function added with kernel-doc saying it returns 0 or a negative errno, and an `int`
 * return type, that returns a positive literal on one path: callers testing `ret < 0` take it for success, callers
 * testing `ret` for failure, and the doc no longer tells them which. Only documented promises are held to, so a
 * function returning counts or booleans by design (a `get_modes` returning 1) is never judged by guesswork.
 */
export const positiveReturnDocumentedErrno = patchCheck({
  id: 'positive-return-documented-errno',
  severity: 'warning',
  description: 'a function documented to return 0 or a negative errno returns a positive value on one path',
  run(patch) {
    return addedFunctions(patch).flatMap((fn) => {
      if (!new RegExp(`\\bint\\s+${fn.name}\\s*\\(`).test(fn.head) || !promisesZeroOrErrno(fn)) return [];
      return fn.body.flatMap((line) => {
        const value = POSITIVE_RETURN.exec(line.code)?.[1];
        return value === undefined ? [] : [addedLineHit(line.at,
          `${fn.name}() is documented to return 0 or a negative errno, but returns ${value} here: callers will read it as success or failure, not as what it means`)];
      });
    });
  },
});
