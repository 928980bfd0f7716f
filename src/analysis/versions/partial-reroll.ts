import type { PatchSeries } from '../../series/index.js';

/**
 * A partial reroll: vN re-posts only the patches that changed, each as a reply to the same
 * patch of vN-1 (b4 `LoreMailbox.partial_reroll`). The missing patches of vN are taken from
 * vN-1, so the version can be applied whole. b4 also checks that each re-posted patch answers
 * the patch with the same counter; the series contract does not keep a patch's parent, so here
 * the conditions are: versions N-1 and N, same total, and every gap of vN filled by vN-1.
 */
export function reconstitutePartialReroll(newer: PatchSeries, older: PatchSeries | undefined): PatchSeries {
  if (!older || older.version !== newer.version - 1 || older.total !== newer.total) return newer;
  // Gaps are computed here rather than read from `missing`, which a thread without a vN cover may leave empty.
  const present = new Set(newer.patches.map((p) => p.index));
  const gaps = Array.from({ length: newer.total }, (_, i) => i + 1).filter((i) => !present.has(i));
  const fill = older.patches.filter((p) => gaps.includes(p.index));
  if (!gaps.length || fill.length !== gaps.length) return newer;
  return {
    ...newer,
    cover: newer.cover ?? older.cover,
    patches: [...newer.patches, ...fill].sort((a, b) => a.index - b.index),
    missing: [],
  };
}

/** The version `b4 am` would pick from a thread: the highest, completed from the one before if partially rerolled. */
export function latestVersion(series: readonly PatchSeries[]): PatchSeries | undefined {
  const sorted = [...series].sort((a, b) => b.version - a.version);
  const newest = sorted[0];
  if (!newest) return undefined;
  return reconstitutePartialReroll(newest, sorted.find((s) => s.version === newest.version - 1));
}

/** The series of version `version` (the latest, completed as above, when not given); undefined when absent. */
export function pickVersion(series: readonly PatchSeries[], version?: number): PatchSeries | undefined {
  if (version === undefined) return latestVersion(series);
  return series.find((s) => s.version === version);
}
