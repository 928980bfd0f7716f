import { seriesCheck } from './check.js';

/** Patches 1..total that never arrived: `git am` of the rest would build a different tree. */
export const seriesNumberingGap = seriesCheck({
  id: 'series-numbering-gap',
  severity: 'error',
  description: 'a patch number between 1 and the total is missing from the series',
  run(series) {
    // A partial reroll (b4) resends some patches; the earlier version's stand-ins fill the other numbers.
    const standIns = new Set(series.partialReroll?.standIns.map((s) => s.index) ?? []);
    return series.missing
      .filter((index) => !standIns.has(index))
      .map((index) => ({ message: `patch ${index}/${series.total} is missing from the series` }));
  },
});
