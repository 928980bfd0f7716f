/**
 * The core-only converters of the seed proposal. Only these functions see physical addresses and an
 * importer's domain together; exporters hand over a PAL, importers get device addresses.
 */
import { PAGE_SIZE } from './config.js';
import { mapRanges } from './iommu.js';
import type { Domain, PhysRange, Segment } from './types.js';

export interface Converted {
  domain: Domain;
  segments: Segment[];
}

/**
 * PAL→SGT (dma_buf_phys_vec_to_sgt): DMA-map every range for the importer's device, in order, one
 * sg entry per range. Ranges are MMIO, so there is no struct page and no merging across ranges.
 */
export function convertPalToSgt(domain: Domain, ranges: readonly PhysRange[]): Converted {
  return mapRanges(domain, ranges);
}

/**
 * PAL→iommu_domain: map every range at IOVAs of the importer's domain. iommu_map works in whole pages,
 * so a range that is not page-aligned is refused (null) rather than rounded into someone else's bytes.
 */
export function convertPalToIommuDomain(domain: Domain, ranges: readonly PhysRange[]): Converted | null {
  if (ranges.some((r) => r.phys % PAGE_SIZE !== 0 || r.len % PAGE_SIZE !== 0)) return null;
  return mapRanges(domain, ranges);
}
