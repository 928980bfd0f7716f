import { displayColumns, hasUrl } from './diff-lines.js';
import { addedLineCheck } from './line-checks.js';

/**
 * checkpatch's allowed long lines: a URL (grep-able as is) and a line that is only a string literal
 * (user-visible messages must not be split, coding-style.rst §2).
 */
const STRING_ONLY = /^\s*"(?:[^"\\]|\\.)*"(?:\s*,|\s*\)\s*;)?$/;

export const longLine = addedLineCheck({
  id: 'long-line',
  severity: 'warning',
  description: 'an added source line is wider than 100 columns (tabs at 8)',
  sourceOnly: true,
  problem(text, { maxLineLength }) {
    const columns = displayColumns(text);
    if (columns <= maxLineLength || hasUrl(text) || STRING_ONLY.test(text.trimEnd())) return null;
    return `line length of ${columns} exceeds ${maxLineLength} columns`;
  },
});
