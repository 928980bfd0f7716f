import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../ingest/index.js';
import { buildSeriesSet } from '../../series/index.js';
import { mail } from '../../series/test-mail.test-util.js';
import { newerThan, seriesKeys, versionQuery, versionsFromMessages, type SeriesKeys } from './server-versions.js';

const FIXTURE = resolve(__dirname, '../../../fixtures/dmabuf-mapping-types');

describe('version search (b4 get_extra_series, plus patch 1 stem)', () => {
  it('searches the bundled RFC by its cover and patch 1 stems and its author', async () => {
    const set = buildSeriesSet([await readInput(resolve(FIXTURE, 'series.mbox'))]);
    const keys = seriesKeys(set.series[0]!);
    expect(keys).toEqual({
      changeId: null,
      stems: ['Add DMA-buf mapping types and convert vfio/iommufd to use them', 'dma-buf: Introduce DMA-buf mapping types'],
      authorEmail: 'jgg@nvidia.com',
    });
    expect(versionQuery(keys)).toBe(
      '((s:"Add DMA-buf mapping types and convert vfio/iommufd to use them" OR s:"dma-buf: Introduce DMA-buf mapping types") AND f:"jgg@nvidia.com")',
    );
  });

  it('finds v2 among the bundled v1 and v2 by patch 1 although v2 renamed its cover', async () => {
    const v1 = buildSeriesSet([await readInput(resolve(FIXTURE, 'series.mbox'))]).series;
    const both = [...(await readInput(resolve(FIXTURE, 'series.mbox'))).messages, ...(await readInput(resolve(FIXTURE, 'series-v2.mbox'))).messages];
    const known = versionsFromMessages(both, seriesKeys(v1[0]!));
    expect(known.map((k) => [k.version, k.messageId, k.total])).toEqual([
      [1, '0-v1-b5cab63049c0+191af-dmabuf_map_type_jgg@nvidia.com', 26],
      [2, '1-v2-7d3e9a41c2b8+2f5-dmabuf_map_type_jgg@nvidia.com', 20],
    ]);
    expect(newerThan(known, v1).map((k) => k.version)).toEqual([2]);
  });

  const keys: SeriesKeys = { changeId: 'abc-123', stems: ['net: fix the thing'], authorEmail: 'dev@example.org' };

  it('counts only exact stems by the same author, or the same change-id: no false "newer version"', () => {
    const found = versionsFromMessages([
      mail({ index: 1, subject: '[PATCH v3 1/2] net: fix the thing better', from: 'Dev <dev@example.org>' }), // longer subject
      mail({ index: 2, subject: '[PATCH v4 1/2] net: fix the thing', from: 'Other <other@example.org>' }), // another author
      mail({ index: 3, subject: 'Re: [PATCH v5 0/2] net: fix the thing', from: 'Dev <dev@example.org>' }), // a reply
      mail({ index: 4, subject: '[PATCH v6 2/2] net: fix the thing', from: 'Dev <dev@example.org>' }), // not 0 or 1
      mail({ index: 5, subject: '[PATCH v7 1/3] net: a new name', from: 'Else <else@example.org>', body: 'x\nchange-id: abc-123\n' }),
      mail({ index: 6, subject: '[PATCH v2 1/2] net: fix the thing', from: 'Dev <dev@example.org>' }),
      mail({ index: 7, subject: '[PATCH v2 0/2] net: fix the thing', from: 'Dev <dev+lists@example.org>' }), // cover wins
    ], keys);
    expect(found.map((k) => [k.version, k.messageId])).toEqual([[2, 'm7@example.org'], [7, 'm5@example.org']]);
  });

  it('takes an [RFC vN 0/M] cover without the PATCH word, behind a list tag (linaro-mm-sig thread 033: b4 found v5, we did not)', () => {
    const cgroup: SeriesKeys = { changeId: null, stems: ['Proposal for a GPU cgroup controller'], authorEmail: 'tjmercier@google.com' };
    const found = versionsFromMessages([
      mail({ index: 1, subject: '[Linaro-mm-sig] [RFC v5 0/6] Proposal for a GPU cgroup controller', from: 'T.J. Mercier <tjmercier@google.com>' }),
      mail({ index: 2, subject: '[Linaro-mm-sig] Proposal for a GPU cgroup controller', from: 'T.J. Mercier <tjmercier@google.com>' }), // no counter: not a posting
    ], cgroup);
    expect(found.map((k) => [k.version, k.messageId])).toEqual([[5, 'm1@example.org']]);
  });

  it('quotes in a subject cannot break out of the phrase', () => {
    expect(versionQuery({ changeId: null, stems: ['say "hi") OR (s:x'], authorEmail: 'a@b' })).toBe('((s:"say hi) OR (s:x") AND f:"a@b")');
    expect(versionQuery({ changeId: null, stems: [], authorEmail: null })).toBeNull();
  });
});
