import { proseOf, sanitizedLines } from './c-sanitize.js';
import { patchCheck } from './check.js';
import { addedLineHit, addedLines } from './diff-lines.js';

/** Files with C-style comments, where a marker is read only inside a comment (not in a name such as `xxx_len`). */
const C_LIKE = /\.(?:[chsS]|rs|dtsi?)$/;
const MARKER = /\b(FIXME|TODO|XXX)\b/;

/**
 * What reviewers miss: a FIXME/TODO/XXX the series adds is work it admits is unfinished; it often lands unnoticed.
 * A CHECK, shown so the reviewer can ask about it, read only in comments of source files.
 */
export const addedTodo = patchCheck({
  id: 'added-todo',
  severity: 'check',
  description: 'an added comment says FIXME, TODO or XXX: work the series leaves unfinished',
  run(patch) {
    const sanitized = sanitizedLines(patch);
    return addedLines(patch).flatMap((a) => {
      if (!C_LIKE.test(a.file.path)) return [];
      const marker = MARKER.exec(proseOf(a.line.text, sanitized.get(a.line) ?? a.line.text, false))?.[1];
      return marker === undefined ? [] : [addedLineHit(a, `the patch adds a ${marker} comment: is the work it names done later in the series, or tracked?`)];
    });
  },
});
