import type { DocLine, Target } from '../state/lines.js';
import type { ReviewModel } from '../state/model.js';
import { screenFor } from '../state/screens.js';
import { entry, TOP, topEntry, type UiState } from '../state/ui-state.js';
import { moveFocused, withTop } from './paneMoves.js';

/** The row of a patch document a finding points at: its body line, else its file line, else its file's header. */
function rowFor(lines: readonly DocLine[], t: Extract<Target, { kind: 'patch' }>): number {
  if (t.bodyLine !== undefined) {
    const i = lines.findIndex((l) => l.bodyLine === t.bodyLine);
    if (i >= 0) return i;
  }
  if (t.file && t.line !== undefined) {
    const i = lines.findIndex((l) => l.fileLine === `${t.file}:${t.line}`);
    if (i >= 0) return i;
  }
  if (t.file) {
    const i = lines.findIndex((l) => l.text.startsWith('diff --git') && l.text.includes(` b/${t.file}`));
    if (i >= 0) return i;
  }
  return 0;
}

function openPatch(model: ReviewModel, ui: UiState, t: Extract<Target, { kind: 'patch' }>): UiState {
  const pushed = { ...ui, stack: [...ui.stack, entry({ kind: 'patch', patch: t.patch })], note: '' };
  // The rows as drawn (prose rows above may wrap; the reviewer's comment rows included): the row is found
  // among the screen's, not the document's, so the jump lands on the finding's line.
  const row = rowFor(screenFor(model, pushed).panes[0]?.lines ?? [], t);
  return row > 0 ? moveFocused(model, pushed, { type: 'jump', index: row }, 0) : pushed;
}

/** Enter on a reply heading: the diff pane jumps to the replies pane and back. */
function openReply(model: ReviewModel, ui: UiState, messageId: string): UiState {
  const e = topEntry(ui);
  const screen = screenFor(model, ui);
  const other = e.focus === 0 ? 1 : 0;
  const lines = screen.panes[other]?.lines ?? [];
  const row = lines.findIndex((l) => l.replyId === messageId || (l.target?.kind === 'reply' && l.target.messageId === messageId));
  const focused = withTop(ui, { ...e, focus: other });
  if (row < 0) return { ...focused, note: 'this reply quotes no hunk line: it is listed under the diff' };
  return moveFocused(model, focused, { type: 'jump', index: row });
}

/** Enter: follow the target of the row under the cursor. */
export function openTarget(model: ReviewModel, ui: UiState): UiState {
  const e = topEntry(ui);
  const screen = screenFor(model, ui);
  const row = screen.panes[e.focus]?.lines[(e.panes[e.focus] ?? TOP).cursor];
  const t = row?.target;
  if (!t) return { ...ui, note: topEntry(ui).view.kind === 'findings' ? 'this finding is about the whole series' : 'nothing to open here' };
  switch (t.kind) {
    case 'patch': return openPatch(model, ui, t);
    case 'version': return { ...ui, version: t.index, stack: [entry({ kind: 'series' }, [e.panes[0] ?? TOP], Math.max(0, screen.panes.length - 1))], note: '' };
    case 'trace': return { ...ui, stack: [...ui.stack, entry({ kind: 'trace', sequence: t.sequence, step: t.step, trace: t.trace })], note: '' };
    case 'reply': return openReply(model, ui, t.messageId);
    case 'pick': return { ...ui, chosen: t.index, quit: true };
  }
}
