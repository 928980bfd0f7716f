// Writing the review in the TUI, through the pure reducer: c on a diff line types a comment on the
// status line and shows it under the line (✎), c on it edits, d deletes; R/A/T give and take trailers
// (on the cover: the series); the series view's "you" column; c on a finding or a counterexample
// starts an editable draft at its place; W asks the hook to write, and sending waits for y.
import { describe, it, expect } from 'vitest';
import { checkReview } from '../../../review/index.js';
import type { Command } from '../keys.js';
import { initialUi, makeReviewReducer, type ReviewAction } from '../hooks/reviewReducer.js';
import { createModel } from '../state/model.js';
import { screenFor } from '../state/screens.js';
import { topEntry, type UiState } from '../state/ui-state.js';
import { reviewData } from '../testing/review-data.test-util.js';
import { reviewOf, sliceOf } from './slice.js';
import { traceTarget } from './commands.js';

const data = reviewData();
const model = createModel(data);
const reduce = makeReviewReducer(model);
const ME = { name: 'Rev Iewer', email: 'rev@example.org' };
const loaded = reduce(initialUi({ columns: 120, rows: 40 }, model), { type: 'review.loaded', version: 0, review: { comments: [], trailers: [] }, identity: ME, note: '' });
const cmd = (ui: UiState, ...commands: Command[]) => commands.reduce((u, command) => reduce(u, { type: 'command', command }), ui);
const type = (ui: UiState, text: string) => [...text].reduce((u, ch) => reduce(u, { type: 'key', input: ch, key: {} } as ReviewAction), ui);
const press = (ui: UiState, key: Record<string, boolean>, input = '') => reduce(ui, { type: 'key', input, key });
const rows = (ui: UiState) => screenFor(model, ui).panes[topEntry(ui).focus]!.lines;
const cursorRow = (ui: UiState) => rows(ui)[topEntry(ui).panes[topEntry(ui).focus]?.cursor ?? 0]!;
const review = (ui: UiState) => reviewOf(sliceOf(ui), ui.version);

/** Patch 3 open with the cursor on its first added line. */
function onAddedLine(): UiState {
  let ui = cmd(loaded, 'nav.bottom', 'nav.open');
  expect(topEntry(ui).view).toEqual({ kind: 'patch', patch: 3 });
  const at = rows(ui).findIndex((l) => l.text.startsWith('+') && l.fileLine);
  ui = reduce(ui, { type: 'command', command: 'nav.top' });
  for (let i = 0; i < at; i++) ui = cmd(ui, 'nav.down');
  expect(cursorRow(ui).text).toMatch(/^\+/);
  return ui;
}

describe('comments in the patch view', () => {
  it('c types a comment on the line under the cursor; Enter keeps it under that line', () => {
    let ui = onAddedLine();
    const line = cursorRow(ui);
    ui = cmd(ui, 'review.comment');
    expect(sliceOf(ui).compose?.target).toEqual({ kind: 'line', file: 'include/linux/dma-buf-mapping.h', line: Number(line.fileLine!.split(':')[1]), side: 'new' });
    ui = type(ui, 'Why is this exported?');
    ui = press(ui, { return: true });
    expect(sliceOf(ui).compose).toBeNull();
    expect(review(ui).comments).toEqual([{ id: 't1', patch: 3, target: sliceOf(cmd(onAddedLine(), 'review.comment')).compose!.target, text: 'Why is this exported?' }]);
    const r = rows(ui);
    const i = r.findIndex((l) => l === line || l.text === line.text);
    expect(r[i + 1]!.text).toBe('    ✎ Why is this exported?');
    expect(checkReview(model.series(0)!, review(ui))).toEqual([]);
  });

  it('c on the ✎ row edits the comment, d deletes it; Esc drops a draft', () => {
    let ui = type(cmd(onAddedLine(), 'review.comment'), 'first');
    ui = press(ui, { return: true });
    ui = cmd(ui, 'nav.down');
    expect(cursorRow(ui).reviewCommentId).toBe('t1');
    ui = cmd(ui, 'review.comment');
    expect(sliceOf(ui).compose).toMatchObject({ draft: 'first', editing: 't1' });
    ui = press(type(press(ui, { backspace: true }), 'ST'), { return: true });
    expect(review(ui).comments.map((c) => c.text)).toEqual(['firsST']);
    ui = press(type(cmd(ui, 'review.comment'), ' more'), { escape: true });
    expect(review(ui).comments.map((c) => c.text)).toEqual(['firsST']);
    ui = cmd(ui, 'review.delete');
    expect(review(ui).comments).toEqual([]);
    expect(ui.note).toBe('comment deleted');
  });

  it('c on a hunk header comments on the hunk; on a message line, on that line', () => {
    let ui = cmd(loaded, 'nav.bottom', 'nav.open');
    const hunk = rows(ui).findIndex((l) => l.text.startsWith('@@'));
    for (let i = 0; i < hunk; i++) ui = cmd(ui, 'nav.down');
    expect(sliceOf(cmd(ui, 'review.comment')).compose?.target).toEqual({ kind: 'hunk', file: 'include/linux/dma-buf-mapping.h', hunk: 1 });
    let m = cmd(loaded, 'nav.bottom', 'nav.open');
    const msg = rows(m).findIndex((l) => l.bodyLine === 1);
    for (let i = 0; i < msg; i++) m = cmd(m, 'nav.down');
    expect(sliceOf(cmd(m, 'review.comment')).compose?.target).toEqual({ kind: 'message', line: 1 });
  });
});

describe('trailers and the series view', () => {
  it('R A T give and take trailers on the patch; on the cover row, for the whole series; the you column shows them', () => {
    let ui = cmd(loaded, 'nav.bottom', 'review.reviewed', 'review.acked');
    expect(review(ui).trailers).toEqual([
      { patch: 3, key: 'Reviewed-by', value: 'Rev Iewer <rev@example.org>' },
      { patch: 3, key: 'Acked-by', value: 'Rev Iewer <rev@example.org>' },
    ]);
    expect(cursorRow(ui).text).toMatch(/^RA {4}03 /);
    ui = cmd(ui, 'review.acked');
    expect(review(ui).trailers.map((t) => t.key)).toEqual(['Reviewed-by']);
    ui = cmd(ui, 'nav.top', 'review.tested');
    expect(ui.note).toBe('Tested-by given to the whole series (cover)');
    expect(review(ui).trailers.at(-1)).toEqual({ patch: 0, key: 'Tested-by', value: 'Rev Iewer <rev@example.org>' });
    expect(screenFor(model, ui).panes.at(-1)!.header[0]!.text).toMatch(/^you {3}#/);
    const untouched = rows(ui).find((l) => l.target?.kind === 'patch' && l.target.patch === 2)!;
    expect(untouched.text).toMatch(/^· {5}02 /);
  });

  it('refuses a trailer without an identity', () => {
    const anon = reduce(initialUi({ columns: 120, rows: 40 }, model), { type: 'review.loaded', version: 0, review: { comments: [], trailers: [] }, identity: null, note: '' });
    expect(cmd(anon, 'nav.bottom', 'review.reviewed').note).toMatch(/set git config user\.name/);
  });
});

describe('findings and counterexamples become drafts', () => {
  it('c on a finding opens its patch with the finding as the draft, at its line', () => {
    let ui = cmd(loaded, 'view.findings');
    const at = rows(ui).findIndex((l) => l.text.includes('trailing whitespace'));
    for (let i = 0; i < at; i++) ui = cmd(ui, 'nav.down');
    ui = cmd(ui, 'review.comment');
    expect(topEntry(ui).view).toEqual({ kind: 'patch', patch: 2 });
    const c = sliceOf(ui).compose!;
    expect(c.draft).toMatch(/trailing whitespace/);
    expect(c.target.kind).toBe('line');
    ui = press(ui, { return: true });
    expect(checkReview(model.series(0)!, review(ui))).toEqual([]);
  });

  it('c in a counterexample drafts it on the step\'s patch: invariant, operations, replay', () => {
    let ui = cmd(loaded, 'view.steps');
    const at = rows(ui).findIndex((l) => l.target?.kind === 'trace');
    for (let i = 0; i < at; i++) ui = cmd(ui, 'nav.down');
    ui = cmd(ui, 'nav.open', 'review.comment');
    expect(topEntry(ui).view).toEqual({ kind: 'patch', patch: 3 });
    const c = sliceOf(ui).compose!;
    expect(c.draft).toBe([
      'The reference model finds a counterexample to HIDE_PHYS: iommufd holds physical addresses.', '',
      '  1. attach(vfio-pci→iommufd, pal)', '  2. map(vfio-pci→iommufd, pal)', '', '  replay: attach,map',
    ].join('\n'));
  });
});

describe('a counterexample at its hunk', () => {
  it('goes on the first hunk of the file its scope names, else on the whole patch', () => {
    const p3 = model.series(0)!.patches.find((p) => p.index === 3)!;
    const trace = { invariant: 'HIDE_PHYS', scope: 'vfio-pci buffer 0 → dma-buf mapping', steps: [] };
    expect(traceTarget(p3, trace)).toEqual({ kind: 'hunk', file: 'include/linux/dma-buf-mapping.h', hunk: 1 });
    expect(traceTarget(p3, { ...trace, scope: 'vfio-pci → xe' })).toEqual({ kind: 'patch' });
  });
});

describe('write and send', () => {
  it('W asks to write; sending waits for y, anything else keeps the replies unsent', () => {
    let ui = cmd(loaded, 'nav.bottom', 'review.reviewed', 'review.write');
    expect(sliceOf(ui).request).toEqual({ kind: 'write' });
    ui = reduce(ui, { type: 'review.written', count: 1, path: '/s/r.mbox', via: 'SMTP h:25' });
    expect(ui.note).toBe('send 1 reply by SMTP h:25? y/N (written to /s/r.mbox)');
    const no = type(ui, 'n');
    expect(sliceOf(no).request).toBeNull();
    expect(no.note).toBe('not sent; the replies are in /s/r.mbox');
    const yes = type(ui, 'y');
    expect(sliceOf(yes).request).toEqual({ kind: 'send' });
    // While the question is open, keys do not move the view.
    expect(topEntry(type(ui, 'j')).view).toEqual(topEntry(ui).view);
  });
});

describe('comments moved from an older version', () => {
  it('lists those that found no place under the series header', () => {
    const ui = reduce(loaded, {
      type: 'review.loaded', version: 0, review: { comments: [], trailers: [] }, identity: ME, note: 'moved',
      unmatched: { from: 1, comments: [{ id: 'x', patch: 23, target: { kind: 'line', file: 'drivers/iommu/iommufd/pages.c', line: 120, side: 'new' }, text: 'Still racy?\nmore' }] },
    });
    const header = screenFor(model, ui).header.map((l) => l.text);
    expect(header).toContain('1 comment of v1 found no place in this version (u: re-attach or drop):');
    expect(header).toContain('  ✎ v1 patch 23 drivers/iommu/iommufd/pages.c:120: Still racy?');
  });

  const left = [
    { id: 't4', patch: 23, target: { kind: 'line' as const, file: 'drivers/iommu/iommufd/pages.c', line: 120, side: 'new' as const }, text: 'Still racy?\nmore', anchor: '+\tmutex_lock(&pages->mutex);' },
    // Another older version's comment with the same id: the list keeps both apart.
    { id: 't4', patch: 2, target: { kind: 'patch' as const }, text: 'Split this one.' },
  ];
  const withLeft = reduce(loaded, { type: 'review.loaded', version: 0, review: { comments: [], trailers: [] }, identity: ME, note: '', unmatched: { from: 1, comments: left } });

  it('u lists them with where they were and their whole text; Enter takes one, c on a line puts it there', () => {
    let ui = cmd(withLeft, 'review.unmatched');
    expect(topEntry(ui).view).toEqual({ kind: 'unmatched' });
    expect(rows(ui).map((l) => l.text)).toEqual([
      '✎ v1 23 pages.c:120  drivers/iommu/iommufd/pages.c', '    was on: +       mutex_lock(&pages->mutex);', '    Still racy?', '    more',
      '✎ v1 2 whole patch', '    Split this one.',
    ]);
    ui = cmd(ui, 'nav.down', 'nav.down', 'nav.open');
    expect(topEntry(ui).view.kind).toBe('series');
    expect(ui.note).toBe('carrying "Still racy?": c puts it at the cursor (a line, or a patch of the series) · Esc lets go');
    // The reminder stays while the reviewer moves to the place.
    const at = onAddedLineFrom(ui);
    expect(at.note).toMatch(/^carrying "Still racy\?"/);
    const placed = cmd(at, 'review.comment');
    const place = cursorRow(at).fileLine!;
    expect(placed.note).toBe(`re-attached at 3 ${place.slice(place.lastIndexOf('/') + 1)}`);
    expect(review(placed).comments).toEqual([expect.objectContaining({ patch: 3, text: 'Still racy?\nmore', target: expect.objectContaining({ kind: 'line', side: 'new' }) })]);
    expect(sliceOf(placed).unmatched?.[0]?.comments.map((c) => c.text)).toEqual(['Split this one.']);
    expect(sliceOf(placed).carry).toBeNull();
    // Placed where the cursor is: the mail quotes that line.
    expect(checkReview(model.series(0)!, review(placed))).toEqual([]);
    expect(rows(placed).some((l) => l.text.includes('✎ Still racy?'))).toBe(true);
  });

  it('c on a series row puts the carried comment on that whole patch; Esc lets go and keeps it listed', () => {
    let ui = cmd(withLeft, 'review.unmatched', 'nav.bottom', 'nav.open');
    const gone = press(ui, { escape: true });
    expect(sliceOf(gone).carry).toBeNull();
    expect(gone.note).toBe('let go: the comment stays in the list (u)');
    expect(sliceOf(gone).unmatched?.[0]?.comments).toHaveLength(2);
    // W says that they are not in the replies.
    expect(reduce(gone, { type: 'review.written', count: 1, path: '/s/r.mbox', via: 'SMTP h:25' }).note)
      .toBe('send 1 reply by SMTP h:25? y/N (written to /s/r.mbox) · 2 older comments not placed, not in them (u)');
    ui = cmd(ui, 'nav.top', 'nav.down', 'review.comment');
    expect(review(ui).comments).toEqual([expect.objectContaining({ patch: 1, target: { kind: 'patch' }, text: 'Split this one.' })]);
    expect(sliceOf(ui).unmatched?.[0]?.comments.map((c) => c.text)).toEqual(['Still racy?\nmore']);
  });

  it('d drops one only after y; the list closes when it empties', () => {
    let ui = cmd(withLeft, 'review.unmatched', 'review.delete');
    expect(ui.note).toBe('drop the v1 comment "Still racy?" for good? y/N');
    const kept = type(ui, 'n');
    expect(kept.note).toBe('kept in the list');
    expect(sliceOf(kept).unmatched?.[0]?.comments).toHaveLength(2);
    ui = type(ui, 'y');
    expect(ui.note).toBe('dropped; 1 left in the list');
    expect(sliceOf(ui).unmatched?.[0]?.comments.map((c) => c.text)).toEqual(['Split this one.']);
    ui = type(cmd(ui, 'nav.top', 'review.delete'), 'y');
    expect(ui.note).toBe('dropped; 0 left in the list');
    expect(topEntry(ui).view.kind).toBe('series');
    expect(cmd(ui, 'review.unmatched').note).toBe('no comment of an older version is waiting for a place');
    // W no longer warns about them.
    expect(reduce(ui, { type: 'review.written', count: 0, path: '/s/r.mbox', via: 'x' }).note).toBe('nothing to write yet: comment (c) or give a trailer (R A T)');
    expect(review(ui).comments).toEqual([]);
  });
});

/** From the series view: patch 3 open, the cursor on its first added line. */
function onAddedLineFrom(start: UiState): UiState {
  let ui = cmd(start, 'nav.bottom', 'nav.open');
  const at = rows(ui).findIndex((l) => l.text.startsWith('+') && l.fileLine);
  for (let i = 0; i < at; i++) ui = cmd(ui, 'nav.down');
  return ui;
}
