import { describe, it, expect } from 'vitest';
import { findMatch, highlightSegs } from './search.js';
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

describe('highlightSegs', () => {
  it('splits out every match, across segments, keeping styles', () => {
    const segs = [{ text: 'map pal ', style: 'add' as const }, { text: 'PAL end', style: 'dim' as const }];
    expect(highlightSegs(segs, 'pal')).toEqual([
      { text: 'map ', style: 'add' }, { text: 'pal', style: 'add', match: true }, { text: ' ', style: 'add' },
      { text: 'PAL', style: 'dim', match: true }, { text: ' end', style: 'dim' },
    ]);
    expect(highlightSegs(segs, 'PAL').filter((s) => s.match)).toHaveLength(1);
    expect(highlightSegs(segs, '')).toEqual(segs);
  });
});
