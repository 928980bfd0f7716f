import { seriesCheck } from './check.js';

/** A multi-patch series explains itself in a 0/N letter (Documentation/process/submitting-patches.rst). */
export const seriesMissingCover = seriesCheck({
  id: 'series-missing-cover',
  severity: 'warning',
  description: 'a series of more than one patch has no cover letter (0/N)',
  run(series) {
    if (series.cover !== null || series.total <= 1) return [];
    return [{ message: `series of ${series.total} patches has no cover letter` }];
  },
});
