import { patchCheck } from './check.js';
import { bodyLineHit } from './diff-lines.js';
import { patchTrailers } from './trailer-lines.js';

/** submitting-patches.rst: a Reported-by: is followed by Closes: (or Link:) pointing at the report. */
export const badReportedByLink = patchCheck({
  id: 'bad-reported-by-link',
  severity: 'warning',
  description: 'a Reported-by: is not immediately followed by a Closes: or Link: to the report',
  run(patch) {
    const trailers = patchTrailers(patch);
    return trailers.flatMap((t, i) => {
      if (t.knownKey !== 'Reported-by') return [];
      const next = trailers[i + 1];
      const adjacent = next !== undefined && next.bodyLine === t.bodyLine + 1;
      if (adjacent && (next.knownKey === 'Closes' || next.knownKey === 'Link')) return [];
      return [bodyLineHit(t, 'Reported-by: should be immediately followed by Closes: with a URL to the report')];
    });
  },
});
