// The TUI's series view on real threads of ../shared/corpus (skipped in a plain clone).
import { expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../test/support/shared.js';
import { loadSeriesSet } from '../../series/index.js';
import { createModel } from './state/model.js';
import { seriesHeader } from './state/series-rows.js';

describeShared('TUI series view on real threads', ['corpus'], () => {
  it("shows cover-letter trailers as series-wide badges on row 00 and in the header (thread 099: two Tested-by on the cover)", async () => {
    const set = await loadSeriesSet(sharedPath('corpus', 'linaro-mm-sig', 'threads', '099', 'thread.mbox'));
    const s = set.series[0]!;
    expect((s.coverTrailers ?? []).map((t) => t.key)).toEqual(['Tested-by', 'Tested-by']);
    const rows = createModel({ set, findings: [] }).seriesRows(0);
    expect(rows[0]!.text).toMatch(/^00 +R· A· T2 /);
    expect(seriesHeader(s, set).map((l) => l.text).join('\n')).toContain('series-wide T2 (row 00)');
  });
});
