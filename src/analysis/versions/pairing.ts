import { structuredPatch } from 'diff';
import { solveAssignment } from './assignment.js';
import type { RangeDiffPatchText } from './patch-text.js';

/** git linear-assignment.h COST_MAX: the cost of a forbidden cell. */
const COST_MAX = 1 << 16;

/** Lines git's xdiff would emit for the diff of a and b with 3 lines of context, plus one per hunk (git range-diff.c `diffsize`). */
export function diffSize(a: readonly string[], b: readonly string[]): number {
  const patch = structuredPatch('a', 'b', `${a.join('\n')}\n`, `${b.join('\n')}\n`, '', '', { context: 3 });
  return patch.hunks.reduce((n, h) => n + 1 + h.lines.length, 0);
}

/** Patches whose diff part is identical pair at once, first come first served (git `find_exact_matches`). */
function exactMatches(olds: readonly RangeDiffPatchText[], news: readonly RangeDiffPatchText[]): Map<number, number> {
  const byDiff = new Map<string, number[]>();
  olds.forEach((p, i) => {
    const key = p.diff.join('\n');
    byDiff.set(key, [...(byDiff.get(key) ?? []), i]);
  });
  const matches = new Map<number, number>();
  news.forEach((p, j) => {
    const waiting = byDiff.get(p.diff.join('\n'));
    const i = waiting?.shift();
    if (i !== undefined) matches.set(i, j);
  });
  return matches;
}

/**
 * Pairs old patches with new ones as git range-diff does (range-diff.c `get_correspondences`): a
 * square cost matrix of size old+new; cell (i, j) is the size of the diff between the two diffs;
 * leaving a patch unpaired costs its own diff size times the creation factor. The optimal
 * assignment decides. Returns old index → new index for the pairs.
 */
export function pairPatches(olds: readonly RangeDiffPatchText[], news: readonly RangeDiffPatchText[], creationFactor: number): Map<number, number> {
  const exact = exactMatches(olds, news);
  const exactNew = new Set(exact.values());
  const n = olds.length + news.length;
  const cost = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < olds.length; i++) {
    for (let j = 0; j < news.length; j++) {
      const paired = exact.get(i);
      cost[i]![j] = paired === j ? 0 : paired !== undefined || exactNew.has(j) ? COST_MAX : diffSize(olds[i]!.diff, news[j]!.diff);
    }
    const drop = exact.has(i) ? COST_MAX : Math.floor((olds[i]!.diffSize * creationFactor) / 100);
    for (let j = news.length; j < n; j++) cost[i]![j] = drop;
  }
  for (let j = 0; j < news.length; j++) {
    const create = exactNew.has(j) ? COST_MAX : Math.floor((news[j]!.diffSize * creationFactor) / 100);
    for (let i = olds.length; i < n; i++) cost[i]![j] = create;
  }
  const rowToColumn = solveAssignment(cost);
  const pairs = new Map<number, number>();
  rowToColumn.forEach((j, i) => {
    if (i < olds.length && j < news.length) pairs.set(i, j);
  });
  return pairs;
}

/** Indices (into `seq`) of one longest strictly increasing subsequence: the pairs that kept their order. */
export function longestIncreasingRun(seq: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(seq.length).fill(-1);
  for (let k = 0; k < seq.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < seq[k]!) lo = mid + 1; else hi = mid;
    }
    prev[k] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = k;
  }
  const keep = new Set<number>();
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) keep.add(k);
  return keep;
}
