import { displayColumns } from './diff-lines.js';
import { addedLineCheck } from './line-checks.js';

/**
 * checkpatch's allowed long lines: a URL (grep-able as is) and a line that is only a string literal
 * (user-visible messages must not be split, coding-style.rst §2).
 */
const ALLOWED = [/\b[a-z][\w.+-]*:\/\/\S+/i, /^\s*"(?:[^"\\]|\\.)*"\s*(?:,|\)\s*;)?\s*$/];

export const longLine = addedLineCheck({
  id: 'long-line',
  severity: 'warning',
  description: 'an added source line is wider than 100 columns (tabs at 8)',
  sourceOnly: true,
  problem(text, { maxLineLength }) {
    const columns = displayColumns(text);
    if (columns <= maxLineLength || ALLOWED.some((p) => p.test(text))) return null;
    return `line length of ${columns} exceeds ${maxLineLength} columns`;
  },
});
