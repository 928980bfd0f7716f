import { describe, it, expect } from 'vitest';
import { listReducer, type ListAction } from './listReducer.js';
import type { ListState } from '../state/ui-state.js';

const bounds = { count: 100, height: 10 };
const run = (s: ListState, ...actions: ListAction[]) => actions.reduce((acc, a) => listReducer(acc, { ...a, bounds }), s);
const top = { cursor: 0, offset: 0 };

describe('listReducer', () => {
  it('moves the cursor and scrolls only when it leaves the window', () => {
    expect(run(top, { type: 'move', delta: 9 })).toEqual({ cursor: 9, offset: 0 });
    expect(run(top, { type: 'move', delta: 10 })).toEqual({ cursor: 10, offset: 1 });
    expect(run({ cursor: 10, offset: 5 }, { type: 'move', delta: -6 })).toEqual({ cursor: 4, offset: 4 });
  });

  it('clamps at both ends', () => {
    expect(run(top, { type: 'move', delta: -1 })).toEqual(top);
    expect(run(top, { type: 'move', delta: 500 })).toEqual({ cursor: 99, offset: 90 });
  });

  it('pages by the window height, like less', () => {
    expect(run(top, { type: 'page', dir: 1 })).toEqual({ cursor: 10, offset: 10 });
    expect(run(top, { type: 'page', dir: 1 }, { type: 'page', dir: 1 }, { type: 'page', dir: -1 })).toEqual({ cursor: 10, offset: 10 });
    expect(run({ cursor: 95, offset: 90 }, { type: 'page', dir: 1 })).toEqual({ cursor: 99, offset: 90 });
  });

  it('goes to the first and last row', () => {
    expect(run({ cursor: 50, offset: 45 }, { type: 'top' })).toEqual(top);
    expect(run(top, { type: 'bottom' })).toEqual({ cursor: 99, offset: 90 });
  });

  it('shows a jump target a third of the way down', () => {
    expect(run(top, { type: 'jump', index: 50 })).toEqual({ cursor: 50, offset: 47 });
    expect(run(top, { type: 'jump', index: 1 })).toEqual({ cursor: 1, offset: 0 });
  });

  it('refits after the terminal shrank', () => {
    expect(listReducer({ cursor: 30, offset: 25 }, { type: 'fit', bounds: { count: 100, height: 3 } })).toEqual({ cursor: 30, offset: 28 });
  });

  it('copes with an empty list', () => {
    expect(listReducer(top, { type: 'bottom', bounds: { count: 0, height: 10 } })).toEqual(top);
  });

  it('pages several times at once for a count', () => {
    expect(run(top, { type: 'page', dir: 1, times: 3 })).toEqual({ cursor: 30, offset: 30 });
    expect(run({ cursor: 50, offset: 50 }, { type: 'page', dir: -1, times: 9 })).toEqual(top);
  });

  it('goes to a row in view without scrolling, to one out of view as a jump', () => {
    expect(run(top, { type: 'goto', index: 7 })).toEqual({ cursor: 7, offset: 0 });
    expect(run(top, { type: 'goto', index: 50 })).toEqual({ cursor: 50, offset: 47 });
    expect(run(top, { type: 'goto', index: 500 })).toEqual({ cursor: 99, offset: 90 });
  });

  it('scrolls sideways within the longest visible line, and keeps the column while moving', () => {
    const wide = { count: 100, height: 10, maxCol: 20 };
    const side = (s: ListState, a: ListAction) => listReducer(s, { ...a, bounds: wide });
    let s = side(top, { type: 'scroll', cols: 8 });
    expect(s).toEqual({ cursor: 0, offset: 0, col: 8 });
    s = side(side(s, { type: 'scroll', cols: 8 }), { type: 'scroll', cols: 8 });
    expect(s.col).toBe(20);
    expect(run(s, { type: 'move', delta: 3 }, { type: 'page', dir: 1 }, { type: 'bottom' }).col).toBe(20);
    // Rows further down are shorter: l never pulls the view back left.
    expect(listReducer(s, { type: 'scroll', cols: 8, bounds: { count: 100, height: 10, maxCol: 4 } }).col).toBe(20);
    expect(side(s, { type: 'scroll', cols: -8 }).col).toBe(12);
    expect(side(s, { type: 'scroll', cols: -80 })).toEqual(top);
    expect(side(s, { type: 'scrollHome' })).toEqual(top);
  });
});
