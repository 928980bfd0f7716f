import { trailerCheck } from './line-checks.js';

/** submitting-patches.rst: a Reported-by: is followed by Closes: (or Link:) pointing at the report. */
export const badReportedByLink = trailerCheck({
  id: 'bad-reported-by-link',
  severity: 'warning',
  description: 'a Reported-by: is not immediately followed by a Closes: or Link: to the report',
  problem(t, next) {
    if (t.knownKey !== 'Reported-by' || next?.knownKey === 'Closes' || next?.knownKey === 'Link') return null;
    return 'Reported-by: should be immediately followed by Closes: with a URL to the report';
  },
});
