import { trailerCheck } from './line-checks.js';

/** Tools match trailers by exact key (`Signed-off-by`), so `Signed-Off-By` is missed by some of them. */
export const trailerKeyCasing = trailerCheck({
  id: 'trailer-key-casing',
  severity: 'warning',
  checkpatchType: 'BAD_SIGN_OFF',
  description: "a known trailer key is cased unlike its documented form ('Signed-Off-By')",
  problem(t) {
    const miscased = t.knownKey !== null && t.key !== t.knownKey && t.key.toLowerCase() === t.knownKey.toLowerCase();
    return miscased ? `'${t.knownKey}:' is the preferred signature form` : null;
  },
});
