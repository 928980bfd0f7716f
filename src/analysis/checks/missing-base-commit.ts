import type { PatchSeries } from '../../series/index.js';
import { seriesCheck } from './check.js';

/** `base-commit: <sha>` as `git format-patch --base` writes it, in the cover or after the last diff. */
const BASE_COMMIT = /^base-commit: [0-9a-f]{7,40}\s*$/m;

function hasBaseCommit(series: PatchSeries): boolean {
  if (series.cover?.baseCommit) return true;
  return series.patches.some((p) => BASE_COMMIT.test(p.body));
}

/** Without a base a reviewer (and the apply check) must guess which tree the series was made against (b4 warns). */
export const missingBaseCommit = seriesCheck({
  id: 'missing-base-commit',
  severity: 'check',
  description: 'the series does not say which commit it applies to (git format-patch --base)',
  run(series) {
    if (hasBaseCommit(series)) return [];
    return [{ message: 'base-commit not given: send with git format-patch --base so reviewers can apply the series' }];
  },
});
