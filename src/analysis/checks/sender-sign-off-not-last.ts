import { patchCheck } from './check.js';
import { bodyLineHit } from './diff-lines.js';
import { senderEmail } from './patch-people.js';
import { patchSignOffs, trailerEmail } from './trailer-lines.js';

/** Each handler appends a sign-off as the patch passes on, so the one who sends it signs last (DCO chain). */
export const senderSignOffNotLast = patchCheck({
  id: 'sender-sign-off-not-last',
  severity: 'warning',
  description: "the sender's Signed-off-by: is not the last one of the chain",
  run(patch) {
    const sender = senderEmail(patch);
    const signers = patchSignOffs(patch);
    const last = signers[signers.length - 1];
    if (sender === null || last === undefined) return [];
    if (trailerEmail(last.value) === sender) return [];
    if (!signers.some((s) => trailerEmail(s.value) === sender)) return [];
    return [bodyLineHit(last, `the sender '${sender}' should sign off last, after this Signed-off-by:`)];
  },
});
