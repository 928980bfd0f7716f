import { afterEach, describe, expect, it } from 'vitest';
import { seriesOfDiffs } from '../apply/series-of-diffs.js';
import { diffsOfStates, removeTestTrees } from '../apply/temp-tree.test-util.js';
import { lineTouches } from './line-owners.js';

afterEach(() => removeTestTrees());

const lines = (n: number, tag = 'line'): string => Array.from({ length: n }, (_, i) => `${tag} ${i + 1}\n`).join('');

describe('lineTouches', { timeout: 30_000 }, () => {
  it('follows added lines through later insertions above them', async () => {
    const base = { 'f.txt': lines(30) };
    // 1 appends near the end; 2 inserts five lines at the top (shifting 1's lines); 3 edits 1's line.
    const s1 = { 'f.txt': `${lines(30)}added by one\n` };
    const s2 = { 'f.txt': `${lines(5, 'top')}${s1['f.txt']}` };
    const s3 = { 'f.txt': s2['f.txt'].replace('added by one', 'changed by three') };
    const diffs = await diffsOfStates([base, s1, s2, s3]);
    const touches = lineTouches(seriesOfDiffs('t', diffs.map((diffText, i) => ({ subject: `p${i + 1}`, diffText }))).patches);
    // 2 touches nothing of 1 (its hunk is at the top, far from line 31); 3 removes 1's line, now at 36.
    expect(touches.filter((t) => t.from === 2)).toEqual([]);
    expect(touches).toContainEqual({ from: 3, to: 1, file: 'f.txt', line: 36 });
    expect(touches.some((t) => t.from === 3 && t.to === 2)).toBe(false);
  });

  it('drops the lines a patch removes', async () => {
    const base = { 'f.txt': lines(20) };
    const s1 = { 'f.txt': lines(20).replace('line 10\n', 'line 10\nextra\n') };
    const s2 = { 'f.txt': lines(20) };
    const s3 = { 'f.txt': lines(20).replace('line 10\n', 'line ten\n') };
    const diffs = await diffsOfStates([base, s1, s2, s3]);
    const touches = lineTouches(seriesOfDiffs('t', diffs.map((diffText, i) => ({ subject: `p${i + 1}`, diffText }))).patches);
    expect(touches.filter((t) => t.from === 2).map((t) => t.to)).toContain(1);
    expect(touches.filter((t) => t.from === 3 && t.to === 1)).toEqual([]);
  });
});
