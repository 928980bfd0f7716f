import type { PatchSeries } from '../../series/index.js';
import { seriesCheck } from './check.js';

/** `2, 5-7, 9`: the missing numbers as a reader scans them. */
export function numberRanges(numbers: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    parts.push(j === i ? `${numbers[i]}` : `${numbers[i]}-${numbers[j]}`);
    i = j;
  }
  return parts.join(', ');
}

/**
 * A list's subject tag (`[Linaro-mm-sig] [PATCH 3/38] …`): the copy came through that list, which carries only the
 * patches the author addressed to it. A series cross-posted to several lists and only partly to this one is normal.
 */
const LIST_TAG = /^\s*\[[A-Za-z][\w.-]*\]\s*\[/;

function crossPosted(series: PatchSeries): boolean {
  return series.patches.some((p) => LIST_TAG.test(p.rawSubject)) || (series.cover !== null && LIST_TAG.test(series.cover.rawSubject));
}

/**
 * Patches 1..total that never arrived: `git am` of the rest would build a different tree. One finding per series
 * (a series only partly posted to a list would otherwise give one ERROR per absent patch); a WARNING when the
 * thread shows the copy came through one list of several.
 */
export const seriesNumberingGap = seriesCheck({
  id: 'series-numbering-gap',
  severity: 'error',
  description: 'patch numbers between 1 and the total are missing from the series (one finding per series)',
  run(series) {
    // A partial reroll (b4) resends some patches; the earlier version's stand-ins fill the other numbers.
    const standIns = new Set(series.partialReroll?.standIns.map((s) => s.index) ?? []);
    const missing = series.missing.filter((index) => !standIns.has(index));
    if (missing.length === 0) return [];
    const which = missing.length === 1 ? `patch ${missing[0]}/${series.total} is` : `patches ${numberRanges(missing)} of ${series.total} are`;
    if (crossPosted(series)) {
      return [{ severity: 'warning', message: `${which} not in this thread: it came through a mailing list (subject tag), ` +
        'so the rest were likely sent to other lists; fetch the whole series (b4 am) before applying' }];
    }
    return [{ message: `${which} missing from the series` }];
  },
});
