import type { PatchSeries } from './types.js';

/**
 * The version `b4 am` applies from a thread: the highest, and when it is a partial reroll (it re-posted only the
 * patches that changed), completed with the earlier version's patches that stand in for the others, so the
 * version can be applied whole. Undefined when there is no series.
 */
export function latestVersion(all: readonly PatchSeries[]): PatchSeries | undefined {
  const newest = all.reduce<PatchSeries | undefined>((best, s) => (!best || s.version > best.version ? s : best), undefined);
  const reroll = newest?.partialReroll;
  if (!newest || !reroll) return newest;
  const ids = new Set(reroll.standIns.map((s) => s.messageId));
  const earlier = all.find((s) => s.version === reroll.from && s.patches.some((p) => ids.has(p.messageId)));
  if (!earlier) return newest;
  return {
    ...newest,
    cover: newest.cover ?? earlier.cover,
    coverTrailers: newest.cover ? newest.coverTrailers : earlier.coverTrailers,
    patches: [...newest.patches, ...earlier.patches.filter((p) => ids.has(p.messageId))].sort((a, b) => a.index - b.index),
  };
}
