import { patchCheck } from './check.js';
import { addedLineHit, addedLines } from './diff-lines.js';

/** Kernel sources use LF; a CR that survived mail decoding is part of the added text. */
export const dosLineEndings = patchCheck({
  id: 'dos-line-endings',
  severity: 'error',
  description: 'an added line ends in CR (DOS line ending)',
  run(patch) {
    return addedLines(patch)
      .filter((a) => a.line.text.endsWith('\r'))
      .map((a) => addedLineHit(a, 'DOS line endings'));
  },
});
