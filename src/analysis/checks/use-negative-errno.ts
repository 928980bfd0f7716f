import { sanitizedLines } from './c-sanitize.js';
import { patchCheck } from './check.js';
import { addedLineHit, addedLines } from './diff-lines.js';

/** checkpatch's pattern: `return EINVAL;`, `return (ENOMEM);`, an errno-looking name with no minus. */
const RETURN_POSITIVE = /\breturn(?:\s*\(+\s*|\s+)(E[A-Z]+)(?:\s*\)+\s*|\s*)[;:,]/;
/** Beyond checkpatch: `ERR_PTR(ENOMEM)` is a small positive "pointer" that IS_ERR() does not see: a crash later. */
const ERR_PTR_POSITIVE = /\bERR_PTR\s*\(\s*(E[A-Z]+)\s*\)/;
/** Names checkpatch exempts: EOF, ERROR and the EPOLL* event bits are not errnos. */
const NOT_ERRNO = /^(?:EOF|ERROR|EPOLL\w*)$/;

/**
 * checkpatch's USE_NEGATIVE_ERRNO on added C lines, and the same mistake inside ERR_PTR(), which checkpatch does
 * not look at: kernel functions return errors as -Exxx, so a positive one is read as success (or as a pointer).
 */
export const useNegativeErrno = patchCheck({
  id: 'use-negative-errno',
  severity: 'warning',
  description: 'an errno returned (or passed to ERR_PTR) without its minus sign',
  run(patch) {
    const sanitized = sanitizedLines(patch);
    return addedLines(patch).flatMap((a) => {
      if (!/\.[ch]$/.test(a.file.path)) return [];
      const code = sanitized.get(a.line) ?? a.line.text;
      const ret = RETURN_POSITIVE.exec(code)?.[1];
      if (ret !== undefined && !NOT_ERRNO.test(ret)) {
        return [addedLineHit(a, `return of an errno should typically be negative (ie: return -${ret})`)];
      }
      const ptr = ERR_PTR_POSITIVE.exec(code)?.[1];
      if (ptr !== undefined && !NOT_ERRNO.test(ptr)) {
        return [addedLineHit(a, `ERR_PTR(${ptr}) makes a pointer IS_ERR() does not catch: use ERR_PTR(-${ptr})`)];
      }
      return [];
    });
  },
});
