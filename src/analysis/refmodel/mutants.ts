/**
 * Broken cores, each differing from the reference in one part. They exist to prove the checker can
 * fail: test/refmodel-mutants.test.ts asserts that each is caught, by which invariant, and how short
 * the counterexample is.
 */
import { convertPalToSgt } from './convert.js';
import { makeDomain, unmapSegments } from './iommu.js';
import { REFERENCE_LOCKING, REFERENCE_STRATEGY, type ModelStrategy } from './strategy.js';
import type { ExporterSpec, GroupModel, ImporterSpec, MatchResult, PhysRange } from './types.js';

function mutant(name: string, change: Partial<ModelStrategy>): ModelStrategy {
  return { ...REFERENCE_STRATEGY, ...change, name };
}

/** PAL→SGT that loses the last range of a multi-range list. */
export const DROPS_LAST_RANGE = mutant('pal-to-sgt drops the last range', {
  convertPalToSgt: (domain, ranges) => convertPalToSgt(domain, ranges.length > 1 ? ranges.slice(0, -1) : ranges),
});

/** PAL→SGT that merges the first two ranges even when they are not adjacent (maps the gap too). */
export const MERGES_NON_ADJACENT = mutant('pal-to-sgt merges non-adjacent ranges', {
  convertPalToSgt: (domain, ranges) => {
    const [a, b, ...rest] = ranges;
    if (!a || !b) return convertPalToSgt(domain, ranges);
    const merged: PhysRange = { phys: a.phys, len: b.phys + b.len - a.phys };
    return convertPalToSgt(domain, [merged, ...rest]);
  },
});

/** A core that passes the exporter's PAL straight to the importer instead of converting it. */
export const HANDS_PAL_TO_IMPORTER = mutant('core hands PAL to the importer', {
  handoffFor: (m) => (m.exporterType === 'pal' ? 'pal' : m.importerType),
});

/** move_notify that skips the last of two or more dynamic importers. */
export const MOVE_NOTIFY_SKIPS_ONE = mutant('move_notify skips one importer', {
  moveNotifyTargets: (state, model) => {
    const all = REFERENCE_STRATEGY.moveNotifyTargets(state, model);
    return all.length > 1 ? all.slice(0, -1) : all;
  },
});

/** revoke that marks the exporter revoked but tears no mapping down. */
export const REVOKE_KEEPS_MAPPING = mutant('revoke leaves mappings live', {
  revokeTargets: () => [],
});

/** unmap that releases all but the last IOVA range map took. */
export const UNMAP_LEAKS_IOVA = mutant('unmap leaks an IOVA range', {
  unmap: (domain, mapping) => {
    const released = unmapSegments(domain, mapping.segments);
    const last = mapping.segments[mapping.segments.length - 1]!;
    const leaked = domain.entries.filter((e) => e.iova <= last.iova && last.iova < e.iova + e.len);
    return makeDomain([...released.entries, ...leaked]);
  },
});

/** A matcher that takes the exporter's first known type whatever the importer accepts. */
export const MATCH_IGNORES_IMPORTER = mutant('match ignores the importer', {
  match: (model: GroupModel, exporter: ExporterSpec, importer: ImporterSpec): MatchResult => {
    const first = exporter.offers.find((t) => model.types.includes(t));
    if (!first) return REFERENCE_STRATEGY.match(model, exporter, importer);
    return { ok: true, exporterType: first, importerType: first, converter: null };
  },
});

/** A core whose importer map and unmap skip the reservation lock (dma_buf_map_attachment asserts it). */
export const IMPORTER_SKIPS_LOCK = mutant('importer map/unmap without the dma_resv lock', {
  locking: { ...REFERENCE_LOCKING, importerTakesLock: false },
});

/** An exporter that moves or revokes and sends move_notify without taking the lock. */
export const EXPORTER_SKIPS_LOCK = mutant('move/revoke without the dma_resv lock', {
  locking: { ...REFERENCE_LOCKING, exporterTakesLock: false },
});

/** Importers whose move_notify takes the reservation lock that its caller, the exporter, already holds. */
export const NOTIFY_RELOCKS = mutant('move_notify takes the dma_resv lock again', {
  locking: { ...REFERENCE_LOCKING, notifyRelocks: true },
});

/** iommufd's map holding its own lock (pages->mutex) while it takes dma_resv: its move_notify takes them the other way round. */
export const IMPORTER_LOCK_INVERTED = mutant('importer map takes its own lock before dma_resv', {
  locking: { ...REFERENCE_LOCKING, importerOwnLockFirst: true },
});

/** The posted core, with attach holding the lock around match: the other fix of patch 12 (shows the check reads the strategy). */
export const ATTACH_LOCKS_MATCH = mutant('attach holds the dma_resv lock around match', {
  locking: { ...REFERENCE_LOCKING, attachLocksMatch: true },
});

export const MUTANTS: readonly ModelStrategy[] = [
  DROPS_LAST_RANGE,
  MERGES_NON_ADJACENT,
  HANDS_PAL_TO_IMPORTER,
  MOVE_NOTIFY_SKIPS_ONE,
  REVOKE_KEEPS_MAPPING,
  UNMAP_LEAKS_IOVA,
  MATCH_IGNORES_IMPORTER,
  IMPORTER_SKIPS_LOCK,
  EXPORTER_SKIPS_LOCK,
  NOTIFY_RELOCKS,
  IMPORTER_LOCK_INVERTED,
];
