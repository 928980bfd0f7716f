import { patchCheck } from './check.js';
import { bodyLineHit } from './diff-lines.js';
import { patchTrailers } from './trailer-lines.js';

/** Tools match trailers by exact key (`Signed-off-by`), so `Signed-Off-By` is missed by some of them. */
export const trailerKeyCasing = patchCheck({
  id: 'trailer-key-casing',
  severity: 'warning',
  checkpatchType: 'BAD_SIGN_OFF',
  description: "a known trailer key is cased unlike its documented form ('Signed-Off-By')",
  run(patch) {
    return patchTrailers(patch)
      .filter((t) => t.knownKey !== null && t.key !== t.knownKey && t.key.toLowerCase() === t.knownKey.toLowerCase())
      .map((t) => bodyLineHit(t, `'${t.knownKey}:' is the preferred signature form`));
  },
});
