import { describe, it, expect } from 'vitest';
import { IDLE_SEARCH, searchReducer, type SearchAction } from './searchReducer.js';

const run = (...actions: SearchAction[]) => actions.reduce(searchReducer, IDLE_SEARCH);

describe('searchReducer', () => {
  it('builds a draft and confirms it as the query', () => {
    expect(run({ type: 'start' }, { type: 'type', text: 'pa' }, { type: 'type', text: 'l' })).toEqual({ typing: true, draft: 'pal', query: '' });
    expect(run({ type: 'start' }, { type: 'type', text: 'pal' }, { type: 'erase' }, { type: 'confirm' })).toEqual({ typing: false, draft: '', query: 'pa' });
  });

  it('keeps the previous query on cancel and on an empty confirm', () => {
    const first = run({ type: 'start' }, { type: 'type', text: 'sgt' }, { type: 'confirm' });
    expect(searchReducer(searchReducer(first, { type: 'start' }), { type: 'cancel' }).query).toBe('sgt');
    expect(searchReducer(searchReducer(first, { type: 'start' }), { type: 'confirm' }).query).toBe('sgt');
  });

  it('ignores typing when the prompt is closed', () => {
    expect(run({ type: 'type', text: 'x' }, { type: 'erase' })).toEqual(IDLE_SEARCH);
  });
});
