import { describe, expect, it } from 'vitest';
import { convertPalToIommuDomain, convertPalToSgt } from './convert.js';
import { EMPTY_DOMAIN, formatBytes, translate } from './iommu.js';
import type { PhysRange } from './types.js';

const ranges: PhysRange[] = [{ phys: 0xe0000000, len: 0x2000 }, { phys: 0xe0100000, len: 0x1000 }];

describe('core converters', () => {
  it('PAL→SGT should give one segment per range whose device view is exactly the ranges', () => {
    const c = convertPalToSgt(EMPTY_DOMAIN, ranges);
    expect(c.segments).toHaveLength(2);
    expect(formatBytes(translate(c.domain, c.segments)!)).toBe(formatBytes(ranges));
  });

  it('PAL→iommu_domain should map multi-range lists at page-aligned IOVAs', () => {
    const c = convertPalToIommuDomain(EMPTY_DOMAIN, ranges)!;
    expect(c.segments.every((s) => s.iova % 4096 === 0 && s.len % 4096 === 0)).toBe(true);
    expect(translate(c.domain, c.segments)).toEqual(ranges);
  });

  it('PAL→iommu_domain should refuse a range that is not page-aligned', () => {
    expect(convertPalToIommuDomain(EMPTY_DOMAIN, [{ phys: 0x1800, len: 0x800 }])).toBeNull();
  });
});
