import { structuredPatch } from 'diff';
import type { Patch, PatchSeries, Trailer } from '../../series/index.js';
import { isSameTrailer, ownTrailers } from '../../series/index.js';
import { longestIncreasingRun, pairPatches } from './pairing.js';
import { toRangeDiffText, type RangeDiffPatchText } from './patch-text.js';
import type { RangeDiff, RangeDiffEntry, RangeDiffPatchRef, TrailerDelta } from './types.js';

export interface RangeDiffOptions {
  /** Percent; git's default is 60. Higher pairs more loosely, lower reports more patches as dropped/added. */
  creationFactor?: number;
}

export const DEFAULT_CREATION_FACTOR = 60;

interface Side {
  series: PatchSeries;
  texts: RangeDiffPatchText[];
}

function ref(patch: Patch, text: RangeDiffPatchText): RangeDiffPatchRef {
  return { index: patch.index, subject: patch.subject, messageId: patch.messageId, shortHash: text.shortHash };
}

/** Nearest section title at or above `line` (`## file ##`, `## Commit message ##`), for a hunk header. */
function sectionAt(lines: readonly string[], line: number): string {
  for (let k = Math.min(line, lines.length - 1); k >= 0; k--) {
    const m = /^ ?## (.*) ##$/.exec(lines[k]!);
    if (m) return m[1]!;
  }
  return '';
}

/** A diff of two line lists as `@@ section` headers followed by ` `/`-`/`+` lines. */
export function diffLines(a: readonly string[], b: readonly string[]): string[] {
  const patch = structuredPatch('a', 'b', `${a.join('\n')}\n`, `${b.join('\n')}\n`, '', '', { context: 3 });
  return patch.hunks.flatMap((h) => {
    const section = sectionAt(a, h.oldStart - 1);
    return [section ? `@@ ${section}` : '@@', ...h.lines.filter((l) => !l.startsWith('\\'))];
  });
}

/** What became of the old patch's trailers (its own and those reviewers gave, as the series model holds them). */
function trailerDelta(oldPatch: Patch, newPatch: Patch): TrailerDelta {
  const before: Trailer[] = oldPatch.trailers;
  const after = ownTrailers(newPatch);
  const has = (list: readonly Trailer[], t: Trailer) => list.some((x) => isSameTrailer(x, t));
  return {
    carried: before.filter((t) => has(after, t)),
    lost: before.filter((t) => !has(after, t)),
    added: after.filter((t) => !has(before, t)),
  };
}

function pairEntry(olds: Side, news: Side, i: number, j: number, moved: boolean): RangeDiffEntry {
  const [op, np] = [olds.series.patches[i]!, news.series.patches[j]!];
  const [ot, nt] = [olds.texts[i]!, news.texts[j]!];
  const base = { old: ref(op, ot), new: ref(np, nt), moved, trailers: trailerDelta(op, np) };
  const oldFull = [...ot.header, ...ot.diff];
  const newFull = [...nt.header, ...nt.diff];
  if (oldFull.join('\n') === newFull.join('\n')) return { kind: 'same', ...base };
  const messageDiff = diffLines(op.commitMessage.split('\n'), np.commitMessage.split('\n'));
  const cost = ot.diff.join('\n') === nt.diff.join('\n') ? 0 : diffLines(ot.diff, nt.diff).length;
  return { kind: 'changed', ...base, patchDiff: diffLines(oldFull, newFull), messageDiff, cost };
}

/** Pairs in new-version order with a flag for those that left the longest in-order run. */
function movedFlags(pairs: Map<number, number>, newCount: number): Map<number, boolean> {
  const byNew: number[] = [];
  const newToOld = new Map<number, number>();
  for (const [i, j] of pairs) newToOld.set(j, i);
  for (let j = 0; j < newCount; j++) if (newToOld.has(j)) byNew.push(j);
  const keep = longestIncreasingRun(byNew.map((j) => newToOld.get(j)!));
  return new Map(byNew.map((j, k) => [j, !keep.has(k)]));
}

/** git range-diff.c `output`: walk the new version, showing unpaired old patches as soon as their predecessors were shown. */
function orderEntries(olds: Side, news: Side, pairs: Map<number, number>): RangeDiffEntry[] {
  const newToOld = new Map<number, number>();
  for (const [i, j] of pairs) newToOld.set(j, i);
  const moved = movedFlags(pairs, news.texts.length);
  const shown = new Set<number>();
  const out: RangeDiffEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < olds.texts.length || j < news.texts.length) {
    while (i < olds.texts.length && shown.has(i)) i++;
    if (i < olds.texts.length && !pairs.has(i)) {
      out.push({ kind: 'dropped', old: ref(olds.series.patches[i]!, olds.texts[i]!) });
      i++;
      continue;
    }
    for (; j < news.texts.length && !newToOld.has(j); j++) out.push({ kind: 'added', new: ref(news.series.patches[j]!, news.texts[j]!) });
    if (j < news.texts.length) {
      const oi = newToOld.get(j)!;
      out.push(pairEntry(olds, news, oi, j, moved.get(j) ?? false));
      shown.add(oi);
      j++;
    }
  }
  return out;
}

/** Compares two versions of a series patch by patch, as `git range-diff old-range new-range` does. */
export function rangeDiff(oldSeries: PatchSeries, newSeries: PatchSeries, opts: RangeDiffOptions = {}): RangeDiff {
  const creationFactor = opts.creationFactor ?? DEFAULT_CREATION_FACTOR;
  const olds: Side = { series: oldSeries, texts: oldSeries.patches.map(toRangeDiffText) };
  const news: Side = { series: newSeries, texts: newSeries.patches.map(toRangeDiffText) };
  const pairs = pairPatches(olds.texts, news.texts, creationFactor);
  const side = (s: PatchSeries) => ({ id: s.id, version: s.version, total: s.total });
  return { old: side(oldSeries), new: side(newSeries), creationFactor, entries: orderEntries(olds, news, pairs) };
}
