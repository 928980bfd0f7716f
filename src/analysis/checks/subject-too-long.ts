import { patchCheck } from './check.js';

/** The summary becomes the commit's one-line title; `git log --oneline` and shortlogs cut long ones. */
export const subjectTooLong = patchCheck({
  id: 'subject-too-long',
  severity: 'warning',
  description: 'the subject summary (without the [PATCH] prefix) is longer than 75 characters',
  run(patch, { options }) {
    const length = [...patch.subjectInfo.summary].length;
    if (length <= options.maxSubjectLength) return [];
    return [{
      message: `subject summary is ${length} characters, prefer at most ${options.maxSubjectLength}`,
      excerpt: patch.subjectInfo.summary,
    }];
  },
});
