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
});
