// The series picker over several real threads of ../shared/corpus (skipped in a plain clone).
import { expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../test/support/shared.js';
import { loadSeriesSet, type SeriesSet } from '../../series/index.js';
import { initialUi, makeReviewReducer } from './hooks/reviewReducer.js';
import { createModel } from './state/model.js';
import { screenFor } from './state/screens.js';
import { topEntry, type UiState } from './state/ui-state.js';

describeShared('series picker on real threads', ['corpus'], () => {
  async function fourThreads(): Promise<SeriesSet> {
    const sets = await Promise.all(['051', '027', '054', '099'].map((n) => loadSeriesSet(sharedPath('corpus', 'linaro-mm-sig', 'threads', n, 'thread.mbox'))));
    return { ...sets[0]!, series: sets.flatMap((s) => s.series) };
  }

  it('starts on the picker, versions grouped; typing filters fuzzily; Enter opens the version', async () => {
    const set = await fourThreads();
    const model = createModel({ set, findings: [] });
    const reduce = makeReviewReducer(model);
    const type = (ui: UiState, text: string) => reduce(ui, { type: 'key', input: text, key: {} });
    let ui = initialUi({ columns: 140, rows: 30 }, model);
    expect(topEntry(ui).view).toEqual({ kind: 'picker', query: '' });
    const rows = () => screenFor(model, ui).panes[0]!.lines.map((l) => l.text);
    // v5 (thread 051) and v6 (thread 054) of the locking series sit together although 027 came between.
    expect(rows()[0]).toMatch(/^v5 +21p +Move all drivers to a common dma-buf locking convention +Dmitry Osipenko/);
    expect(rows()[1]).toMatch(/^ +└ v6 +21p +Dmitry Osipenko/);
    ui = type(ui, 'osipnko');
    expect(rows()).toHaveLength(2);
    ui = type(ui, '\x7f'.repeat(7));
    for (const ch of 'iommufd jgg') ui = type(ui, ch);
    expect(rows()).toEqual([expect.stringMatching(/^v1 +9p +Initial DMABUF support for iommufd +Jason Gunthorpe/)]);
    ui = reduce(ui, { type: 'key', input: '', key: { escape: true } });
    expect(topEntry(ui).view).toEqual({ kind: 'picker', query: '' });
    ui = reduce(ui, { type: 'key', input: '', key: { downArrow: true } });
    ui = reduce(ui, { type: 'key', input: '\r', key: { return: true } });
    expect(topEntry(ui).view.kind).toBe('series');
    expect(set.series[ui.version]!.id).toBe('20220928191600.5874-1-dmitry.osipenko@collabora.com');
    expect(screenFor(model, ui).crumb).toBe('v6');
  });
});
