import { patchCheck } from './check.js';

/** A title is not a sentence (submitting-patches.rst); `...` is left alone, it is not a full stop. */
export const subjectTrailingPeriod = patchCheck({
  id: 'subject-trailing-period',
  severity: 'warning',
  description: 'the subject summary ends with a period',
  run(patch) {
    const summary = patch.subjectInfo.summary.trimEnd();
    if (!summary.endsWith('.') || summary.endsWith('..')) return [];
    return [{ message: 'subject should not end with a period', excerpt: summary }];
  },
});
