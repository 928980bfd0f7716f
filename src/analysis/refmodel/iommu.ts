/**
 * A device's IOMMU domain: a first-fit IOVA allocator at page granularity plus the page table it
 * fills. First-fit (not a bump pointer) so that map→unmap→map returns to an equal state, which keeps
 * the explorer's state space finite and its hashing canonical.
 */
import { IOVA_BASE, PAGE_SIZE } from './config.js';
import { intern } from './intern.js';
import type { Domain, DomainEntry, PhysRange, Segment } from './types.js';


export function makeDomain(entries: readonly DomainEntry[]): Domain {
  const sorted = [...entries].sort((a, b) => a.iova - b.iova);
  return { entries: sorted, key: intern(`D${sorted.map((e) => `${e.iova.toString(36)}.${e.len.toString(36)}.${e.phys.toString(36)}`).join(',')}`) };
}

export const EMPTY_DOMAIN: Domain = makeDomain([]);

/** Lowest free IOVA where `size` bytes fit (entries sorted by IOVA). */
export function allocateIova(domain: Pick<Domain, 'entries'>, size: number): number {
  let candidate = IOVA_BASE;
  for (const e of domain.entries) {
    if (e.iova - candidate >= size) break;
    candidate = Math.max(candidate, e.iova + e.len);
  }
  return candidate;
}

export function pageDown(n: number): number {
  return Math.floor(n / PAGE_SIZE) * PAGE_SIZE;
}

export function pageUp(n: number): number {
  return Math.ceil(n / PAGE_SIZE) * PAGE_SIZE;
}

/**
 * Map each range at its own page-aligned IOVA (one IOMMU entry per range, as dma_map_phys and
 * iommu_map do for MMIO); the segment keeps the range's offset within its first page.
 */
export function mapRanges(domain: Domain, ranges: readonly PhysRange[]): { domain: Domain; segments: Segment[] } {
  const entries = [...domain.entries];
  const segments: Segment[] = [];
  for (const r of ranges) {
    const start = pageDown(r.phys);
    const size = pageUp(r.phys + r.len) - start;
    const iova = allocateIova({ entries }, size);
    const at = entries.findIndex((e) => e.iova > iova);
    entries.splice(at < 0 ? entries.length : at, 0, { iova, len: size, phys: start });
    segments.push({ iova: iova + (r.phys - start), len: r.len });
  }
  return { domain: makeDomain(entries), segments };
}

/** Remove the entries that back `segments` (what map took), nothing else. */
export function unmapSegments(domain: Domain, segments: readonly Segment[]): Domain {
  const taken = (e: DomainEntry): boolean => segments.some((s) => s.iova < e.iova + e.len && e.iova < s.iova + s.len);
  return makeDomain(domain.entries.filter((e) => !taken(e)));
}

/** Physical intervals the device reaches through `segments`, in order; null when an IOVA is not mapped. */
export function translate(domain: Domain, segments: readonly Segment[]): PhysRange[] | null {
  const out: PhysRange[] = [];
  for (const s of segments) {
    let iova = s.iova;
    const end = s.iova + s.len;
    while (iova < end) {
      const e = domain.entries.find((x) => x.iova <= iova && iova < x.iova + x.len);
      if (!e) return null;
      const len = Math.min(end, e.iova + e.len) - iova;
      out.push({ phys: e.phys + (iova - e.iova), len });
      iova += len;
    }
  }
  return out;
}

/** Merge touching intervals, so a device view can be compared byte range by byte range. */
export function coalesce(ranges: readonly PhysRange[]): PhysRange[] {
  const out: PhysRange[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && last.phys + last.len === r.phys) out[out.length - 1] = { phys: last.phys, len: last.len + r.len };
    else if (r.len > 0) out.push({ ...r });
  }
  return out;
}

export function formatBytes(ranges: readonly PhysRange[]): string {
  return coalesce(ranges)
    .map((r) => `${r.phys.toString(16)}+${r.len.toString(16)}`)
    .join(',');
}
