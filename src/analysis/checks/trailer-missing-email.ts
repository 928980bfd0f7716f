import { trailerCheck } from './line-checks.js';
import { isPersonTag, trailerEmail } from './trailer-lines.js';

/** A person trailer certifies or credits someone reachable; a name alone cannot be Cc'd or asked. */
export const trailerMissingEmail = trailerCheck({
  id: 'trailer-missing-email',
  severity: 'error',
  checkpatchType: 'BAD_SIGN_OFF',
  description: 'a person trailer (Signed-off-by, Reviewed-by, Cc, ...) has no email address',
  problem(t) {
    if (!isPersonTag(t.knownKey) || t.value.trim() === '' || trailerEmail(t.value) !== null) return null;
    return `Unrecognized email address: '${t.value.trim()}'`;
  },
});
