import type { Patch, PatchSeries } from '../../series/index.js';
import { seriesCheck, type SeriesHit } from './check.js';
import { numberRanges } from './series-numbering-gap.js';

const COUNTER = /(?:^|[\s,])(\d{1,4})\/(\d{1,4})(?:$|[\s,])/;

/**
 * `N/M` as written in the first bracket group that has one; the subject parser raises M to N for `[PATCH 6/5]`,
 * so the raw text is read again (with indexOf: a regex over unclosed `[[[[` would be quadratic).
 */
function writtenCounter(subject: string): RegExpExecArray | null {
  for (let open = subject.indexOf('['); open >= 0; open = subject.indexOf('[', open + 1)) {
    const close = subject.indexOf(']', open);
    if (close < 0) return null;
    const m = COUNTER.exec(subject.slice(open + 1, close));
    if (m) return m;
    open = close;
  }
  return null;
}

function mismatch(patch: Patch, series: PatchSeries): SeriesHit | null {
  const m = writtenCounter(patch.rawSubject);
  if (!m) return null;
  const counter = Number(m[1]);
  const total = Number(m[2]);
  if (counter > total) return { patch: patch.index, message: `patch number ${counter} is greater than its total ${total}` };
  if (total !== series.total) {
    return { patch: patch.index, message: `subject says ${counter}/${total} but the series has ${series.total} patches` };
  }
  return null;
}

/**
 * One finding per kind of disagreement, naming the patches: a series whose 39 patches all say `/38` is one problem,
 * not 39 (the per-patch form made 39 findings on a real series).
 */
export const seriesTotalMismatch = seriesCheck({
  id: 'series-total-mismatch',
  severity: 'error',
  description: 'the N/M counters of the series disagree on M, or N exceeds M',
  run(series) {
    const hits = series.patches.map((p) => mismatch(p, series)).filter((hit): hit is SeriesHit => hit !== null);
    if (hits.length <= 1) return hits;
    const indices = hits.map((h) => h.patch!).sort((a, b) => a - b);
    return [{ message: `the N/M counters disagree with the series of ${series.total} patches in patches ${numberRanges(indices)}: ` +
      hits.map((h) => h.message).slice(0, 2).join('; ') + (hits.length > 2 ? '; ...' : '') }];
  },
});
