import type { ListState } from '../state/ui-state.js';

/** How many rows the list has and how many fit; every action carries it so the reducer stays pure. */
export interface ListBounds {
  count: number;
  height: number;
}

export type ListAction =
  | { type: 'move'; delta: number }
  | { type: 'page'; dir: 1 | -1 }
  | { type: 'top' }
  | { type: 'bottom' }
  /** Put the cursor on a row and show it a third of the way down, as less does for search hits. */
  | { type: 'jump'; index: number }
  /** Re-clamp after the list or the terminal changed size. */
  | { type: 'fit' };

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

function settle(cursor: number, offset: number, b: ListBounds): ListState {
  const h = Math.max(1, b.height);
  const c = clamp(cursor, 0, Math.max(0, b.count - 1));
  let o = clamp(offset, 0, Math.max(0, b.count - h));
  if (c < o) o = c;
  if (c >= o + h) o = c - h + 1;
  return { cursor: c, offset: o };
}

/** Cursor movement over a windowed list: only `offset..offset+height` is ever drawn. */
export function listReducer(s: ListState, a: ListAction & { bounds: ListBounds }): ListState {
  const h = Math.max(1, a.bounds.height);
  switch (a.type) {
    case 'move': return settle(s.cursor + a.delta, s.offset, a.bounds);
    case 'page': return settle(s.cursor + a.dir * h, s.offset + a.dir * h, a.bounds);
    case 'top': return settle(0, 0, a.bounds);
    case 'bottom': return settle(a.bounds.count - 1, a.bounds.count, a.bounds);
    case 'jump': return settle(a.index, a.index - Math.floor(h / 3), a.bounds);
    case 'fit': return settle(s.cursor, s.offset, a.bounds);
  }
}
