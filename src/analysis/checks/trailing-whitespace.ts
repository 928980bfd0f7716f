import { addedLineCheck } from './line-checks.js';

/** Blanks at the end of an added line (a lone CR is dos-line-endings, reported apart as checkpatch does). */
const TRAILING = /[ \t\f\v]+\r?$/;

export const trailingWhitespace = addedLineCheck({
  id: 'trailing-whitespace',
  severity: 'error',
  description: 'an added line ends in spaces or tabs',
  problem: (text) => (TRAILING.test(text) ? 'trailing whitespace' : null),
});
