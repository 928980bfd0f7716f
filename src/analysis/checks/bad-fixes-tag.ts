import { trailerCheck } from './line-checks.js';

/** submitting-patches.rst: at least 12 hex digits of the SHA-1 and the title in `("...")`, so it stays unique. */
const FIXES = /^([0-9a-f]{12,40}) \("(.+)"\)$/;
const LEADING_HASH = /^([0-9a-fA-F]+)\b/;

function describeProblem(value: string): string {
  const hash = LEADING_HASH.exec(value)?.[1];
  if (hash === undefined) return 'Fixes: does not start with a commit SHA-1';
  if (hash.length < 12) return `Fixes: SHA-1 has ${hash.length} hex digits, use at least 12`;
  if (hash !== hash.toLowerCase()) return 'Fixes: SHA-1 should be lower case';
  return 'Fixes: title should follow the SHA-1 as ("<title line>")';
}

export const badFixesTag = trailerCheck({
  id: 'bad-fixes-tag',
  severity: 'warning',
  description: 'a Fixes: tag is not \'Fixes: <12+ hex digits> ("<title line>")\'',
  problem(t) {
    const value = t.value.trim();
    if (t.knownKey !== 'Fixes' || FIXES.test(value)) return null;
    return `${describeProblem(value)}; style is 'Fixes: <12+ chars of sha1> ("<title line>")'`;
  },
});
