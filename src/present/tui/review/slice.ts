import type { CommentTarget, Review, ReviewComment } from '../../../review/index.js';
import type { Person } from '../../../series/index.js';

/** The reviewer typing a comment on the status line (Enter keeps it, Esc drops it, Ctrl-E opens $EDITOR). */
export interface Compose {
  patch: number;
  target: CommentTarget;
  draft: string;
  /** The id of the comment being edited; null for a new one. */
  editing: string | null;
}

/** Work the reducer asks for and a hook does (the reducer stays pure): run $EDITOR, write the replies, send them. */
export type ReviewRequest =
  | { kind: 'editor'; patch: number; target: CommentTarget; text: string; editing: string | null }
  | { kind: 'write' }
  | { kind: 'send' };

/** The review part of the TUI's state: what the reviewer wrote, per version, and what is being typed or confirmed. */
export interface ReviewSlice {
  /** By version index (`ui.version`); absent until the state file is read. */
  reviews: Record<number, Review>;
  compose: Compose | null;
  /** Waiting for y/n before sending `count` mails by `via`. */
  confirm: { count: number; via: string; path: string } | null;
  request: ReviewRequest | null;
  identity: Person | null;
  /** Ids handed to new comments. */
  nextId: number;
  /** By version index: comments of an older version that found no place in this one (kept in the state file). */
  unmatched?: Record<number, { from: number; comments: ReviewComment[] }>;
  /** An unmatched comment picked in the list (`u`, Enter): `c` on a line puts it there. */
  carry?: { version: number; id: string } | null;
  /** An unmatched comment waiting for y/N before it is dropped for good. */
  drop?: { version: number; id: string } | null;
}

export const EMPTY_SLICE: ReviewSlice = { reviews: {}, compose: null, confirm: null, request: null, identity: null, nextId: 1 };

/** Results of the hook's work, fed back into the reducer. */
export type ReviewSliceAction =
  | { type: 'review.loaded'; version: number; review: Review; identity: Person | null; note: string; unmatched?: { from: number; comments: ReviewComment[] } }
  | { type: 'review.edited'; patch: number; target: CommentTarget; text: string; editing: string | null }
  | { type: 'review.written'; count: number; path: string; via: string }
  | { type: 'review.finished'; note: string };

export function sliceOf(ui: { review?: ReviewSlice }): ReviewSlice {
  return ui.review ?? EMPTY_SLICE;
}

/** The review of a version, empty before it is loaded. */
export function reviewOf(slice: ReviewSlice, version: number): Review {
  return slice.reviews[version] ?? { comments: [], trailers: [] };
}

/** A comment added, replaced (same id) or, with empty text, deleted. */
export function putComment(slice: ReviewSlice, version: number, c: { patch: number; target: CommentTarget; text: string; editing: string | null }): ReviewSlice {
  const r = reviewOf(slice, version);
  const text = c.text.replace(/\s+$/, '');
  let comments = r.comments.filter((x) => x.id !== c.editing);
  let nextId = slice.nextId;
  if (text.trim() !== '') {
    const id = c.editing ?? `t${nextId++}`;
    const at = c.editing ? r.comments.findIndex((x) => x.id === c.editing) : -1;
    const item = { id, patch: c.patch, target: c.target, text };
    comments = at >= 0 ? [...comments.slice(0, at), item, ...comments.slice(at)] : [...comments, item];
  }
  return { ...slice, nextId, reviews: { ...slice.reviews, [version]: { ...r, comments } } };
}

/** Gives or takes back one trailer (the same key by the same person on the same patch toggles). */
export function toggleTrailer(slice: ReviewSlice, version: number, patch: number, key: string, value: string): { slice: ReviewSlice; given: boolean } {
  const r = reviewOf(slice, version);
  const has = r.trailers.some((t) => t.patch === patch && t.key === key && t.value === value);
  const trailers = has ? r.trailers.filter((t) => !(t.patch === patch && t.key === key && t.value === value)) : [...r.trailers, { patch, key, value }];
  return { slice: { ...slice, reviews: { ...slice.reviews, [version]: { ...r, trailers } } }, given: !has };
}

/** The unmatched comments of a version (none before it is loaded or once all are placed). */
export function unmatchedOf(slice: ReviewSlice, version: number): ReviewComment[] {
  return slice.unmatched?.[version]?.comments ?? [];
}

function withoutUnmatched(slice: ReviewSlice, version: number, id: string): ReviewSlice {
  const u = slice.unmatched?.[version];
  if (!u) return slice;
  return { ...slice, unmatched: { ...slice.unmatched, [version]: { ...u, comments: u.comments.filter((c) => c.id !== id) } } };
}

/**
 * An unmatched comment put at a place of this version: it leaves the unmatched list and becomes one of
 * the reviewer's comments (a new id, its text as written); null when it is not in the list.
 */
export function reattach(slice: ReviewSlice, version: number, id: string, patch: number, target: CommentTarget): ReviewSlice | null {
  const c = unmatchedOf(slice, version).find((x) => x.id === id);
  if (!c) return null;
  const placed = putComment(withoutUnmatched(slice, version, id), version, { patch, target, text: c.text, editing: null });
  return { ...placed, carry: null };
}

/** An unmatched comment dropped on the reviewer's word: gone from the list (and, once saved, from the state file). */
export function dropUnmatched(slice: ReviewSlice, version: number, id: string): ReviewSlice {
  const out = withoutUnmatched(slice, version, id);
  return { ...out, drop: null, carry: slice.carry?.id === id ? null : slice.carry ?? null };
}

/** `1 reply`, `3 replies`. */
export function replies(n: number): string {
  return `${n} ${n === 1 ? 'reply' : 'replies'}`;
}

/** The slice after a hook's result; `note` is what the status line says. */
export function sliceReducer(slice: ReviewSlice, version: number, a: ReviewSliceAction): { slice: ReviewSlice; note: string } {
  switch (a.type) {
    case 'review.loaded': {
      const maxId = a.review.comments.reduce((n, c) => Math.max(n, Number(/^t(\d+)$/.exec(c.id)?.[1] ?? 0)), 0);
      // Ids of their own (`u1`…): comments left from two older versions may share one, and the list acts by id.
      const u = a.unmatched?.comments.length ? { ...a.unmatched, comments: a.unmatched.comments.map((c, i) => ({ ...c, id: `u${i + 1}` })) } : undefined;
      const unmatched = u ? { ...slice.unmatched, [a.version]: u } : slice.unmatched;
      return { slice: { ...slice, reviews: { ...slice.reviews, [a.version]: a.review }, identity: a.identity, nextId: Math.max(slice.nextId, maxId + 1), unmatched }, note: a.note };
    }
    case 'review.edited':
      return { slice: { ...putComment(slice, version, a), request: null }, note: a.text.trim() ? 'comment kept' : 'empty: no comment' };
    case 'review.written': {
      // Comments still waiting for a place are not in the replies: said before anything is sent.
      const waiting = unmatchedOf(slice, version).length;
      const left = waiting ? ` · ${waiting} older comment${waiting > 1 ? 's' : ''} not placed, not in them (u)` : '';
      return {
        slice: { ...slice, request: null, confirm: a.count > 0 ? { count: a.count, via: a.via, path: a.path } : null },
        note: a.count > 0 ? `send ${replies(a.count)} by ${a.via}? y/N (written to ${a.path})${left}` : `nothing to write yet: comment (c) or give a trailer (R A T)${left}`,
      };
    }
    case 'review.finished':
      return { slice: { ...slice, request: null, confirm: null }, note: a.note };
  }
}
