import type { Person } from '../series/index.js';

/** Which file a line number counts in: the file after the patch (`new`, + and context lines) or before it (`old`, - lines). */
export type Side = 'new' | 'old';

/** Where a comment sits in its patch. */
export type CommentTarget =
  /** A line of a diff, counted in the file as the hunk headers count it. */
  | { kind: 'line'; file: string; line: number; side: Side }
  /** A whole hunk: the 1-based hunk of that file. */
  | { kind: 'hunk'; file: string; hunk: number }
  /** A line of the commit message (of the cover's body for patch 0), 1-based. */
  | { kind: 'message'; line: number }
  /** The patch as a whole (on the cover: a summary of the review). */
  | { kind: 'patch' };

export interface ReviewComment {
  /** Stable within a review, so the TUI can edit and delete one. */
  id: string;
  /** 1-based patch; 0 is the cover. */
  patch: number;
  target: CommentTarget;
  text: string;
  /**
   * The text of the line (or the hunk header) when the comment was written: how the comment finds its
   * line again in a newer version of the series.
   */
  anchor?: string;
}

export const REVIEW_TRAILER_KEYS = ['Reviewed-by', 'Acked-by', 'Tested-by'] as const;
export type ReviewTrailerKey = (typeof REVIEW_TRAILER_KEYS)[number];

/** A trailer the reviewer gives; patch 0 gives it to the whole series (a reply to the cover). */
export interface ReviewTrailer {
  patch: number;
  key: string;
  /** `Name <addr>`. */
  value: string;
}

/** What the reviewer wrote about one series version: comments and trailers, nothing derived. */
export interface Review {
  comments: ReviewComment[];
  trailers: ReviewTrailer[];
}

export const EMPTY_REVIEW: Review = { comments: [], trailers: [] };

/** Who writes the replies. */
export type Identity = Person;
