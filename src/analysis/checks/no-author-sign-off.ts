import { patchCheck } from './check.js';
import { patchAuthor, patchAuthorSignOff } from './author-sign-off.js';

/** The author certifies the change first; a sign-off chain without the author loses that (checkpatch). */
export const noAuthorSignOff = patchCheck({
  id: 'no-author-sign-off',
  severity: 'error',
  description: "no Signed-off-by: carries the patch author's name or address",
  run(patch) {
    if (patchAuthorSignOff(patch)?.kind !== 'none') return [];
    return [{ message: `Missing Signed-off-by: line by nominal patch author '${patchAuthor(patch)!.address}'` }];
  },
});
