import { describe, it, expect } from 'vitest';
import { filterEntries, fuzzyScore, type PickEntry } from './picker.js';

const entry = (index: number, title: string, version: number, author: string, messageId: string): PickEntry => ({
  index, version, rfc: false, title, author, date: '', messageId, patches: 3,
  haystack: `${title} ${author} ${messageId}`.toLowerCase(), group: title.toLowerCase(),
});

const ENTRIES = [
  entry(0, 'Move all drivers to a common dma-buf locking convention', 5, 'Dmitry Osipenko', '20220913192757.37727-1-dmitry.osipenko@collabora.com'),
  entry(1, 'Initial DMABUF support for iommufd', 1, 'Jason Gunthorpe', '0-v1-af84a3ab44f5+f68-iommufd_buf_jgg@nvidia.com'),
  entry(2, 'Move all drivers to a common dma-buf locking convention', 6, 'Dmitry Osipenko', '20220928191600.5874-1-dmitry.osipenko@collabora.com'),
];

describe('fuzzy picking', () => {
  it('matches each term as a subsequence, substrings and word starts first', () => {
    expect(fuzzyScore('iommufd', ENTRIES[1]!.haystack)).not.toBeNull();
    expect(fuzzyScore('imfd', ENTRIES[1]!.haystack)).not.toBeNull();
    expect(fuzzyScore('zzz', ENTRIES[1]!.haystack)).toBeNull();
    expect(fuzzyScore('lock conv', ENTRIES[0]!.haystack)).not.toBeNull();
    expect(fuzzyScore('iommufd', ENTRIES[1]!.haystack)!).toBeGreaterThan(fuzzyScore('imfd', ENTRIES[1]!.haystack)!);
    // Not letters strewn over a whole line: `iommufd` is no match for the locking series.
    expect(fuzzyScore('iommufd', ENTRIES[0]!.haystack)).toBeNull();
  });

  it('keeps the versions of a series together, in version order, whichever matched', () => {
    expect(filterEntries(ENTRIES, 'osipenko').map((e) => e.index)).toEqual([0, 2]);
    expect(filterEntries(ENTRIES, '20220928').map((e) => e.index)).toEqual([0, 2]);
    expect(filterEntries(ENTRIES, 'jgg').map((e) => e.index)).toEqual([1]);
    expect(filterEntries(ENTRIES, '').map((e) => e.index)).toEqual([0, 1, 2]);
  });
});
