import { patchCheck } from './check.js';
import { addedLineHit, addedLines } from './diff-lines.js';

/** Blanks at the end of an added line (a lone CR is dos-line-endings, reported apart as checkpatch does). */
const TRAILING = /[ \t\f\v]+\r?$/;

export const trailingWhitespace = patchCheck({
  id: 'trailing-whitespace',
  severity: 'error',
  description: 'an added line ends in spaces or tabs',
  run(patch) {
    return addedLines(patch)
      .filter((a) => TRAILING.test(a.line.text))
      .map((a) => addedLineHit(a, 'trailing whitespace'));
  },
});
