import type { PatchSeries } from './types.js';

/** When a series was posted: its cover's date, else its first patch's (ISO UTC; '' when undated). */
function postedAt(s: PatchSeries): string {
  return (s.cover ?? s.patches[0])?.date ?? '';
}

/** A posting numbered `N/M` (or with a cover), not a lone `[PATCH]` such as a bot's fix-up sent into the thread. */
function numbered(s: PatchSeries): boolean {
  return s.cover !== null || s.patches.some((p) => !p.subjectInfo.counterInferred);
}

/**
 * The same version posted twice: a numbered posting beats a lone `[PATCH]` in the thread (b4 lets an explicit
 * counter displace an inferred one), and between two of a kind (a resend with fixes, a reroll that kept its
 * number) the later posting wins.
 */
function postedAfter(a: PatchSeries, b: PatchSeries): boolean {
  if (numbered(a) !== numbered(b)) return numbered(a);
  return postedAt(a) > postedAt(b);
}

/**
 * The version `b4 am` applies from a thread: the highest (the newest posting of it when it was posted twice), and when it is a partial reroll (it re-posted only the
 * patches that changed), completed with the earlier version's patches that stand in for the others, so the
 * version can be applied whole. Undefined when there is no series.
 */
export function latestVersion(all: readonly PatchSeries[]): PatchSeries | undefined {
  const newest = all.reduce<PatchSeries | undefined>((best, s) => (!best || s.version > best.version || (s.version === best.version && postedAfter(s, best)) ? s : best), undefined);
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
