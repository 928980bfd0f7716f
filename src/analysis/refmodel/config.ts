/** Fixed numbers of the model. Changing one changes traces, so tests read them from here. */

/** IOMMU page size: IOVAs are allocated and mapped in whole pages. */
export const PAGE_SIZE = 4096;

/** First IOVA an importer domain hands out (any non-zero page works; 0 stays unmapped as in Linux). */
export const IOVA_BASE = 0x100000;

/** A move relocates the backing by this much; generation 0 ↔ 1 keeps the state space finite. */
export const MOVE_DISTANCE = 0x40000000;

/** Default exploration depth: deep enough for attach+map of three importers, or two and a move. */
export const DEFAULT_DEPTH = 6;

/** Largest group of importers explored on one buffer (pairs are always explored). */
export const DEFAULT_MAX_GROUP = 3;
