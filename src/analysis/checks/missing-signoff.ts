import { patchCheck } from './check.js';
import { patchSignOffs } from './trailer-lines.js';

/** The Developer's Certificate of Origin: no Signed-off-by, no merge (submitting-patches.rst). */
export const missingSignoff = patchCheck({
  id: 'missing-signoff',
  severity: 'error',
  checkpatchType: 'MISSING_SIGN_OFF',
  description: 'the commit message has no Signed-off-by: line',
  run(patch) {
    if (patchSignOffs(patch).length > 0) return [];
    return [{ message: 'Missing Signed-off-by: line(s)' }];
  },
});
