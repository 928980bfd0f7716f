import { describe, expect, it } from 'vitest';
import { assertSafeRef, isObjectId, isSafeRef } from './refs.js';

// One validator for every door (`--base REV`, `git:BASE..HEAD`, the apply stage): the revisions both
// former validators accepted still pass, and what either refused is refused.
describe('the ref validator', () => {
  it.each(['HEAD', 'HEAD~3', 'HEAD^2', 'v6.8-rc1', 'v6.8^', 'origin/main', 'feature/x^{commit}', 'main@{1}', '@{u}', '@~2',
    'c63e5a50e1dd291cd95b04291b028fdcaba4c534', 'for-next+fixes', 'a_b.c'])('accepts %j', (ref) => {
    expect(isSafeRef(ref)).toBe(true);
  });

  it.each(['', '-c', '--upload-pack=touch x', '--output=/tmp/x', 'HEAD..main', 'a...b', 'a b', 'HEAD:path', 'x\nHEAD', 'a;rm',
    '$(id)', 'a//b', 'main.lock', 'dir/', '.hidden', 'x'.repeat(201)])('refuses %j before git runs', (ref) => {
    expect(isSafeRef(ref)).toBe(false);
    expect(() => assertSafeRef(ref)).toThrow(/refusing revision/);
  });

  it('knows a full object id of either hash', () => {
    expect(isObjectId('a'.repeat(40))).toBe(true);
    expect(isObjectId('a'.repeat(64))).toBe(true);
    expect(isObjectId('a'.repeat(41))).toBe(false);
    expect(isObjectId('HEAD')).toBe(false);
  });
});
