import { patchCheck } from './check.js';
import { formatPerson, patchAuthor, patchAuthorSignOff } from './author-sign-off.js';

/**
 * The author did sign off, under another address or spelling of the name (a work and a personal address):
 * checkpatch's FROM_SIGN_OFF_MISMATCH says so, rather than "missing Signed-off-by" (a false alarm we once raised).
 * A comments-only difference is a CHECK in checkpatch, left out here as it is without --strict.
 */
export const fromSignOffMismatch = patchCheck({
  id: 'from-sign-off-mismatch',
  severity: 'warning',
  description: "the author signed off with another address or name than the From: (same person, another address)",
  run(patch) {
    const verdict = patchAuthorSignOff(patch);
    if (verdict?.kind !== 'mismatch' || verdict.what === 'comments') return [];
    const from = formatPerson(patchAuthor(patch)!);
    const message = `From:/Signed-off-by: email ${verdict.what} mismatch: 'From: ${from}' != 'Signed-off-by: ${verdict.signOff.value.trim()}'`;
    // checkpatch reports it about the patch, not at a line (its #N is the end of the file).
    return [{ message, excerpt: verdict.signOff.text }];
  },
});
