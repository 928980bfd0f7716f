import { describe, it, expect } from 'vitest';
import { filterReducer } from './filterReducer.js';
import { NO_FILTER } from '../state/findings-list.js';

describe('filterReducer', () => {
  it('cycles the level through all, error, warning, check', () => {
    const levels: string[] = [];
    let f = NO_FILTER;
    for (let i = 0; i < 4; i++) {
      f = filterReducer(f, { type: 'level' });
      levels.push(f.level);
    }
    expect(levels).toEqual(['error', 'warning', 'check', 'all']);
  });

  it('cycles the type through the present types and back to all', () => {
    const types = ['a-type', 'b-type'];
    const once = filterReducer(NO_FILTER, { type: 'type', types });
    const twice = filterReducer(once, { type: 'type', types });
    expect([once.type, twice.type, filterReducer(twice, { type: 'type', types }).type]).toEqual(['a-type', 'b-type', null]);
  });
});
