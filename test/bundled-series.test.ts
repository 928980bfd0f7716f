// The bundled fixture (fixtures/dmabuf-mapping-types/series.mbox: the RFC series and the review thread of the
// seed's overview, 39 messages) read end to end through ingest and series, and `show`'s text rendering.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { countPlaced, loadSeriesSet, toShowJson } from '../src/series/index.js';
import { formatShowText } from '../src/present/report/show-text.js';
import { describeShared, sharedPath } from './support/shared.js';

const REPO = resolve(__dirname, '..');
const BUNDLED = resolve(REPO, 'fixtures', 'dmabuf-mapping-types', 'series.mbox');
const B4 = sharedPath('conformance', 'b4-samples');

describeShared('formatShowText', ['conformance', 'b4-samples'], () => {
  it('should summarise a series with cover, badges, replies and +/− counts', async () => {
    const set = await loadSeriesSet(resolve(B4, 'trailers-thread-with-cover-followup.mbox'));
    const text = formatShowText(set);
    const lines = text.split('\n');
    expect(lines[0]).toBe('This is a cover for test series 1  (v1, 4/4 patches)');
    expect(lines[1]).toMatch(/^ {2}00 cover: This is a cover for test series 1 {2}Konstantin Ryabitsev {2}\[R1\] {2}1 reply {2}base f435c12df7c0$/);
    expect(lines[5]).toMatch(/^ {2}04 Minor typo changes imitation {2}Konstantin Ryabitsev {2}\+\d+\/\u2212\d+ {2}\[T1\] {2}1 reply$/);
    expect(text.trimEnd().split('\n').pop()).toBe('7 messages read');
  });

  it('should strip terminal controls and bidi overrides that mail carries', async () => {
    const set = await loadSeriesSet(resolve(B4, 'shazam-git1-just-series.mbox'));
    const patch = set.series[0]!.patches[0]!;
    patch.subject = 'evil \x1b]0;title\x07\u202esubject';
    expect(formatShowText(set)).toContain('  01 evil subject  ');
  });
});

describe('bundled RFC series (fixtures/dmabuf-mapping-types/series.mbox)', () => {
  it('should give one 26-patch RFC series with cover and the review replies of the thread overview', async () => {
    const set = await loadSeriesSet(BUNDLED);
    expect(set.messages).toBe(39);
    expect(countPlaced(set)).toBe(39);
    expect(set.series).toHaveLength(1);
    const s = set.series[0]!;
    expect(s).toMatchObject({ version: 1, rfc: true, total: 26, missing: [], duplicates: [] });
    expect(s.patches.map((p) => p.index)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(s.cover?.subject).toBe('Add DMA-buf mapping types and convert vfio/iommufd to use them');
    expect(s.cover?.replies).toHaveLength(2);
    expect(s.patches[11]?.replies).toHaveLength(2);
    expect(s.patches[20]?.replies).toHaveLength(8);
    const others = s.patches.filter((p) => p.index !== 12 && p.index !== 21).flatMap((p) => p.replies);
    expect(others).toEqual([]);
    // The fixture is generated against its own miniature tree, so its base commit is that tree's, not the real one.
    expect(s.baseCommit).toMatch(/^[0-9a-f]{40}$/);
    expect(s.cover?.baseCommit).toBe(s.baseCommit);
    for (const p of s.patches) expect(p.author).toEqual({ name: 'Jason Gunthorpe', email: 'jgg@nvidia.com' });
  });

  it('should unfold the subjects folded over two header lines (05 and 17)', async () => {
    const set = await loadSeriesSet(BUNDLED);
    const s = set.series[0]!;
    expect(s.patches[4]?.subject).toBe('dma-buf: Allow single exporter drivers to avoid the match_mapping function');
    expect(s.patches[16]?.subject).toBe('treewide: Rename dma_buf_map_attachment(_unlocked) to dma_buf_sgt_');
    expect(s.patches[4]?.rawSubject).not.toMatch(/\n/);
  });

  it('should serialise to the show --json contract', async () => {
    const json = toShowJson(await loadSeriesSet(BUNDLED));
    expect(json.schema).toBe(1);
    expect(json.series[0]?.patches[0]).toMatchObject({ index: 1, subject: 'dma-buf: Introduce DMA-buf mapping types' });
    expect(json.series[0]?.patches[0]?.files.map((f) => f.path).sort()).toEqual(
      ['drivers/dma-buf/dma-buf-mapping.c', 'include/linux/dma-buf-mapping.h', 'include/linux/dma-buf.h'],
    );
  });
});
