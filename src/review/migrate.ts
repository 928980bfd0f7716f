import type { Cover, Patch, PatchSeries } from '../series/index.js';
import { rangeDiff } from '../analysis/versions/index.js';
import { anchorText, findFile, locate, markerOf, messageText } from './locate.js';
import type { CommentTarget, Review, ReviewComment, ReviewTrailer } from './types.js';

/** What an older version's patch is called, kept in the state file so comments can move without that version at hand. */
export interface PatchRef {
  index: number;
  messageId: string;
  subject: string;
}

export interface Moved {
  review: Review;
  /** Comments placed in the newer version (possibly on another line number). */
  moved: number;
  /** Comments whose patch or line the newer version no longer has: kept, listed, never dropped. */
  unmatched: ReviewComment[];
  /** Trailers left behind: their patch changed (a review of v1 is not one of v2) or was dropped. */
  trailersLeft: ReviewTrailer[];
}

/**
 * Old patch index → new patch index. With the old version at hand, as git range-diff pairs them
 * (src/analysis/versions); without it, by identical subject (what the state file remembers).
 * Also whether the pair is the same patch text (then trailers carry over, as b4 carries them).
 */
export function pairPatches(oldRefs: readonly PatchRef[], oldSeries: PatchSeries | null, next: PatchSeries): Map<number, { index: number; same: boolean }> {
  const pairs = new Map<number, { index: number; same: boolean }>();
  if (oldSeries) {
    for (const e of rangeDiff(oldSeries, next).entries) {
      if (e.kind === 'same' || e.kind === 'changed') pairs.set(e.old.index, { index: e.new.index, same: e.kind === 'same' });
    }
  } else {
    const bySubject = new Map(next.patches.map((p) => [p.subject, p.index]));
    for (const r of oldRefs) {
      const n = bySubject.get(r.subject);
      if (n !== undefined) pairs.set(r.index, { index: n, same: false });
    }
  }
  if (next.cover) pairs.set(0, { index: 0, same: false });
  return pairs;
}

const HUNK_NUMBERS = /^@@ [^@]* @@/;

/** The candidate nearest the old line (or position) wins: a shifted hunk keeps its comments. */
function nearest<T>(cands: T[], pos: (c: T) => number, want: number): T | undefined {
  let best: T | undefined;
  for (const c of cands) if (best === undefined || Math.abs(pos(c) - want) < Math.abs(pos(best) - want)) best = c;
  return best;
}

/** The same anchor in the newer patch: the line with the same text nearest its old number, the hunk with the same section. */
export function moveTarget(m: Patch | Cover, target: CommentTarget, anchor: string | undefined): CommentTarget | null {
  if (target.kind === 'patch') return target;
  if (anchor === undefined) return null;
  if (target.kind === 'message') {
    const lines = messageText(m).split('\n');
    const hit = nearest(lines.map((t, i) => ({ t, i })).filter((x) => x.t === anchor), (x) => x.i + 1, target.line);
    return hit ? { kind: 'message', line: hit.i + 1 } : null;
  }
  if (!('files' in m)) return null;
  const fi = findFile(m, target.file);
  const f = m.files[fi];
  if (!f) return null;
  if (target.kind === 'hunk') {
    const section = anchor.replace(HUNK_NUMBERS, '');
    const hit = nearest(f.hunks.map((h, i) => ({ h, i })).filter((x) => x.h.header.replace(HUNK_NUMBERS, '') === section), (x) => x.i + 1, target.hunk);
    return hit ? { kind: 'hunk', file: f.path, hunk: hit.i + 1 } : null;
  }
  const side = target.side;
  const cands = f.hunks.flatMap((h) => h.lines)
    .filter((l) => markerOf(l) + l.text === anchor)
    .map((l) => (side === 'new' ? l.newLine : l.oldLine))
    .filter((n): n is number => n !== null);
  const hit = nearest(cands, (n) => n, target.line);
  return hit === undefined ? null : { kind: 'line', file: f.path, line: hit, side };
}

/** The review of an older version, moved onto `next`. */
export function moveReview(review: Review, oldRefs: readonly PatchRef[], oldSeries: PatchSeries | null, next: PatchSeries): Moved {
  const pairs = pairPatches(oldRefs, oldSeries, next);
  const at = (i: number): Patch | Cover | undefined => (i === 0 ? next.cover ?? undefined : next.patches.find((p) => p.index === i));
  const comments: ReviewComment[] = [];
  const unmatched: ReviewComment[] = [];
  for (const c of review.comments) {
    const pair = pairs.get(c.patch);
    const m = pair ? at(pair.index) : undefined;
    const target = m ? moveTarget(m, c.target, c.anchor) : null;
    if (!m || !pair || !target || !locate(m, target).ok) {
      unmatched.push(c);
      continue;
    }
    const r = locate(m, target);
    comments.push({ ...c, patch: pair.index, target, anchor: r.ok ? anchorText(m, r.at) ?? c.anchor : c.anchor });
  }
  // A trailer stays only where the patch text is the same (range-diff's `=`, as b4 carries them); a
  // series-wide one only when every patch is.
  const sameIndices = new Set([...pairs.values()].filter((v) => v.same).map((v) => v.index));
  const allSame = next.patches.length > 0 && next.patches.every((p) => sameIndices.has(p.index));
  const trailers: ReviewTrailer[] = [];
  const trailersLeft: ReviewTrailer[] = [];
  for (const t of review.trailers) {
    const pair = pairs.get(t.patch);
    if (pair && (t.patch === 0 ? allSame : pair.same)) trailers.push({ ...t, patch: pair.index });
    else trailersLeft.push(t);
  }
  return { review: { comments, trailers }, moved: comments.length, unmatched, trailersLeft };
}

/** Each comment with the text of its line set, so it can move to a later version. */
export function withAnchors(series: PatchSeries, review: Review): Review {
  const comments = review.comments.map((c) => {
    const m = c.patch === 0 ? series.cover : series.patches.find((p) => p.index === c.patch);
    const r = m ? locate(m, c.target) : null;
    const anchor = m && r?.ok ? anchorText(m, r.at) : undefined;
    return anchor === undefined ? c : { ...c, anchor };
  });
  return { ...review, comments };
}
