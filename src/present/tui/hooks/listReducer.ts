import type { ListState } from '../state/ui-state.js';

/** How many rows the list has and how many fit; every action carries it so the reducer stays pure. */
export interface ListBounds {
  count: number;
  height: number;
  /** The largest first column worth showing (the longest visible line's end in view); only scrolls need it. */
  maxCol?: number;
}

export type ListAction =
  | { type: 'move'; delta: number }
  | { type: 'page'; dir: 1 | -1; times?: number }
  | { type: 'top' }
  | { type: 'bottom' }
  /** Put the cursor on a row and show it a third of the way down, as less does for search hits. */
  | { type: 'jump'; index: number }
  /** Put the cursor on a row (`21G`): without scrolling when it is in view, else as a jump. */
  | { type: 'goto'; index: number }
  /** Shift long lines sideways by `cols` columns (negative: back), within `bounds.maxCol`. */
  | { type: 'scroll'; cols: number }
  | { type: 'scrollHome' }
  /** Re-clamp after the list or the terminal changed size. */
  | { type: 'fit' };

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/** The new window; a pane scrolled sideways keeps its column. */
function settle(cursor: number, offset: number, b: ListBounds, col?: number): ListState {
  const h = Math.max(1, b.height);
  const c = clamp(cursor, 0, Math.max(0, b.count - 1));
  let o = clamp(offset, 0, Math.max(0, b.count - h));
  if (c < o) o = c;
  if (c >= o + h) o = c - h + 1;
  return col ? { cursor: c, offset: o, col } : { cursor: c, offset: o };
}

/** Cursor movement over a windowed list: only `offset..offset+height` is ever drawn. */
export function listReducer(s: ListState, a: ListAction & { bounds: ListBounds }): ListState {
  const h = Math.max(1, a.bounds.height);
  const col = s.col;
  switch (a.type) {
    case 'move': return settle(s.cursor + a.delta, s.offset, a.bounds, col);
    case 'page': {
      const rows = a.dir * h * Math.max(1, a.times ?? 1);
      return settle(s.cursor + rows, s.offset + rows, a.bounds, col);
    }
    case 'top': return settle(0, 0, a.bounds, col);
    case 'bottom': return settle(a.bounds.count - 1, a.bounds.count, a.bounds, col);
    case 'jump': return settle(a.index, a.index - Math.floor(h / 3), a.bounds, col);
    case 'goto': return a.index >= s.offset && a.index < s.offset + h
      ? settle(a.index, s.offset, a.bounds, col)
      : settle(a.index, a.index - Math.floor(h / 3), a.bounds, col);
    case 'fit': return settle(s.cursor, s.offset, a.bounds, col);
    case 'scroll': {
      // Right stops where the longest visible line ends (never moving back); left stops at column 0.
      const from = col ?? 0;
      const to = a.cols > 0 ? Math.max(from, Math.min(from + a.cols, a.bounds.maxCol ?? 0)) : Math.max(0, from + a.cols);
      return settle(s.cursor, s.offset, a.bounds, to);
    }
    case 'scrollHome': return settle(s.cursor, s.offset, a.bounds);
  }
}
