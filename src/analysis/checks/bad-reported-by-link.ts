import { trailerCheck } from './line-checks.js';

/** `Reported-by:` and the combined `Reported-and-tested-by:`, as checkpatch matches them. */
const REPORTED = /^reported(?:-and-tested)?-by$/i;

/**
 * submitting-patches.rst: a Reported-by: is followed by Closes: pointing at the report. checkpatch accepts only
 * Closes: on the very next line (a Link: there is how older patches did it, and it warns on those too).
 */
export const badReportedByLink = trailerCheck({
  id: 'bad-reported-by-link',
  severity: 'warning',
  description: 'a Reported-by: (or Reported-and-tested-by:) is not immediately followed by Closes: to the report',
  problem(t, next) {
    if (!REPORTED.test(t.key) || next?.knownKey === 'Closes') return null;
    return 'Reported-by: should be immediately followed by Closes: with a URL to the report';
  },
});
