import { describe, it, expect } from 'vitest';
import { drawableSize, readSize, sizeReducer, DEFAULT_SIZE } from './term-size.js';

describe('terminal size', () => {
  it('falls back to 80x24 when the stream has no size (a pipe)', () => {
    expect(readSize({})).toEqual(DEFAULT_SIZE);
    expect(readSize({ columns: 120, rows: 0 })).toEqual({ columns: 120, rows: 24 });
  });

  it('draws one row short of the terminal, so Ink never clears the screen per frame', () => {
    expect(drawableSize({ columns: 120, rows: 40 })).toEqual({ columns: 120, rows: 39 });
    expect(drawableSize({ columns: 20, rows: 2 })).toEqual({ columns: 20, rows: 3 });
  });

  it('keeps the same object when nothing changed, so React skips the render', () => {
    const s = { columns: 120, rows: 40 };
    expect(sizeReducer(s, { columns: 120, rows: 40 })).toBe(s);
    expect(sizeReducer(s, { columns: 100, rows: 40 })).toEqual({ columns: 100, rows: 40 });
  });
});
