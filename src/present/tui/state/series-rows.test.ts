import { describe, it, expect } from 'vitest';
import { seriesColumns, seriesColumnsLine, seriesHeader, seriesRows, versionRows } from './series-rows.js';
import { reviewData } from '../testing/review-data.test-util.js';

describe('series rows', () => {
  const data = reviewData();
  const s = data.set.series[0]!;
  const rows = seriesRows(data, s);

  it('lists the cover as 00, then one row per patch with lines, badges, replies, findings, bisect and step', () => {
    expect(rows.map((r) => r.target)).toEqual([0, 1, 2, 3].map((patch) => ({ kind: 'patch', patch })));
    // One author: the header line names them, the subject gets the column (issue 17, bug 5).
    expect(rows[1]!.text).toMatch(/^01 +\+3\/−1 +R1 A· T· +· · +✓ +S1 +✓ +dma-buf: Introduce/);
    expect(rows[2]!.text).toMatch(/^02 +\+40\/−1 +R· A· T· +· 1 +✓ +S1 +✓ /);
    // The model column: the step of patch 3 breaks HIDE_PHYS.
    expect(rows[3]!.text).toMatch(/^03 +\+3\/−1 +R· A· T· ✉2 +1 · +✗ +S2 +✗ HIDE_PHYS +dma-buf: Add the Physical/);
  });

  it('shows the author column when the patches have more than one author, and no model column without a model', () => {
    const two = { ...data, verify: undefined, set: { ...data.set, series: [{ ...s, patches: s.patches.map((p, i) => (i === 1 ? { ...p, author: { name: 'Christian König', email: 'ck@amd.com' } } : p)) }] } };
    const r = seriesRows(two, two.set.series[0]!);
    expect(r[2]!.text).toMatch(/· 1 +✓ +Christian König +dma-buf: Add the SGT/);
    expect(seriesColumnsLine(seriesColumns(two, two.set.series[0]!)).text).toMatch(/step author +subject$/);
  });

  it('colours the findings cell by the worst level', () => {
    expect(rows[3]!.segs.find((g) => g.text.startsWith('1 ·'))!.style).toBe('error');
    expect(rows[2]!.segs.find((g) => g.text.startsWith('· 1'))!.style).toBe('warning');
  });

  it('aligns the column header with the rows', () => {
    expect(seriesColumnsLine(seriesColumns(data, s)).text.indexOf('subject')).toBe(rows[1]!.text.indexOf('dma-buf:'));
    expect(seriesColumnsLine(seriesColumns(data, s)).text.indexOf('subject')).toBe(rows[0]!.text.indexOf('cover:'));
  });

  it('summarises the cover and offers the versions of the set', () => {
    const head = seriesHeader(s, data.set).map((l) => l.text);
    expect(head[0]).toBe('Add DMA-buf mapping types and convert vfio/iommufd to use them  [RFC v1]');
    expect(head[1]).toContain('3/3 patches · 2 replies · base c63e5a50e1dd · 2 versions/series in set');
    expect(head[2]).toBe('  This series introduces mapping types.');
    expect(seriesHeader(s, data.set, 'proposed', 2)[1]!.text).toContain('step: proposed · 2 series findings (f)');
    expect(versionRows(data.set).map((r) => r.text.slice(0, 10))).toEqual(['v1 RFC 3p ', 'v2 RFC 2p ']);
  });
});
