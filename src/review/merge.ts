import type { CommentTarget, Review, ReviewComment, ReviewTrailer } from './types.js';

/** What adding a review to the saved one did: every comment and trailer is counted once. */
export interface Merged {
  review: Review;
  /** Comments and trailers of `added` now in the review. */
  comments: number;
  trailers: number;
  /** Comments and trailers of `added` the saved review already had word for word (same patch, place and text): not doubled. */
  sameComments: number;
  sameTrailers: number;
}

const sameTarget = (a: CommentTarget, b: CommentTarget) => JSON.stringify(a) === JSON.stringify(b);
const sameComment = (a: ReviewComment, b: ReviewComment) => a.patch === b.patch && sameTarget(a.target, b.target) && a.text.trim() === b.text.trim();
const sameTrailer = (a: ReviewTrailer, b: ReviewTrailer) => a.patch === b.patch && a.key.toLowerCase() === b.key.toLowerCase() && a.value === b.value;

/**
 * `added` (a `--comments` file) on top of `saved` (the review state the TUI keeps): the saved
 * comments and trailers stay as they are and first; each added one follows unless the saved review
 * already has it word for word. Nothing is replaced, so neither side can lose a comment. Added
 * comments get ids after the saved ones (`tN`, as the TUI numbers them), so the TUI can edit them.
 */
export function mergeReview(saved: Review, added: Review): Merged {
  let next = saved.comments.reduce((n, c) => Math.max(n, Number(/^t(\d+)$/.exec(c.id)?.[1] ?? 0)), 0) + 1;
  const comments = [...saved.comments];
  let sameComments = 0;
  for (const c of added.comments) {
    if (comments.some((x) => sameComment(x, c))) { sameComments++; continue; }
    comments.push({ ...c, id: `t${next++}` });
  }
  const trailers = [...saved.trailers];
  let sameTrailers = 0;
  for (const t of added.trailers) {
    if (trailers.some((x) => sameTrailer(x, t))) { sameTrailers++; continue; }
    trailers.push(t);
  }
  return {
    review: { comments, trailers },
    comments: added.comments.length - sameComments, trailers: added.trailers.length - sameTrailers, sameComments, sameTrailers,
  };
}
