/**
 * The executable reference model of DMA-buf mapping types: its data. Plain objects only, so a state
 * can be hashed, diffed and printed; behaviour lives in core.ts, matching in match.ts.
 * Vocabulary follows the real series' own names and the seed thread: sgt, pal, iommu_domain,
 * move_notify, revoke.
 */

/** `legacy` is the pre-series map_dma_buf path; `iommu_domain` is importer-only in the agreed design. */
export type MappingType = 'legacy' | 'sgt' | 'pal' | 'iommu_domain';
export const MAPPING_TYPES: readonly MappingType[] = ['legacy', 'sgt', 'pal', 'iommu_domain'];

/**
 * Converters only the dma-buf core can run. `legacy-compat` is patch 02's compatibility matcher (an
 * unconverted exporter's map_dma_buf serves SGT importers); the other two are the seed's proposal.
 */
export type ConverterId = 'legacy-compat' | 'pal-to-sgt' | 'pal-to-iommu_domain';
export const CONVERTERS: Readonly<Record<ConverterId, { from: MappingType; to: MappingType }>> = {
  'legacy-compat': { from: 'legacy', to: 'sgt' },
  'pal-to-sgt': { from: 'pal', to: 'sgt' },
  'pal-to-iommu_domain': { from: 'pal', to: 'iommu_domain' },
};

/** One physical range of an exporter's backing store (the series' `{paddr, len}` vector). */
export interface PhysRange {
  phys: number;
  len: number;
}

export interface ExporterSpec {
  name: string;
  /**
   * The dma-bufs it exports, each a backing store of ranges in order (page-aligned; the loader checks).
   * Several shapes (one range, many ranges) let the explorer try both against each importer.
   */
  buffers: PhysRange[][];
  /** Types offered, in the exporter's preference order (its match_mapping entry array). */
  offers: MappingType[];
  /** Can move its backing (sends move_notify); a non-dynamic exporter's backing stays put. */
  dynamic: boolean;
  /** Can be revoked (vfio-pci): every mapping is torn down, map answers -ENODEV until restore. */
  revocable: boolean;
  /** Backing is MMIO (device memory): an SGT of it needs a P2P-capable importer. */
  mmio: boolean;
  /**
   * Its match_mapping callback asserts the buffer's reservation lock (dma_resv_assert_held). The
   * core's attach calls it without the lock, so this is a LOCKING violation (patch 12, Baolu Lu).
   * Absent = false.
   */
  matchAssertsLock?: boolean;
  /**
   * Its SGT unmap callback releases nothing its map acquired (an empty body, or no free/unmap call):
   * the DMA mapping it made for the importer stays. Derived from the posted code; absent = false.
   */
  unmapLeaks?: boolean;
}

export interface ImporterSpec {
  name: string;
  /** Types accepted, in the importer's preference order. */
  accepts: MappingType[];
  /** Provides move_notify (dma_buf_dynamic_attach); otherwise it pins the buffer while mapped. */
  dynamic: boolean;
  /** Its device may DMA to another device's MMIO (PCI P2P). */
  p2p: boolean;
  /** Most ranges one mapping may carry; 0 = no limit (iommufd before patch 24 took one). */
  maxRanges: number;
  /**
   * The importer's own lock its move_notify takes (iommufd: `pages->mutex`), under the exporter's
   * dma_resv. The lock order dma_resv → this lock is then fixed: a path that holds this lock and
   * takes dma_resv breaks LOCKING (lockdep's ABBA). Absent = move_notify takes no lock of its own.
   */
  notifyLock?: string;
}

/** Everything the model knows at one step of a landing sequence. */
export interface World {
  /** Types the core implements at this step. */
  types: MappingType[];
  converters: ConverterId[];
  exporters: ExporterSpec[];
  importers: ImporterSpec[];
}

/** A model delta: what a patch (or a planned change) does to the world. Interpreted by deltas.ts. */
export type Delta = DeltaChange & {
  /** Why, in a word; shown in reports. */
  note?: string;
};

export type DeltaChange =
  | { op: 'none'; why: string }
  | { op: 'add-type'; type: MappingType }
  | { op: 'remove-type'; type: MappingType }
  | { op: 'add-converter'; converter: ConverterId }
  | { op: 'remove-converter'; converter: ConverterId }
  | { op: 'add-exporter'; exporter: ExporterSpec }
  | { op: 'set-offers'; exporter: string; offers: MappingType[] }
  | { op: 'add-importer'; importer: ImporterSpec }
  | { op: 'set-accepts'; importer: string; accepts: MappingType[] }
  | { op: 'set-max-ranges'; importer: string; maxRanges: number }
  | { op: 'set-match-lock'; exporter: string; asserts: boolean }
  | { op: 'set-unmap-leaks'; exporter: string; leaks: boolean };

export type DeltaOp = Delta['op'];

/** The outcome of matching one exporter with one importer. */
export type MatchResult =
  | { ok: true; exporterType: MappingType; importerType: MappingType; converter: ConverterId | null }
  | { ok: false; reason: string };

export const NO_COMMON_TYPE = 'no common mapping type';

/** Device address range {iova | dma_addr, len} as the importer's device sees it. */
export interface Segment {
  iova: number;
  len: number;
}

/** One IOMMU page-table entry: IOVA [iova, iova+len) translates to phys [phys, phys+len). */
export interface DomainEntry {
  iova: number;
  len: number;
  phys: number;
}

/** An importer device's IOMMU domain (its default DMA domain, or iommufd's). `key` is its hash. */
export interface Domain {
  entries: readonly DomainEntry[];
  key: number;
}

/** What an importer holds after map. */
export interface Mapping {
  /** What the importer received: an sg_table (`sgt`/`legacy`), a PAL, or IOVAs in its domain. */
  handoff: MappingType;
  segments: readonly Segment[];
  /** The physical ranges the importer was handed; non-null only for a `pal` handoff. */
  physReceived: readonly PhysRange[] | null;
  /** Backing generation the mapping was made from (a move bumps it). */
  gen: number;
  /** Device-visible bytes at map time, as `phys+len,…` after coalescing. */
  bytes: string;
  key: number;
}

export type AttachStatus = 'detached' | 'attached' | 'failed';

export interface SlotState {
  status: AttachStatus;
  match: MatchResult | null;
  mapping: Mapping | null;
  /** Hash of status and match, computed once when the slot is made (core.ts makeSlot). */
  key: number;
}

/** The whole state of one buffer with its importers: slot i belongs to importer i of the group. */
export interface ModelState {
  /** Backing generation: 0 or 1, flipped by move. */
  gen: number;
  revoked: boolean;
  /** Name of the importer whose iommu_domain the exporter was handed, or null. */
  exporterSawDomain: string | null;
  slots: readonly SlotState[];
  domains: readonly Domain[];
  /** A DMA fault seen by `access` (an IOVA that no longer translates, or stale backing). */
  fault: string | null;
  /**
   * The exporter context's operation in progress: it has run (under the lock, when it takes it) and
   * not yet unlocked. Importer operations that need the lock wait until `unlock`.
   */
  pending: ExporterOp;
  /** The exporter context holds the buffer's reservation lock (dma_resv). */
  locked: boolean;
  /** The first locking error: an assertion that failed, a call that needs the lock made without it, a deadlock. */
  lockFault: string | null;
  /**
   * Lock-order edges seen so far, as lockdep records them: bit 2i, slot i's move_notify took its
   * importer's own lock under dma_resv; bit 2i+1, slot i's map took dma_resv under that lock.
   */
  lockOrder: number;
}

/** 0 none, then move, revoke, restore: the exporter context's operations (vfio_pci_dma_buf_move and the like). */
export type ExporterOp = 0 | 1 | 2 | 3;
export const EXPORTER_OP_NAMES = ['none', 'move', 'revoke', 'restore'] as const;

/** One buffer's exploration: an exporter, 1–3 importers attached to it, and the core's abilities. */
export interface GroupModel {
  exporter: ExporterSpec;
  /** Which of the exporter's buffers this exploration shares, and its ranges. */
  buffer: number;
  ranges: readonly PhysRange[];
  importers: readonly ImporterSpec[];
  types: readonly MappingType[];
  converters: readonly ConverterId[];
}

export type InvariantId = 'HIDE_PHYS' | 'HIDE_DOMAIN' | 'NO_REGRESSION' | 'CONVERT_EXACT' | 'LIFECYCLE' | 'NEGOTIATION' | 'LOCKING';
export const INVARIANT_IDS: readonly InvariantId[] = [
  'HIDE_PHYS',
  'HIDE_DOMAIN',
  'NO_REGRESSION',
  'CONVERT_EXACT',
  'LIFECYCLE',
  'NEGOTIATION',
  'LOCKING',
];

export interface Violation {
  invariant: InvariantId;
  message: string;
}

/** What the previous step's world gave one exporter/importer pair: device bytes per generation. */
export interface PairBaseline {
  bytes: readonly (string | null)[];
  /** `bytes` joined, for cache keys. */
  key: string;
}

export interface Action {
  label: string;
  enabled(state: ModelState): boolean;
  apply(state: ModelState): ModelState;
  /** enabled and apply in one call (the explorer's fast path): the next state, or null when disabled. */
  step(state: ModelState): ModelState | null;
}
