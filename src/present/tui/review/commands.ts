import { formatPerson, type CommentTarget, type ReviewTrailerKey } from '../../../review/index.js';
import type { Cover, Patch } from '../../../series/index.js';
import type { KeyInfo } from '../keys.js';
import type { ReviewModel } from '../state/model.js';
import { screenFor } from '../state/screens.js';
import { entry, TOP, topEntry, type UiState } from '../state/ui-state.js';
import type { TraceView } from '../data.js';
import { describePlace, subjectAt } from './doc.js';
import { dropUnmatched, putComment, reattach, replies, reviewOf, sliceOf, toggleTrailer, unmatchedOf, type ReviewSlice } from './slice.js';

export type ReviewCommand =
  | 'review.comment' | 'review.editor' | 'review.delete'
  | 'review.reviewed' | 'review.acked' | 'review.tested' | 'review.write' | 'review.unmatched';

/** The review's keys; keys.ts appends them to its table so help lists them. */
export const REVIEW_BINDINGS = [
  { command: 'review.comment', chars: ['c'], special: [], help: 'comment here; on ✎: edit' },
  { command: 'review.editor', chars: ['C'], special: [], help: 'comment in $EDITOR' },
  { command: 'review.delete', chars: ['d'], special: [], help: 'delete your ✎ comment' },
  { command: 'review.reviewed', chars: ['R'], special: [], help: 'Reviewed-by (00: series)' },
  { command: 'review.acked', chars: ['A'], special: [], help: 'Acked-by (again: take back)' },
  { command: 'review.tested', chars: ['T'], special: [], help: 'Tested-by' },
  { command: 'review.write', chars: ['W'], special: [], help: 'write replies, then send?' },
  { command: 'review.unmatched', chars: ['u'], special: [], help: 'older comments: re-attach' },
] as const;

const TRAILER_OF: Partial<Record<ReviewCommand, ReviewTrailerKey>> = {
  'review.reviewed': 'Reviewed-by', 'review.acked': 'Acked-by', 'review.tested': 'Tested-by',
};

export function isReviewCommand(c: string): c is ReviewCommand {
  return c.startsWith('review.');
}

function withSlice(ui: UiState, slice: ReviewSlice, note = ui.note): UiState {
  return { ...ui, review: slice, note };
}

/** The patch the view is about: the open patch, or the series view's row (00 the cover). */
function currentPatch(model: ReviewModel, ui: UiState): number | null {
  const e = topEntry(ui);
  if (e.view.kind === 'patch') return e.view.patch;
  if (e.view.kind !== 'series') return null;
  const screen = screenFor(model, ui);
  const row = screen.panes[e.focus]?.lines[(e.panes[e.focus] ?? TOP).cursor];
  return row?.target?.kind === 'patch' ? row.target.patch : null;
}

function trailer(model: ReviewModel, ui: UiState, key: ReviewTrailerKey): UiState {
  const slice = sliceOf(ui);
  const patch = currentPatch(model, ui);
  if (patch === null) return { ...ui, note: 'trailers go on a patch: the series view or a patch' };
  if (!slice.identity) return { ...ui, note: 'who are you? set git config user.name and user.email' };
  const { slice: next, given } = toggleTrailer(slice, ui.version, patch, key, formatPerson(slice.identity));
  const where = patch === 0 ? 'the whole series (cover)' : `patch ${patch}`;
  return withSlice(ui, next, `${key} ${given ? 'given to' : 'taken back from'} ${where}`);
}

/** A counterexample as a comment's first draft: what the model found, its operations, the replay string. */
export function traceDraft(t: TraceView): string {
  const head = `The reference model finds a counterexample to ${t.invariant}${t.scope ? ` (${t.scope})` : ''}${t.message ? `: ${t.message}` : ''}.`;
  const steps = t.steps.map((s, i) => `  ${i + 1}. ${s.label}`);
  return [head, '', ...steps, ...(t.replay ? ['', `  replay: ${t.replay}`] : [])].join('\n');
}

/**
 * Where a counterexample's comment goes in its patch: the first hunk of the file that names the party
 * the trace is about (its scope, read from the end: `vfio-pci buffer 0 → iommufd` is about iommufd,
 * then its operations), else the whole patch.
 */
export function traceTarget(m: Patch | Cover, t: TraceView): CommentTarget {
  if (!('files' in m)) return { kind: 'patch' };
  const words = (s: string) => s.toLowerCase().split(/[^a-z0-9_]+/).filter((w) => w.length >= 4);
  const candidates = [...words(t.scope ?? '').reverse(), ...t.steps.flatMap((s) => words(s.label))];
  for (const w of candidates) {
    const f = m.files.find((x) => x.hunks.length > 0 && x.path.toLowerCase().includes(w));
    if (f) return { kind: 'hunk', file: f.path, hunk: 1 };
  }
  return { kind: 'patch' };
}

/** `c` in the trace view: a draft on the last patch of the step the trace breaks, in that patch's view. */
function fromTrace(model: ReviewModel, ui: UiState, editor: boolean): UiState {
  const v = topEntry(ui).view;
  if (v.kind !== 'trace') return ui;
  const t = model.trace(v.sequence, v.step, v.trace);
  const patches = model.data.verify?.sequences[v.sequence]?.steps[v.step]?.patches ?? [];
  const open = model.openable(ui.version);
  const patch = [...patches].reverse().find((p) => open.includes(p));
  if (!t || patch === undefined) return { ...ui, note: 'this trace names no patch of this version' };
  const pushed = { ...ui, stack: [...ui.stack, entry({ kind: 'patch', patch })] };
  const m = patch === 0 ? model.series(ui.version)?.cover : model.series(ui.version)?.patches.find((p) => p.index === patch);
  return startCompose(pushed, patch, m ? traceTarget(m, t) : { kind: 'patch' }, traceDraft(t), null, editor);
}

function startCompose(ui: UiState, patch: number, target: Parameters<typeof putComment>[2]['target'], draft: string, editing: string | null, editor: boolean): UiState {
  const slice = sliceOf(ui);
  if (editor) return withSlice(ui, { ...slice, request: { kind: 'editor', patch, target, text: draft, editing } }, 'editing in $EDITOR…');
  return withSlice(ui, { ...slice, compose: { patch, target, draft, editing } }, '');
}

/** `c`/`C`: comment on the row under the cursor (a ✎ row: edit that comment). */
function comment(model: ReviewModel, ui: UiState, editor: boolean): UiState {
  const e = topEntry(ui);
  if (e.view.kind === 'unmatched') return takeUnmatched(model, ui);
  if (sliceOf(ui).carry) return putCarried(model, ui);
  if (e.view.kind === 'trace') return fromTrace(model, ui, editor);
  if (e.view.kind === 'findings') {
    const screen = screenFor(model, ui);
    const row = screen.panes[e.focus]?.lines[(e.panes[e.focus] ?? TOP).cursor];
    if (row?.target?.kind !== 'patch') return { ...ui, note: 'this finding is about the whole series: comment on the cover (00)' };
    // Enter's jump, then the same key on the finding's line: the finding's text is the draft.
    const opened = { ...ui, stack: [...ui.stack, entry({ kind: 'patch', patch: row.target.patch })] };
    const draft = row.text.replace(/^\s*(?:[EWC]\s+)?/, '').trim();
    return placeComment(model, opened, editor, row.target.bodyLine, draft);
  }
  if (e.view.kind !== 'patch') return { ...ui, note: 'c comments in a patch (Enter opens one), the findings or a trace' };
  return placeComment(model, ui, editor, undefined, '');
}

function placeComment(model: ReviewModel, ui: UiState, editor: boolean, bodyLine: number | undefined, draft: string): UiState {
  const e = topEntry(ui);
  if (e.view.kind !== 'patch') return ui;
  const patch = e.view.patch;
  const m = patch === 0 ? model.series(ui.version)?.cover : model.series(ui.version)?.patches.find((p) => p.index === patch);
  if (!m) return { ...ui, note: 'no such patch' };
  const rows = screenFor(model, ui).panes[0]?.lines ?? [];
  const index = bodyLine === undefined ? (e.panes[0] ?? TOP).cursor : Math.max(0, rows.findIndex((l) => l.bodyLine === bodyLine));
  if (e.focus !== 0 && bodyLine === undefined) return { ...ui, note: 'comments go on the message + diff pane (Tab)' };
  const s = subjectAt(m, rows, index);
  if (s.kind === 'comment') {
    const c = reviewOf(sliceOf(ui), ui.version).comments.find((x) => x.id === s.id);
    return c ? startCompose(ui, c.patch, c.target, c.text, c.id, editor) : ui;
  }
  return startCompose(ui, patch, s.target, draft || s.prefill, null, editor);
}

function remove(model: ReviewModel, ui: UiState): UiState {
  const e = topEntry(ui);
  if (e.view.kind === 'unmatched') return askDrop(model, ui);
  if (e.view.kind !== 'patch') return { ...ui, note: 'd deletes your comment on a ✎ row of a patch' };
  const row = screenFor(model, ui).panes[e.focus]?.lines[(e.panes[e.focus] ?? TOP).cursor];
  if (!row?.reviewCommentId) return { ...ui, note: 'd deletes your comment: put the cursor on its ✎ row' };
  const slice = putComment(sliceOf(ui), ui.version, { patch: e.view.patch, target: { kind: 'patch' }, text: '', editing: row.reviewCommentId });
  return withSlice(ui, slice, 'comment deleted');
}

/** A review key in normal mode. */
export function reviewCommand(model: ReviewModel, ui: UiState, command: ReviewCommand): UiState {
  switch (command) {
    case 'review.comment': return comment(model, ui, false);
    case 'review.editor': return comment(model, ui, true);
    case 'review.delete': return remove(model, ui);
    case 'review.unmatched': return openUnmatched(ui);
    case 'review.write': return withSlice(ui, { ...sliceOf(ui), request: { kind: 'write' } }, 'writing the replies…');
    default: return trailer(model, ui, TRAILER_OF[command]!);
  }
}

/** Keys while a comment is typed on the status line: text, Backspace, Enter keeps, Esc drops, Ctrl-E to $EDITOR, Ctrl-J a new line. */
export function onComposeKey(ui: UiState, input: string, key: KeyInfo): UiState {
  const slice = sliceOf(ui);
  const c = slice.compose;
  if (!c) return ui;
  if (key.escape) return withSlice(ui, { ...slice, compose: null }, 'comment dropped');
  if (key.return) return withSlice({ ...ui }, { ...putComment(slice, ui.version, { ...c, text: c.draft }), compose: null }, c.draft.trim() ? 'comment kept' : c.editing ? 'comment deleted' : 'empty: no comment');
  if (key.backspace || key.delete) return withSlice(ui, { ...slice, compose: { ...c, draft: [...c.draft].slice(0, -1).join('') } });
  if (key.ctrl && input === 'e') return withSlice(ui, { ...slice, compose: null, request: { kind: 'editor', patch: c.patch, target: c.target, text: c.draft, editing: c.editing } }, 'editing in $EDITOR…');
  if (key.ctrl && input === 'j') return withSlice(ui, { ...slice, compose: { ...c, draft: `${c.draft}\n` } });
  if (key.ctrl || key.meta || input === '' || /[\x00-\x08\x0b-\x1f\x7f]/.test(input)) return ui;
  return withSlice(ui, { ...slice, compose: { ...c, draft: c.draft + input.replace(/\r\n?/g, '\n') } });
}

/** `u`: the list of comments of an older version that found no place in this one. */
function openUnmatched(ui: UiState): UiState {
  const n = unmatchedOf(sliceOf(ui), ui.version).length;
  if (n === 0) return { ...ui, note: 'no comment of an older version is waiting for a place' };
  if (topEntry(ui).view.kind === 'unmatched') return ui;
  return { ...ui, stack: [...ui.stack, entry({ kind: 'unmatched' })], note: `${n} comment${n > 1 ? 's' : ''} with no place: Enter takes one, d drops one` };
}

/** The unmatched comment under the cursor of the list. */
function unmatchedAtCursor(model: ReviewModel, ui: UiState): { id: string; text: string; patch: number; from: number } | null {
  const e = topEntry(ui);
  const id = screenFor(model, ui).panes[0]?.lines[(e.panes[0] ?? TOP).cursor]?.reviewCommentId;
  const u = sliceOf(ui).unmatched?.[ui.version];
  const c = u?.comments.find((x) => x.id === id);
  return c && u ? { id: c.id, text: c.text, patch: c.patch, from: u.from } : null;
}

const firstLine = (text: string) => {
  const t = text.split('\n')[0]!;
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
};

/** What the status line says while a comment is carried (after every key, so it is not lost). */
export function carryNote(ui: UiState): string {
  const carry = sliceOf(ui).carry;
  const c = carry ? unmatchedOf(sliceOf(ui), carry.version).find((x) => x.id === carry.id) : undefined;
  return c ? `carrying "${firstLine(c.text)}": c puts it at the cursor (a line, or a patch of the series) · Esc lets go` : '';
}

/** The carry reminder on the status line when a key left it empty. */
export function withCarryNote(ui: UiState): UiState {
  return ui.note === '' && sliceOf(ui).carry ? { ...ui, note: carryNote(ui) } : ui;
}

/** Enter or `c` in the list: take the comment under the cursor and go back to place it. */
function takeUnmatched(model: ReviewModel, ui: UiState): UiState {
  const c = unmatchedAtCursor(model, ui);
  if (!c) return { ...ui, note: 'put the cursor on a comment' };
  const taken = withSlice({ ...ui, stack: ui.stack.length > 1 ? ui.stack.slice(0, -1) : ui.stack }, { ...sliceOf(ui), carry: { version: ui.version, id: c.id } });
  return { ...taken, note: carryNote(taken) };
}

/** `c` while carrying: the carried comment goes to the line (or hunk, message line) under the cursor, or to the series row's patch. */
function putCarried(model: ReviewModel, ui: UiState): UiState {
  const slice = sliceOf(ui);
  const carry = slice.carry!;
  if (carry.version !== ui.version) return { ...ui, note: 'this comment waits for a place in another version: v switches back, Esc lets go' };
  const e = topEntry(ui);
  let place: { patch: number; target: CommentTarget } | null = null;
  if (e.view.kind === 'series') {
    const patch = currentPatch(model, ui);
    if (patch !== null) place = { patch, target: { kind: 'patch' } };
  } else if (e.view.kind === 'patch') {
    if (e.focus !== 0) return { ...ui, note: 'comments go on the message + diff pane (Tab)' };
    const patch = e.view.patch;
    const m = patch === 0 ? model.series(ui.version)?.cover : model.series(ui.version)?.patches.find((p) => p.index === patch);
    const s = m ? subjectAt(m, screenFor(model, ui).panes[0]?.lines ?? [], (e.panes[0] ?? TOP).cursor) : null;
    if (s?.kind === 'comment') return { ...ui, note: 'that row is a comment of yours: put the cursor on a line of the patch' };
    if (s) place = { patch, target: s.target };
  }
  if (!place) return { ...ui, note: 'c puts the carried comment on a line of a patch, or on a patch of the series view' };
  const next = reattach(slice, ui.version, carry.id, place.patch, place.target);
  if (!next) return withSlice(ui, { ...slice, carry: null }, 'that comment is no longer in the list');
  return withSlice(ui, next, `re-attached at ${describePlace(place.patch, place.target)}`);
}

/** Esc while carrying lets the comment go (it stays in the list); null when nothing is carried. */
export function letGo(ui: UiState): UiState | null {
  const slice = sliceOf(ui);
  if (!slice.carry) return null;
  return withSlice(ui, { ...slice, carry: null }, 'let go: the comment stays in the list (u)');
}

/** `d` in the list: asks first, a comment dropped is gone for good. */
function askDrop(model: ReviewModel, ui: UiState): UiState {
  const c = unmatchedAtCursor(model, ui);
  if (!c) return { ...ui, note: 'put the cursor on a comment' };
  return withSlice(ui, { ...sliceOf(ui), drop: { version: ui.version, id: c.id } }, `drop the v${c.from} comment "${firstLine(c.text)}" for good? y/N`);
}

/** Whether a y/N question waits for its answer (send the replies, drop a comment). */
export function awaitsAnswer(ui: UiState): boolean {
  return Boolean(ui.review?.confirm || ui.review?.drop);
}

/** y sends what was written; anything else keeps it unsent (nothing leaves the machine without a y). */
export function onConfirmKey(ui: UiState, input: string): UiState {
  const slice = sliceOf(ui);
  if (slice.drop) {
    const { version, id } = slice.drop;
    if (input !== 'y' && input !== 'Y') return withSlice(ui, { ...slice, drop: null }, 'kept in the list');
    const next = dropUnmatched(slice, version, id);
    const left = unmatchedOf(next, version).length;
    // The list emptied: back to the view it was opened from.
    const stack = left === 0 && topEntry(ui).view.kind === 'unmatched' && ui.stack.length > 1 ? ui.stack.slice(0, -1) : ui.stack;
    return withSlice({ ...ui, stack }, next, `dropped; ${left} left in the list`);
  }
  if (!slice.confirm) return ui;
  if (input === 'y' || input === 'Y') return withSlice(ui, { ...slice, confirm: null, request: { kind: 'send' } }, `sending ${replies(slice.confirm.count)} by ${slice.confirm.via}…`);
  return withSlice(ui, { ...slice, confirm: null }, `not sent; the replies are in ${slice.confirm.path}`);
}
