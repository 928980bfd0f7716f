import { describe, it, expect } from 'vitest';
import { findMatch } from './search.js';
import { line } from './lines.js';

const lines = ['alpha', 'Beta PAL', 'gamma', 'beta sgt'].map((t) => line([[t, 'plain']]));

describe('findMatch', () => {
  it('finds forward from after the cursor and wraps', () => {
    expect(findMatch(lines, 'beta', 0, true)).toBe(1);
    expect(findMatch(lines, 'beta', 1, true)).toBe(3);
    expect(findMatch(lines, 'beta', 3, true)).toBe(1);
  });
  it('finds backward and wraps', () => {
    expect(findMatch(lines, 'beta', 1, false)).toBe(3);
  });
  it('is case-insensitive unless the query has capitals (smart case)', () => {
    expect(findMatch(lines, 'pal', 0, true)).toBe(1);
    expect(findMatch(lines, 'Beta', 1, true)).toBe(1);
    expect(findMatch(lines, 'SGT', 0, true)).toBeNull();
  });
  it('returns null for an empty query or list', () => {
    expect(findMatch(lines, '', 0, true)).toBeNull();
    expect(findMatch([], 'x', 0, true)).toBeNull();
  });
});
