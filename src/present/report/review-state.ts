import type { Patch, PatchSeries, Reply, Trailer, TrailerOrigin } from '../../series/index.js';
import { addedTrailers, ownTrailers } from '../../series/index.js';
import { REVIEW_TRAILER_KEYS } from '../../review/index.js';

/**
 * Who has looked at which patch: the review trailers each patch carries (its own, or given in
 * replies under b4's rules), the replies it got without one, and the patches nobody answered.
 */
export const REVIEW_KEYS = REVIEW_TRAILER_KEYS;
export type ReviewKey = (typeof REVIEW_KEYS)[number];

export interface Endorsement {
  key: ReviewKey;
  /** The trailer's value, `Name <mail>`. */
  who: string;
  origin: TrailerOrigin;
  /** Message-ID of the message the trailer was written in. */
  messageId: string;
}

interface PatchRef {
  index: number;
  subject: string;
  messageId: string;
}

/** A review trailer is present (from the patch or a reply). */
export interface EndorsedPatch extends PatchRef {
  kind: 'endorsed';
  endorsements: Endorsement[];
  replies: number;
  repliers: string[];
}

/** Replies, but none with a review trailer. */
export interface DiscussedPatch extends PatchRef {
  kind: 'discussed';
  replies: number;
  repliers: string[];
  /** Review trailers in replies that b4 would not apply (given for someone other than the sender). */
  unattributed: Endorsement[];
}

/** No reply and no review trailer. */
export interface SilentPatch extends PatchRef {
  kind: 'silent';
}

export type PatchReviewState = EndorsedPatch | DiscussedPatch | SilentPatch;

export interface ReviewState {
  patches: PatchReviewState[];
  /** Review trailers given on the cover letter: for the whole series (b4 applies them with `-t`). */
  coverEndorsements: Endorsement[];
  counts: { endorsed: number; discussed: number; silent: number };
}

export function isReviewKey(key: string): boolean {
  return reviewKey(key) !== null;
}

function reviewKey(key: string): ReviewKey | null {
  return REVIEW_KEYS.find((k) => k.toLowerCase() === key.toLowerCase()) ?? null;
}

function toEndorsements(trailers: readonly Trailer[]): Endorsement[] {
  return trailers.flatMap((t) => {
    const key = reviewKey(t.key);
    return key ? [{ key, who: t.value, origin: t.origin, messageId: t.from }] : [];
  });
}

function replierNames(replies: readonly Reply[]): string[] {
  const names: string[] = [];
  for (const r of replies) {
    const name = r.author ? r.author.name || r.author.email : '(unknown sender)';
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

export function reviewStateOfPatch(patch: Patch): PatchReviewState {
  const ref = { index: patch.index, subject: patch.subject, messageId: patch.messageId };
  const endorsements = [...toEndorsements(ownTrailers(patch)), ...toEndorsements(addedTrailers(patch))];
  const repliers = replierNames(patch.replies);
  if (endorsements.length) return { kind: 'endorsed', ...ref, endorsements, replies: patch.replies.length, repliers };
  if (!patch.replies.length) return { kind: 'silent', ...ref };
  const mismatched = patch.replies.flatMap((r) => r.ignoredTrailers ?? []).filter((i) => i.reason === 'sender-mismatch');
  const unattributed = toEndorsements(mismatched.map((i) => i.trailer));
  return { kind: 'discussed', ...ref, replies: patch.replies.length, repliers, unattributed };
}

export function computeReviewState(series: PatchSeries): ReviewState {
  const patches = series.patches.map(reviewStateOfPatch);
  const count = (kind: PatchReviewState['kind']) => patches.filter((p) => p.kind === kind).length;
  return {
    patches,
    coverEndorsements: toEndorsements(series.coverTrailers ?? []),
    counts: { endorsed: count('endorsed'), discussed: count('discussed'), silent: count('silent') },
  };
}
