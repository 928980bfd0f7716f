import { describe, expect, it } from 'vitest';
import { IOVA_BASE } from './config.js';
import { allocateIova, coalesce, EMPTY_DOMAIN, formatBytes, makeDomain, mapRanges, translate, unmapSegments } from './iommu.js';

describe('iommu domain', () => {
  it('should allocate first-fit and reuse a freed hole', () => {
    const d = makeDomain([{ iova: IOVA_BASE, len: 0x1000, phys: 0 }, { iova: IOVA_BASE + 0x3000, len: 0x1000, phys: 0 }]);
    expect(allocateIova(d, 0x2000)).toBe(IOVA_BASE + 0x1000);
    expect(allocateIova(d, 0x3000)).toBe(IOVA_BASE + 0x4000);
  });

  it('should map each range at a page-aligned IOVA, keeping the offset into its first page', () => {
    const { domain, segments } = mapRanges(EMPTY_DOMAIN, [{ phys: 0x5000, len: 0x2000 }, { phys: 0x9800, len: 0x100 }]);
    expect(segments).toEqual([{ iova: IOVA_BASE, len: 0x2000 }, { iova: IOVA_BASE + 0x2800, len: 0x100 }]);
    expect(domain.entries).toEqual([
      { iova: IOVA_BASE, len: 0x2000, phys: 0x5000 },
      { iova: IOVA_BASE + 0x2000, len: 0x1000, phys: 0x9000 },
    ]);
    expect(translate(domain, segments)).toEqual([{ phys: 0x5000, len: 0x2000 }, { phys: 0x9800, len: 0x100 }]);
  });

  it('should release exactly what a mapping took and return to an equal domain', () => {
    const first = mapRanges(EMPTY_DOMAIN, [{ phys: 0x1000, len: 0x1000 }]);
    const second = mapRanges(first.domain, [{ phys: 0x8000, len: 0x2000 }]);
    const back = unmapSegments(second.domain, second.segments);
    expect(back.key).toBe(first.domain.key);
    expect(unmapSegments(back, first.segments).key).toBe(EMPTY_DOMAIN.key);
  });

  it('should report an unmapped IOVA as null', () => {
    expect(translate(EMPTY_DOMAIN, [{ iova: IOVA_BASE, len: 1 }])).toBeNull();
  });

  it('should coalesce only touching ranges', () => {
    expect(coalesce([{ phys: 0, len: 0x1000 }, { phys: 0x1000, len: 0x1000 }, { phys: 0x3000, len: 0x1000 }])).toEqual([
      { phys: 0, len: 0x2000 },
      { phys: 0x3000, len: 0x1000 },
    ]);
    expect(formatBytes([{ phys: 0x10, len: 0x10 }, { phys: 0x20, len: 0x10 }])).toBe('10+20');
  });
});
