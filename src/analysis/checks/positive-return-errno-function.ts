import type { PatchSeries } from '../../series/index.js';
import { addedFunctions, type AddedFunction } from './added-functions.js';
import { patchCheck } from './check.js';
import { addedLineHit, addedLines } from './diff-lines.js';

/**
 * Ops members whose callers treat any non-zero return as an error code (driver core probe, PM callbacks,
 * dma_buf_ops, file_operations): a positive value there is passed on as if it were one, or taken for a pointer.
 */
const ERRNO_CALLBACKS = new Set([
  'probe', 'suspend', 'resume', 'runtime_suspend', 'runtime_resume', 'attach', 'pin', 'begin_cpu_access',
  'end_cpu_access', 'mmap', 'vmap', 'open',
]);

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

/** Function → the 0/-errno ops member the series assigns it to in that file (`.probe = demo_probe`). */
function errnoCallbacks(series: PatchSeries): Map<string, string> {
  const members = new Map<string, string>();
  for (const patch of series.patches) {
    for (const a of addedLines(patch)) {
      const m = /^\s*\.(\w+)\s*=\s*&?(\w+)\s*,?\s*$/.exec(a.line.text);
      if (m && ERRNO_CALLBACKS.has(m[1]!)) members.set(`${a.file.path}\0${m[2]}`, m[1]!);
    }
  }
  return members;
}

const callbacksOf = new WeakMap<PatchSeries, Map<string, string>>();

/** Why the function must return 0 or a negative errno, or null when nothing in the series says so. */
function promise(fn: AddedFunction, series: PatchSeries): string | null {
  if (!new RegExp(`\\bint\\s+${fn.name}\\s*\\(`).test(fn.head)) return null;
  if (promisesZeroOrErrno(fn)) return 'is documented to return 0 or a negative errno';
  let callbacks = callbacksOf.get(series);
  if (callbacks === undefined) callbacksOf.set(series, (callbacks = errnoCallbacks(series)));
  const member = callbacks.get(`${fn.file.path}\0${fn.name}`);
  return member === undefined ? null : `is the .${member} callback, whose caller takes any non-zero return for an error code`;
}

/**
 * What reviewers miss: an `int` function the series adds that must return 0 or a negative errno — its own
 * kernel-doc says so, or it is assigned to an ops member whose caller treats non-zero as an error (`.probe`,
 * `.attach`, `.mmap`…) — returning a positive literal on one path: callers testing `ret < 0` take it for success,
 * callers testing `ret` pass it up as an "error" no one can decode. Only such promises are held to, so a function
 * returning counts or booleans by design (a `get_modes` returning 1) is never judged by guesswork.
 */
export const positiveReturnErrnoFunction = patchCheck({
  id: 'positive-return-errno-function',
  severity: 'warning',
  description: 'a function that must return 0 or a negative errno returns a positive value on one path',
  run(patch, ctx) {
    return addedFunctions(patch).flatMap((fn) => {
      const why = promise(fn, ctx.series);
      if (why === null) return [];
      return fn.body.flatMap((line) => {
        const value = POSITIVE_RETURN.exec(line.code)?.[1];
        return value === undefined ? [] : [addedLineHit(line.at,
          `${fn.name}() ${why}, but returns ${value} here`)];
      });
    });
  },
});
