import { patchCheck } from './check.js';
import { bodyLineHit } from './diff-lines.js';
import { isPersonTag, patchTrailers, trailerEmail } from './trailer-lines.js';

/** A person trailer certifies or credits someone reachable; a name alone cannot be Cc'd or asked. */
export const trailerMissingEmail = patchCheck({
  id: 'trailer-missing-email',
  severity: 'error',
  checkpatchType: 'BAD_SIGN_OFF',
  description: 'a person trailer (Signed-off-by, Reviewed-by, Cc, ...) has no email address',
  run(patch) {
    return patchTrailers(patch)
      .filter((t) => isPersonTag(t.knownKey) && t.value.trim() !== '' && trailerEmail(t.value) === null)
      .map((t) => bodyLineHit(t, `Unrecognized email address: '${t.value.trim()}'`));
  },
});
