import { patchCheck } from './check.js';

/**
 * `subsys: summary`, `sub/sys: summary`, `a, b: summary` (`iio: buffer:` too): the first word names where the change
 * lands. Written so each part is matched one way only (no backtracking blow-up on a long subject).
 */
const SUBSYSTEM_PREFIX = /^[\w.+/-]+(?:, ?[\w.+/-]+)*: \S/;

export const subjectNoSubsystem = patchCheck({
  id: 'subject-no-subsystem',
  severity: 'check',
  description: "the subject summary does not start with a 'subsystem: ' prefix",
  run(patch) {
    const summary = patch.subjectInfo.summary;
    if (SUBSYSTEM_PREFIX.test(summary)) return [];
    return [{ message: "subject should start with the subsystem it changes, as 'subsys: summary'", excerpt: summary }];
  },
});
