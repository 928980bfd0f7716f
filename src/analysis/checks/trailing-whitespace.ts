import { addedLineCheck } from './line-checks.js';

/**
 * Blanks at the end of an added line (a final CR is dos-line-endings, reported apart as checkpatch does). Only the
 * last character is looked at: an unanchored `\s+$` would take quadratic time on a long run of blanks.
 */
function hasTrailingBlank(text: string): boolean {
  const line = text.endsWith('\r') ? text.slice(0, -1) : text;
  return /[ \t\f\v]$/.test(line);
}

export const trailingWhitespace = addedLineCheck({
  id: 'trailing-whitespace',
  severity: 'error',
  description: 'an added line ends in spaces or tabs',
  problem: (text) => (hasTrailingBlank(text) ? 'trailing whitespace' : null),
});
