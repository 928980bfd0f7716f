import type { SubjectInfo } from '../../series/index.js';
import { seriesCheck } from './check.js';

/** `PATCH RFC v1` as one comparable string; counters are left out, they differ by design. */
function prefixKey(info: SubjectInfo): string {
  const words = info.prefixes.map((w) => w.toUpperCase()).sort();
  return `${words.join(' ')} v${info.version}`;
}

/** Every message of a series should carry the cover's prefix words and version, as `format-patch` writes them. */
export const subjectPrefixInconsistent = seriesCheck({
  id: 'subject-prefix-inconsistent',
  severity: 'warning',
  description: 'a patch subject carries other prefix words or another version than the rest of the series',
  run(series) {
    const reference = series.cover?.subjectInfo ?? series.patches[0]?.subjectInfo;
    if (!reference) return [];
    const expected = prefixKey(reference);
    return series.patches
      .filter((p) => prefixKey(p.subjectInfo) !== expected)
      .map((p) => ({
        patch: p.index,
        message: `subject prefix [${prefixKey(p.subjectInfo)}] differs from the series' [${expected}]`,
        excerpt: p.rawSubject,
      }));
  },
});
