import { describe, it, expect } from 'vitest';
import { applyFilter, describeFilter, findingRows, findingTypes, NO_FILTER } from './findings-list.js';
import { FINDINGS } from '../testing/review-data.test-util.js';

describe('findings list', () => {
  it('filters by level and by type', () => {
    expect(applyFilter(FINDINGS, { level: 'error', type: null }).map((f) => f.id)).toEqual(['missing-signoff']);
    expect(applyFilter(FINDINGS, { level: 'all', type: 'long-line' }).map((f) => f.id)).toEqual(['long-line']);
    expect(applyFilter(FINDINGS, NO_FILTER)).toHaveLength(3);
    expect(findingTypes(FINDINGS)).toEqual(['long-line', 'missing-signoff', 'trailing-whitespace']);
  });

  it('shows level, type, place, message and the offending line; Enter leads to the patch line', () => {
    const [row] = findingRows([{ ...FINDINGS[0]!, excerpt: '\tint x;   \x1b[2J' }]);
    expect(row!.text).toMatch(/^W trailing-whitespace +02 #40 +trailing whitespace {2}‹int x;›$/);
    expect(row!.target).toEqual({ kind: 'patch', patch: 2, bodyLine: 40 });
    expect(findingRows([{ id: 'x', severity: 'error', where: {}, message: 'series-wide' }])[0]!.target).toBeUndefined();
    expect(findingRows([])[0]!.text).toBe('No findings match.');
  });

  it('describes the filter in the view header', () => {
    expect(describeFilter({ level: 'warning', type: null }, 1, 3)).toBe('level: warning (e)  type: all (t)  showing 1 of 3');
  });
});
