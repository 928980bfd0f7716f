import type { Patch, PatchSeries } from '../../series/types.js';
import { seriesCheck, type SeriesHit } from './check.js';

/** `N/M` as written; the subject parser raises M to N for `[PATCH 6/5]`, so the raw text is read again. */
const COUNTER = /\[[^\]]*?\b(\d{1,4})\/(\d{1,4})\b[^\]]*\]/;

function mismatch(patch: Patch, series: PatchSeries): SeriesHit | null {
  const m = COUNTER.exec(patch.rawSubject.replace(/\s+/g, ' '));
  if (!m) return null;
  const counter = Number(m[1]);
  const total = Number(m[2]);
  if (counter > total) return { patch: patch.index, message: `patch number ${counter} is greater than its total ${total}` };
  if (total !== series.total) {
    return { patch: patch.index, message: `subject says ${counter}/${total} but the series has ${series.total} patches` };
  }
  return null;
}

export const seriesTotalMismatch = seriesCheck({
  id: 'series-total-mismatch',
  severity: 'error',
  description: 'the N/M counters of the series disagree on M, or N exceeds M',
  run(series) {
    return series.patches.map((p) => mismatch(p, series)).filter((hit): hit is SeriesHit => hit !== null);
  },
});
