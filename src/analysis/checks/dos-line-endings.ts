import { addedLineCheck } from './line-checks.js';

/** Kernel sources use LF; a CR that survived mail decoding is part of the added text. */
export const dosLineEndings = addedLineCheck({
  id: 'dos-line-endings',
  severity: 'error',
  description: 'an added line ends in CR (DOS line ending)',
  problem: (text) => (text.endsWith('\r') ? 'DOS line endings' : null),
});
