import { bodyLineHit } from './diff-lines.js';
import { trailerCheck } from './line-checks.js';
import { trailerEmail } from './trailer-lines.js';

/** submitting-patches.rst: every co-developer also certifies the DCO, on the very next line. */
export const coDevelopedByWithoutSignOff = trailerCheck({
  id: 'co-developed-by-without-sign-off',
  severity: 'warning',
  checkpatchType: 'BAD_SIGN_OFF',
  description: "a Co-developed-by: is not immediately followed by the same person's Signed-off-by:",
  problem(codev, next) {
    if (codev.knownKey !== 'Co-developed-by') return null;
    if (next?.knownKey !== 'Signed-off-by') return 'Co-developed-by: must be immediately followed by Signed-off-by:';
    if (trailerEmail(codev.value) === trailerEmail(next.value)) return null;
    return bodyLineHit(next, 'Co-developed-by and Signed-off-by: name/email do not match');
  },
});
