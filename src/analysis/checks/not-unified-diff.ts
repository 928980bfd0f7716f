import { patchCheck } from './check.js';

/** A numbered patch whose diff the series parser could not read (or that has none) cannot be applied or reviewed. */
export const notUnifiedDiff = patchCheck({
  id: 'not-unified-diff',
  severity: 'error',
  description: 'a patch has no diff, or its diff could not be parsed',
  run(patch) {
    if (patch.files.length > 0) return [];
    if (patch.diffText.trim() === '') return [{ message: 'Does not appear to be a unified-diff format patch' }];
    const reason = patch.diffError ? `: ${patch.diffError}` : '';
    return [{
      message: `the diff could not be parsed into files and hunks${reason}`,
      where: { bodyLine: patch.diffBodyLine },
      excerpt: patch.diffText.split('\n', 1)[0],
    }];
  },
});
