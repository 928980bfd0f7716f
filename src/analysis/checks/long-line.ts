import { patchCheck } from './check.js';
import { addedLineHit, addedLines, displayColumns, isSourceFile } from './diff-lines.js';

/**
 * checkpatch's allowed long lines: a URL (grep-able as is) and a line that is only a string literal
 * (user-visible messages must not be split, coding-style.rst §2).
 */
const ALLOWED = [/\b[a-z][\w.+-]*:\/\/\S+/i, /^\s*"(?:[^"\\]|\\.)*"\s*(?:,|\)\s*;)?\s*$/];

export const longLine = patchCheck({
  id: 'long-line',
  severity: 'warning',
  description: 'an added source line is wider than 100 columns (tabs at 8)',
  run(patch, { options }) {
    const max = options.maxLineLength;
    return addedLines(patch)
      .filter((a) => isSourceFile(a.file.path))
      .filter((a) => displayColumns(a.line.text) > max && !ALLOWED.some((p) => p.test(a.line.text)))
      .map((a) => addedLineHit(a, `line length of ${displayColumns(a.line.text)} exceeds ${max} columns`));
  },
});
