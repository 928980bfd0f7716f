// Adding a --comments file to the saved review: nothing saved is replaced or reordered, a comment or
// trailer the saved review has word for word is counted once, new comments get the TUI's next ids.
import { describe, it, expect } from 'vitest';
import { mergeReview } from './merge.js';
import type { ReviewComment } from './types.js';

const line = (patch: number, n: number, text: string, id = 'c1'): ReviewComment => ({ id, patch, target: { kind: 'line', file: 'a.c', line: n, side: 'new' }, text });

describe('mergeReview', () => {
  it('keeps the saved review first and whole, adds the rest, counts what was already there', () => {
    const saved = { comments: [line(1, 10, 'kept', 't7'), line(2, 3, 'also kept', 't2')], trailers: [{ patch: 1, key: 'Reviewed-by', value: 'R <r@x>' }] };
    const file = {
      comments: [line(1, 10, 'kept  \n'), line(1, 10, 'same line, other text'), line(1, 11, 'kept'), line(3, 1, 'new'), line(3, 1, 'new')],
      trailers: [{ patch: 1, key: 'reviewed-by', value: 'R <r@x>' }, { patch: 0, key: 'Acked-by', value: 'R <r@x>' }],
    };
    const m = mergeReview(saved, file);
    expect(m.review.comments.slice(0, 2)).toEqual(saved.comments);
    expect(m.review.comments.slice(2).map((c) => [c.id, c.patch, c.text])).toEqual([['t8', 1, 'same line, other text'], ['t9', 1, 'kept'], ['t10', 3, 'new']]);
    expect([m.comments, m.sameComments, m.trailers, m.sameTrailers]).toEqual([3, 2, 1, 1]);
    // Nothing lost: saved + file = merged + counted once.
    expect(saved.comments.length + file.comments.length).toBe(m.review.comments.length + m.sameComments);
    expect(saved.trailers.length + file.trailers.length).toBe(m.review.trailers.length + m.sameTrailers);
  });
});
