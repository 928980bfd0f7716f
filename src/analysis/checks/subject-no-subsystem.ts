import { patchCheck } from './check.js';

/**
 * `subsys: summary`, `sub/sys: summary`, `a, b: summary`, `dma-buf & drm/amdgpu: summary`, `a and b: summary`
 * (`iio: buffer:` too), and two lower-case words (`driver core: summary`): the first words name where the change lands. Written so each part is matched one way only
 * (no backtracking blow-up on a long subject).
 */
const SUBSYSTEM_PREFIX = /^[\w.+/-]+(?:(?:, ?| ?& ?| and | ?\+ ?)[\w.+/-]+)*: \S|^[a-z][\w.+/-]* [a-z][\w.+/-]*: \S/;
/** `git revert` and `git revert` of a revert write `Revert "<subject>"` / `Reapply "<subject>"`: the quoted one has it. */
const REVERT = /^(?:Revert|Reapply) "/;

export const subjectNoSubsystem = patchCheck({
  id: 'subject-no-subsystem',
  severity: 'check',
  description: "the subject summary does not start with a 'subsystem: ' prefix",
  run(patch) {
    const summary = patch.subjectInfo.summary;
    if (SUBSYSTEM_PREFIX.test(summary) || REVERT.test(summary)) return [];
    return [{ message: "subject should start with the subsystem it changes, as 'subsys: summary'", excerpt: summary }];
  },
});
