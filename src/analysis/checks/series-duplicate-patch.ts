import { seriesCheck } from './check.js';

/** Two messages claim the same number: the first was kept, so a reviewer may be reading the wrong one. */
export const seriesDuplicatePatch = seriesCheck({
  id: 'series-duplicate-patch',
  severity: 'error',
  description: 'two messages of one series carry the same patch number',
  run(series) {
    return series.duplicates.map((dup) => ({
      patch: dup.index,
      message: `patch ${dup.index}/${series.total} was sent more than once; <${dup.messageId}> was not used`,
    }));
  },
});
