import { describe, it, expect } from 'vitest';
import { maxColumn, shiftSegs } from './hscroll.js';
import type { Seg } from './lines.js';

const text = (segs: readonly Seg[]) => segs.map((s) => s.text).join('');

describe('shiftSegs', () => {
  const diff: Seg[] = [{ text: '+int dma_buf_map_attachment(struct dma_buf_attachment *attach);', style: 'add' }];

  it('returns the very same segments at column 0 (nothing is built while scrolling up and down)', () => {
    expect(shiftSegs(diff, 1, 0)).toBe(diff);
  });

  it('keeps the pinned diff marker and drops the next `col` columns', () => {
    expect(text(shiftSegs(diff, 1, 8))).toBe('+buf_map_attachment(struct dma_buf_attachment *attach);');
    expect(shiftSegs(diff, 1, 8)[0]!.style).toBe('add');
  });

  it('scrolls a row without a pin from its first column', () => {
    expect(text(shiftSegs([{ text: 'Signed-off-by: Jason', style: 'trailer' }], 0, 15))).toBe('Jason');
  });

  it('cuts across several segments and keeps search marks', () => {
    const segs: (Seg & { match?: true })[] = [
      { text: '+ab', style: 'add' }, { text: 'cdef', style: 'add', match: true }, { text: 'gh', style: 'add' },
    ];
    const out = shiftSegs(segs, 1, 3);
    expect(text(out)).toBe('+defgh');
    expect(out.map((s) => s.match ?? false)).toEqual([false, true, false]);
  });

  it('leaves only the pin of a row shorter than the offset', () => {
    expect(text(shiftSegs([{ text: '+x', style: 'add' }], 1, 16))).toBe('+');
    expect(shiftSegs([{ text: 'short', style: 'plain' }], 0, 16)).toEqual([]);
  });
});

describe('maxColumn', () => {
  it('is where the longest row ends in view, never below 0', () => {
    expect(maxColumn([{ text: 'x'.repeat(50) }, { text: 'y'.repeat(130) }], 99)).toBe(31);
    expect(maxColumn([{ text: 'short' }], 99)).toBe(0);
    expect(maxColumn([], 99)).toBe(0);
  });
});
