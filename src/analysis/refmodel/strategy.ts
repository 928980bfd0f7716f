/**
 * The replaceable parts of the core. The reference model uses `REFERENCE_STRATEGY`; mutants (mutants.ts)
 * swap one part each, so the tests can show that the invariants catch the bug it plants.
 */
import { convertPalToIommuDomain, convertPalToSgt, type Converted } from './convert.js';
import { unmapSegments } from './iommu.js';
import { referenceMatch } from './match.js';
import type { Domain, ExporterSpec, GroupModel, ImporterSpec, MappingType, MatchResult, Mapping, ModelState, PhysRange } from './types.js';

/**
 * Who takes the buffer's reservation lock (dma_resv), as the dma-buf core requires: map/unmap and
 * attach/detach of importers take it (or their caller holds it), the exporter holds it while it
 * moves or revokes and sends move_notify. Mutants flip one of these.
 */
export interface LockDiscipline {
  /** The core's attach holds the lock while it calls the exporter's match (the posted core does not). */
  readonly attachLocksMatch: boolean;
  /** Importer map and unmap run under the lock. */
  readonly importerTakesLock: boolean;
  /** The exporter's move, revoke and restore run under the lock (dma_buf_move_notify asserts it). */
  readonly exporterTakesLock: boolean;
  /** An importer's move_notify takes the lock itself: its caller already holds it (self-deadlock). */
  readonly notifyRelocks: boolean;
  /** An importer with its own lock (ImporterSpec.notifyLock) maps holding it and then takes dma_resv. */
  readonly importerOwnLockFirst: boolean;
}

export const REFERENCE_LOCKING: LockDiscipline = {
  attachLocksMatch: false,
  importerTakesLock: true,
  exporterTakesLock: true,
  notifyRelocks: false,
  importerOwnLockFirst: false,
};

export interface ModelStrategy {
  readonly name: string;
  readonly locking: LockDiscipline;
  match(model: GroupModel, exporter: ExporterSpec, importer: ImporterSpec): MatchResult;
  convertPalToSgt(domain: Domain, ranges: readonly PhysRange[]): Converted;
  convertPalToIommuDomain(domain: Domain, ranges: readonly PhysRange[]): Converted | null;
  /** What the importer is handed for a successful match. */
  handoffFor(match: Extract<MatchResult, { ok: true }>): MappingType;
  /** Slots that get move_notify before the backing moves. */
  moveNotifyTargets(state: ModelState, model: GroupModel): number[];
  /** Slots whose mappings revoke tears down. */
  revokeTargets(state: ModelState, model: GroupModel): number[];
  /**
   * Release what map took from the importer's domain. May read the domain's entries and the
   * mapping's handoff, gen and segments only: the explorer memoises it by their keys (core.ts unmapSlot).
   */
  unmap(domain: Domain, mapping: Mapping): Domain;
}

/** Every attached dynamic importer is told, mapped or not (dma_buf_move_notify walks all attachments). */
function dynamicAttached(state: ModelState, model: GroupModel): number[] {
  const out: number[] = [];
  state.slots.forEach((s, i) => {
    if (s.status === 'attached' && model.importers[i]!.dynamic) out.push(i);
  });
  return out;
}

export const REFERENCE_STRATEGY: ModelStrategy = {
  name: 'reference',
  locking: REFERENCE_LOCKING,
  match: (model, e, i) => referenceMatch(model, e, i),
  convertPalToSgt,
  convertPalToIommuDomain,
  handoffFor: (m) => m.importerType,
  moveNotifyTargets: dynamicAttached,
  revokeTargets: dynamicAttached,
  unmap: (domain, mapping) => unmapSegments(domain, mapping.segments),
};
