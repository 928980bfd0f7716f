import { describe, expect, it } from 'vitest';
import { seriesOfDiffs } from '../apply/series-of-diffs.js';
import type { BisectResult } from './bisect.js';
import type { DependencyGraph } from './graph.js';
import { checkSplit, normalizeCuts, suggestSplit } from './split.js';

const series = seriesOfDiffs('five', Array.from({ length: 5 }, (_, i) => ({ subject: `p${i + 1}`, diffText: '' })));
const uses = (from: number, to: number) => ({ from, to, count: 1, reasons: [{ kind: 'uses' as const, symbol: `s${to}`, file: 'f.c', line: from }] });
// 2 needs 1 (backward, fine); 3 needs 4 (forward: an ordering bug).
const graph: DependencyGraph = { patches: [1, 2, 3, 4, 5], edges: [uses(2, 1), uses(3, 4)] };

describe('checkSplit', () => {
  it('says which part needs a patch of a later part, and why', () => {
    const check = checkSplit(series, graph, [3, 1]);
    expect(check.cuts).toEqual([1, 3]);
    expect(check.parts.map((p) => [p.first, p.last, p.standsAlone])).toEqual([[1, 1, true], [2, 3, false], [4, 5, true]]);
    expect(check.ok).toBe(false);
    expect(check.findings).toEqual([expect.objectContaining({
      id: 'split-needs-later-patch', where: expect.objectContaining({ patch: 3 }),
      message: 'split: part 2–3 does not stand alone: patch 3 needs patch 4 (uses s4 at f.c:3)',
    })]);
  });

  it('counts a part whose last tree does not build as not standing alone', () => {
    const bisect: BisectResult = { partial: false, bisectable: false, findings: [], patches: [
      { index: 1, status: 'ok' }, { index: 2, status: 'broken', broken: [] }, { index: 3, status: 'ok' }, { index: 4, status: 'ok' }, { index: 5, status: 'ok' }] };
    const check = checkSplit(series, { patches: [], edges: [] }, [2], bisect);
    expect(check.parts[0]).toMatchObject({ standsAlone: false, brokenAtEnd: true });
    expect(check.findings.map((f) => f.id)).toEqual(['split-part-broken']);
  });

  it('refuses cut points outside the series as a usage error', () => {
    expect(() => normalizeCuts(series, [0])).toThrow(/from 1 to 4; got 0/);
    expect(() => normalizeCuts(series, [5])).toThrow(expect.objectContaining({ code: 'usage' }));
  });
});

describe('suggestSplit', () => {
  it('cuts everywhere no forward need crosses, and says why it cannot cut elsewhere', () => {
    const s = suggestSplit(series, graph);
    expect(s.cuts).toEqual([1, 2, 4]);
    expect(s.parts).toEqual([[1, 1], [2, 2], [3, 4], [5, 5]]);
    expect(s.blocked).toEqual([{ after: 3, reason: 'patch 3 needs patch 4' }]);
  });
});
