// The TUI's series view on real threads of ../shared/corpus (skipped in a plain clone).
import { expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../test/support/shared.js';
import { loadSeriesSet } from '../../series/index.js';
import { createModel } from './state/model.js';
import { seriesColumns, seriesColumnsLine, seriesHeader } from './state/series-rows.js';
import { checkBinding, loadSequenceFile, verifySequences } from '../../analysis/refmodel/index.js';
import { toReviewData } from './adapt.js';
import { resolve } from 'node:path';

describeShared('TUI series view on real threads', ['corpus'], () => {
  it("shows cover-letter trailers as series-wide badges on row 00 and in the header (thread 099: two Tested-by on the cover)", async () => {
    const set = await loadSeriesSet(sharedPath('corpus', 'linaro-mm-sig', 'threads', '099', 'thread.mbox'));
    const s = set.series[0]!;
    expect((s.coverTrailers ?? []).map((t) => t.key)).toEqual(['Tested-by', 'Tested-by']);
    const rows = createModel({ set, findings: [] }).seriesRows(0);
    expect(rows[0]!.text).toMatch(/^00 +R· A· T2 /);
    expect(seriesHeader(s, set).map((l) => l.text).join('\n')).toContain('series-wide T2 (row 00)');
  });

  it('on a real thread the model view shows the bundled sequences and the binding mismatches, and no patch gets their verdicts', async () => {
    const set = await loadSeriesSet(sharedPath('corpus', 'linaro-mm-sig', 'threads', '027', 'thread.mbox'));
    const file = loadSequenceFile(resolve(__dirname, '../../..', 'fixtures/dmabuf-mapping-types/sequence.json'));
    const report = verifySequences(file.sequences, { depth: 3, bindingMismatches: checkBinding(file.binding, set.series[0]!) });
    const model = createModel(toReviewData({ set, findings: [], verify: { report, sequences: file.sequences, binding: file.binding } }));
    const steps = model.stepsDoc().map((l) => l.text);
    expect(steps[0]).toMatch(/^binding: \d+ mismatches between the plan and this series$/);
    expect(steps).toContain('Sequence: as-posted  fail, as expected');
    expect(steps.some((t) => t.startsWith('No verification results'))).toBe(false);
    // The plan is about the bundled RFC: a false ✓ or step on this series' rows would be a false claim.
    expect(seriesColumnsLine(seriesColumns(model.data, set.series[0]!)).text).not.toContain('model');
    for (const row of model.seriesRows(0)) expect(row.text).not.toMatch(/ S\d+ /);
    expect(model.doc(0, 1).some((l) => l.text.startsWith('model: '))).toBe(false);
  });
});
