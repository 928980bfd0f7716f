import { patchCheck } from './check.js';
import { bodyLineHit } from './diff-lines.js';
import { patchTrailers, type RawTrailer } from './trailer-lines.js';

/** checkpatch compares signatures with blanks removed and case folded. */
function signatureKey(t: RawTrailer): string {
  return `${(t.knownKey ?? t.key).toLowerCase()}:${t.value.replace(/\s+/g, '').toLowerCase()}`;
}

/** The same trailer twice is a copy-paste slip or a tool that added it again (b4 would dedupe it). */
export const duplicateSignature = patchCheck({
  id: 'duplicate-signature',
  severity: 'warning',
  checkpatchType: 'DUPLICATE_SIGN_OFF',
  description: 'the same trailer (key and person) appears twice',
  run(patch) {
    const seen = new Set<string>();
    return patchTrailers(patch).flatMap((t) => {
      const key = signatureKey(t);
      if (!seen.has(key)) {
        seen.add(key);
        return [];
      }
      return [bodyLineHit(t, `Duplicate signature: ${t.knownKey ?? t.key}: ${t.value.trim()}`)];
    });
  },
});
