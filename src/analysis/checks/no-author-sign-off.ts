import { patchCheck } from './check.js';
import { authorEmail } from './patch-people.js';
import { patchSignOffs, trailerEmail } from './trailer-lines.js';

/** The author certifies the change first; a sign-off chain without the author loses that (checkpatch). */
export const noAuthorSignOff = patchCheck({
  id: 'no-author-sign-off',
  severity: 'warning',
  description: "no Signed-off-by: carries the patch author's address",
  run(patch) {
    const author = authorEmail(patch);
    const signers = patchSignOffs(patch);
    if (author === null || signers.length === 0) return [];
    if (signers.some((s) => trailerEmail(s.value) === author)) return [];
    return [{ message: `Missing Signed-off-by: line by nominal patch author '${author}'` }];
  },
});
