/**
 * dma_buf_match_mapping as the series describes it, extended with the seed's core-only converters:
 * walk the exporter's entries in order (the exporter's preference wins); for each, take the same type
 * on the importer's side, else a type the core can convert it into (in the importer's order). A type
 * whose match callback says -EOPNOTSUPP (SGT of MMIO to a non-P2P importer) is skipped. No candidate
 * left gives "no common mapping type" (-EINVAL).
 */
import { CONVERTERS, NO_COMMON_TYPE } from './types.js';
import type { ConverterId, ExporterSpec, GroupModel, ImporterSpec, MappingType, MatchResult } from './types.js';

export const REVOCABLE_NEEDS_DYNAMIC = 'revocable exporter needs a dynamic importer (move_notify)';

/** The SGT match callback's P2P policy: an sg_table of MMIO only goes to a P2P-capable device. */
export function isP2pAcceptable(exporter: ExporterSpec, importer: ImporterSpec, from: MappingType, to: MappingType): boolean {
  const scatterList = to === 'sgt' || to === 'legacy';
  // PAL ranges are all treated as MMIO (patch 21), so an SGT converted from PAL is P2P too.
  const mmio = exporter.mmio || from === 'pal';
  return !scatterList || !mmio || importer.p2p;
}

export function findConverter(converters: readonly ConverterId[], from: MappingType, to: MappingType): ConverterId | null {
  for (const id of converters) {
    const c = CONVERTERS[id];
    if (c.from === from && c.to === to) return id;
  }
  return null;
}

export function referenceMatch(model: Pick<GroupModel, 'types' | 'converters'>, exporter: ExporterSpec, importer: ImporterSpec): MatchResult {
  // vfio tears mappings down through move_notify on revoke, so it refuses pinning importers.
  if (exporter.revocable && !importer.dynamic) return { ok: false, reason: REVOCABLE_NEEDS_DYNAMIC };
  const known = (t: MappingType): boolean => model.types.includes(t);
  for (const x of exporter.offers) {
    if (!known(x)) continue;
    if (importer.accepts.includes(x) && isP2pAcceptable(exporter, importer, x, x)) {
      return { ok: true, exporterType: x, importerType: x, converter: null };
    }
    for (const y of importer.accepts) {
      const converter = known(y) ? findConverter(model.converters, x, y) : null;
      if (converter && isP2pAcceptable(exporter, importer, x, y)) {
        return { ok: true, exporterType: x, importerType: y, converter };
      }
    }
  }
  return { ok: false, reason: NO_COMMON_TYPE };
}

export function sameMatch(a: MatchResult | null, b: MatchResult | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.ok && b.ok) return a.exporterType === b.exporterType && a.importerType === b.importerType && a.converter === b.converter;
  if (!a.ok && !b.ok) return a.reason === b.reason;
  return false;
}

export function describeMatch(m: MatchResult): string {
  if (!m.ok) return `failed: ${m.reason}`;
  return m.converter ? `${m.importerType} (${m.exporterType}→${m.importerType} converter)` : m.importerType;
}
