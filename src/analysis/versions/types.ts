import type { Trailer } from '../../series/index.js';

/** One patch of one version, as a range-diff names it. */
export interface RangeDiffPatchRef {
  /** 1-based position in its version. */
  index: number;
  subject: string;
  messageId: string;
  /** Stand-in for the commit id git range-diff prints. */
  shortHash: string;
}

/** Review trailers across a pair: what v(n) had (own or given in replies) against what v(n+1) carries. */
export interface TrailerDelta {
  /** Trailers of the old patch (own or from replies) the new patch carries. */
  carried: Trailer[];
  /** Trailers of the old patch (own or from replies) the new patch does not carry. */
  lost: Trailer[];
  /** Trailers of the new patch the old one did not have. */
  added: Trailer[];
}

/** git range-diff's `=`: same patch text, message included. */
export interface SamePair {
  kind: 'same';
  old: RangeDiffPatchRef;
  new: RangeDiffPatchRef;
  /** True when the pair sits elsewhere relative to the other pairs (not on the longest in-order run). */
  moved: boolean;
  trailers: TrailerDelta;
}

/** git range-diff's `!`: paired, but the patch text differs. */
export interface ChangedPair {
  kind: 'changed';
  old: RangeDiffPatchRef;
  new: RangeDiffPatchRef;
  moved: boolean;
  /** Lines of the diff between the two patch texts (git's `@@`/`-`/`+`/` ` lines, without the four-space indent). */
  patchDiff: string[];
  /** Lines of the diff between the two commit messages alone (empty when they are equal). */
  messageDiff: string[];
  /** The pairing cost (lines of the diff of the diffs); 0 for patches whose diffs are identical. */
  cost: number;
  trailers: TrailerDelta;
}

/** git range-diff's `<`: only in the old version. */
export interface DroppedPatch {
  kind: 'dropped';
  old: RangeDiffPatchRef;
}

/** git range-diff's `>`: only in the new version. */
export interface AddedPatch {
  kind: 'added';
  new: RangeDiffPatchRef;
}

export type RangeDiffEntry = SamePair | ChangedPair | DroppedPatch | AddedPatch;

export interface RangeDiffSide {
  id: string;
  version: number;
  total: number;
}

export interface RangeDiff {
  old: RangeDiffSide;
  new: RangeDiffSide;
  /** Percent, as `git range-diff --creation-factor`. */
  creationFactor: number;
  /** In git range-diff's output order. */
  entries: RangeDiffEntry[];
}
