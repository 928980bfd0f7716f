import { seriesCheck } from './check.js';

/** Patches 1..total that never arrived: `git am` of the rest would build a different tree. */
export const seriesNumberingGap = seriesCheck({
  id: 'series-numbering-gap',
  severity: 'error',
  description: 'a patch number between 1 and the total is missing from the series',
  run(series) {
    return series.missing.map((index) => ({
      message: `patch ${index}/${series.total} is missing from the series`,
    }));
  },
});
