import { commandFor, KEY_BINDINGS, type Command, type KeyInfo } from '../keys.js';
import { helpLayout } from '../state/help-layout.js';
import { groupCount } from '../state/picker.js';
import { findingTypes, NO_FILTER } from '../state/findings-list.js';
import type { ReviewModel } from '../state/model.js';
import { SCROLL_STEP } from '../state/hscroll.js';
import { findMatch } from '../state/search.js';
import { screenFor, VERSION_ROWS, type Screen } from '../state/screens.js';
import { entry, TOP, topEntry, type TermSize, type UiState, type View } from '../state/ui-state.js';
import { filterReducer } from './filterReducer.js';
import type { ListAction } from './listReducer.js';
import { moveFocused, withTop } from './paneMoves.js';
import { openTarget } from './openTarget.js';
import { IDLE_SEARCH, searchReducer } from './searchReducer.js';
import { awaitsAnswer, isReviewCommand, letGo, onComposeKey, onConfirmKey, reviewCommand, withCarryNote } from '../review/commands.js';
import { sliceOf, sliceReducer, type ReviewSliceAction } from '../review/slice.js';

export type ReviewAction =
  /** A key press: a command in normal mode, text while the search prompt is open. */
  | { type: 'key'; input: string; key: KeyInfo }
  /** A command with the count typed before it (0: none), as tests and other front ends send them. */
  | { type: 'command'; command: Command; count?: number }
  | { type: 'resize'; size: TermSize }
  /** Feedback from outside the reducer (how a yank went). */
  | { type: 'note'; text: string }
  /** What the review's hook did (state read, $EDITOR closed, replies written or sent). */
  | ReviewSliceAction;

/**
 * The series view of `version`, focused on its patch list. The version selector, when shown, is the
 * pane above it, its cursor on the version shown (it follows `v`; it stayed on the first before).
 */
export function seriesEntry(model: ReviewModel, version = 0) {
  const count = model.data.set.series.length;
  if (count <= 1) return entry({ kind: 'series' });
  const rows = Math.min(VERSION_ROWS, count);
  return entry({ kind: 'series' }, [{ cursor: version, offset: Math.max(0, version - rows + 1) }], 1);
}

export function initialUi(size: TermSize, model: ReviewModel): UiState {
  // Many series (an archive, a folder of threads): start on the picker, not on whichever came first.
  const picker = entry({ kind: 'picker', query: model.data.startQuery ?? '' });
  const version = model.data.startVersion ?? 0;
  const start = model.data.picks ? [picker] : groupCount(model.data.set) > 1 ? [seriesEntry(model, version), picker] : [seriesEntry(model, version)];
  return { version, stack: start, help: false, helpOffset: 0, search: IDLE_SEARCH, filter: NO_FILTER, size, note: '', count: 0, quit: false, yank: null };
}

/** Counts stop growing here: more digits are ignored (a list never has a million rows to skip). */
export const MAX_COUNT = 999_999;

/** The list action of a motion, repeated `n` times (one reducer step whatever the count: the keystroke costs the same). */
const LIST_MOVES: Partial<Record<Command, (n: number) => ListAction>> = {
  'nav.down': (n) => ({ type: 'move', delta: n }), 'nav.up': (n) => ({ type: 'move', delta: -n }),
  'nav.pageDown': (n) => ({ type: 'page', dir: 1, times: n }), 'nav.pageUp': (n) => ({ type: 'page', dir: -1, times: n }),
  'nav.top': () => ({ type: 'top' }), 'nav.bottom': () => ({ type: 'bottom' }),
};

/** `21G` and `21g`: the row the focused pane numbers 21 (patch 21 in the series view, line 21 elsewhere). */
function gotoRow(model: ReviewModel, ui: UiState, n: number): UiState {
  const def = screenFor(model, ui).panes[topEntry(ui).focus];
  if (!def) return ui;
  return moveFocused(model, ui, { type: 'goto', index: def.countRow ? def.countRow(n) : n - 1 });
}

/** h, l and 0: long lines of the patch view shift sideways; elsewhere rows are cut at the pane's edge. */
function sideways(model: ReviewModel, ui: UiState, action: ListAction): UiState {
  if (topEntry(ui).view.kind !== 'patch') return { ...ui, note: 'h, l and 0 scroll long lines in the patch view' };
  const col = (u: UiState) => { const e = topEntry(u); return (e.panes[e.focus] ?? TOP).col ?? 0; };
  const moved = moveFocused(model, ui, action);
  if (action.type === 'scroll' && action.cols > 0 && col(moved) === col(ui)) return { ...moved, note: 'the visible lines end here' };
  return moved;
}

function pushView(ui: UiState, view: View): UiState {
  if (topEntry(ui).view.kind === view.kind && view.kind !== 'patch') return ui;
  return { ...ui, stack: [...ui.stack, entry(view)], note: '' };
}

/** `[` and `]`, `times` patches at once (`3]`); a count past either end stops on the last or first patch. */
function stepPatch(model: ReviewModel, ui: UiState, dir: 1 | -1, times = 1): UiState {
  const e = topEntry(ui);
  if (e.view.kind !== 'patch') return { ...ui, note: '[ and ] move between patches in the patch view' };
  const list = model.openable(ui.version);
  const at = list.indexOf(e.view.patch);
  const want = at + dir * times;
  const to = Math.max(0, Math.min(list.length - 1, want));
  const end = dir > 0 ? 'last patch' : 'first patch';
  const next = list[to];
  if (to === at || next === undefined) return { ...ui, note: end };
  return { ...withTop(ui, entry({ kind: 'patch', patch: next }, [], e.focus)), note: to === want ? '' : end };
}

function search(model: ReviewModel, ui: UiState, forward: boolean): UiState {
  const q = ui.search.query;
  if (!q) return { ...ui, note: 'no search yet: press /' };
  const screen = screenFor(model, ui);
  const e = topEntry(ui);
  const lines = screen.panes[e.focus]?.lines ?? [];
  const hit = findMatch(lines, q, (e.panes[e.focus] ?? TOP).cursor, forward);
  if (hit === null) return { ...ui, note: `pattern not found: ${q}` };
  return { ...moveFocused(model, ui, { type: 'jump', index: hit }), note: `/${q}` };
}

function back(ui: UiState, quitAtRoot: boolean): UiState {
  if (ui.help) return { ...ui, help: false };
  if (ui.stack.length > 1) return { ...ui, stack: ui.stack.slice(0, -1), note: '' };
  return quitAtRoot ? { ...ui, quit: true } : ui;
}

function refilter(model: ReviewModel, ui: UiState, command: Command): UiState {
  if (topEntry(ui).view.kind !== 'findings') return { ...ui, note: 'e and t filter the findings view (f)' };
  const action = command === 'filter.level' ? { type: 'level' as const } : { type: 'type' as const, types: findingTypes(model.data.findings) };
  return withTop({ ...ui, filter: filterReducer(ui.filter, action) }, entry({ kind: 'findings' }));
}

/** A command; `count` is the number typed before it (0: none), which motions, [ ], n N and h l repeat. */
function onCommand(model: ReviewModel, ui: UiState, command: Command, count = 0): UiState {
  const move = LIST_MOVES[command];
  const n = Math.max(1, count);
  if (ui.help && move && helpScrolls(ui)) return scrollHelp(ui, move(n));
  if (ui.help && command !== 'app.quit' && command !== 'help.toggle') return back(ui, false);
  if (count > 0 && (command === 'nav.top' || command === 'nav.bottom')) return gotoRow(model, ui, count);
  if (move) return moveFocused(model, ui, move(n));
  switch (command) {
    // Enter in the list of unmatched comments takes one, as `c` does.
    case 'nav.open': return topEntry(ui).view.kind === 'unmatched' ? reviewCommand(model, ui, 'review.comment') : openTarget(model, ui);
    case 'view.back': return back(ui, false);
    case 'view.close': return back(ui, true);
    case 'app.quit': return { ...ui, quit: true };
    case 'pane.next': return cycleFocus(screenFor(model, ui), ui);
    case 'search.start': return { ...ui, search: searchReducer(ui.search, { type: 'start' }), note: '' };
    case 'search.next': return repeat(ui, n, (u) => search(model, u, true));
    case 'search.prev': return repeat(ui, n, (u) => search(model, u, false));
    case 'help.toggle': return { ...ui, help: !ui.help, helpOffset: 0 };
    case 'patch.prev': return stepPatch(model, ui, -1, n);
    case 'patch.next': return stepPatch(model, ui, 1, n);
    case 'scroll.right': return sideways(model, ui, { type: 'scroll', cols: SCROLL_STEP * n });
    case 'scroll.left': return sideways(model, ui, { type: 'scroll', cols: -SCROLL_STEP * n });
    case 'scroll.home': return sideways(model, ui, { type: 'scrollHome' });
    case 'view.series': return { ...ui, stack: ui.stack.slice(0, 1), note: '' };
    case 'view.findings': return pushView(ui, { kind: 'findings' });
    case 'view.steps': return pushView(ui, { kind: 'steps' });
    case 'filter.level': case 'filter.type': return refilter(model, ui, command);
    case 'trace.yank': return yankReplay(model, ui);
    case 'picker.open': return topEntry(ui).view.kind === 'picker' ? ui : { ...ui, stack: [...ui.stack, entry({ kind: 'picker', query: '' })], note: '' };
    case 'version.next': return showVersion(model, ui, (ui.version + 1) % Math.max(1, model.data.set.series.length));
    default: return isReviewCommand(command) ? reviewCommand(model, ui, command) : ui;
  }
}

/** `y`: the replay string of the trace in view, or of the trace the cursor row points at (steps view, a patch's inline trace). */
function yankReplay(model: ReviewModel, ui: UiState): UiState {
  const e = topEntry(ui);
  const v = e.view;
  const row = screenFor(model, ui).panes[e.focus]?.lines[(e.panes[e.focus] ?? TOP).cursor];
  const t = v.kind === 'trace' ? v : row?.target?.kind === 'trace' ? row.target : null;
  const replay = t ? model.trace(t.sequence, t.step, t.trace)?.replay : undefined;
  if (!replay) return { ...ui, note: 'y copies a trace\'s replay string: open a trace, or put the cursor on one' };
  return { ...ui, yank: { text: replay, what: 'replay string', id: (ui.yank?.id ?? 0) + 1 } };
}

/** The series view of another version (or series of the set), its selector's cursor on it. */
export function showVersion(model: ReviewModel, ui: UiState, version: number): UiState {
  return { ...ui, version, stack: [seriesEntry(model, version)], note: '' };
}

function helpScrolls(ui: UiState): boolean {
  return helpLayout(KEY_BINDINGS.length, ui.size.rows - 1, ui.size.columns).maxOffset > 0;
}

/** j k PgUp PgDn g G in the help: scroll it when its keys do not all fit (App draws it `size.rows - 1` high). */
function scrollHelp(ui: UiState, action: ListAction): UiState {
  const { perColumn, maxOffset } = helpLayout(KEY_BINDINGS.length, ui.size.rows - 1, ui.size.columns);
  const by = action.type === 'move' ? action.delta : action.type === 'page' ? action.dir * perColumn * (action.times ?? 1) : action.type === 'top' ? -Infinity : Infinity;
  return { ...ui, helpOffset: Math.max(0, Math.min(maxOffset, ui.helpOffset + by)) };
}

/** `3n`: a step repeated until the count is spent or it reports a miss. */
function repeat(ui: UiState, n: number, step: (u: UiState) => UiState): UiState {
  let u = ui;
  for (let i = 0; i < n; i++) {
    u = step(u);
    if (u.note.startsWith('pattern not found') || u.note.startsWith('no search')) break;
  }
  return u;
}

/**
 * Keys on the picker: printable text goes to the query (as in fzf), Backspace erases, Esc clears the
 * query then goes back, Enter opens the version under the cursor; arrows, ^N ^P, PgUp PgDn move
 * (null: the normal command handles it).
 */
function onPickerKey(model: ReviewModel, ui: UiState, input: string, key: KeyInfo): UiState | null {
  const e = topEntry(ui);
  if (e.view.kind !== 'picker') return null;
  const query = e.view.query;
  const requery = (q: string) => moveFocused(model, withTop({ ...ui, note: '', count: 0 }, entry({ kind: 'picker', query: q })), { type: 'top' });
  if (key.return) {
    const row = screenFor(model, ui).panes[0]?.lines[(e.panes[0] ?? TOP).cursor];
    if (row?.target?.kind === 'pick') return { ...ui, chosen: row.target.index, quit: true };
    if (row?.target?.kind !== 'version') return { ...ui, note: 'no series matches' };
    return showVersion(model, ui, row.target.index);
  }
  // Esc on an empty query goes back; on the picker alone (pick mode) it leaves with nothing chosen.
  if (key.escape) return query ? requery('') : ui.stack.length > 1 ? { ...ui, stack: ui.stack.slice(0, -1) } : { ...ui, quit: true };
  if (key.backspace || key.delete) return requery(query.slice(0, -1));
  if (key.ctrl && input === 'c') return null;
  if (key.ctrl || key.meta || key.tab || input === '' || /[\x00-\x1f\x7f]/.test(input)) return null;
  return requery(query + input);
}

/** A digit of a count (`0` too once one has started: `20j`). */
function addDigit(ui: UiState, digit: string): UiState {
  const next = ui.count * 10 + Number(digit);
  return { ...ui, count: next > MAX_COUNT ? ui.count : next, note: '' };
}

function cycleFocus(screen: Screen, ui: UiState): UiState {
  const e = topEntry(ui);
  if (screen.panes.length < 2) return { ...ui, note: 'this view has one pane' };
  return withTop({ ...ui, note: '' }, { ...e, focus: (e.focus + 1) % screen.panes.length });
}

function onPrompt(model: ReviewModel, ui: UiState, input: string, key: KeyInfo): UiState {
  if (key.escape) return { ...ui, search: searchReducer(ui.search, { type: 'cancel' }) };
  if (key.return) return search(model, { ...ui, search: searchReducer(ui.search, { type: 'confirm' }) }, true);
  if (key.backspace || key.delete) return { ...ui, search: searchReducer(ui.search, { type: 'erase' }) };
  if (key.ctrl || key.meta || input === '' || /[\x00-\x1f\x7f]/.test(input)) return ui;
  return { ...ui, search: searchReducer(ui.search, { type: 'type', text: input }) };
}

/** The whole TUI's behaviour as one pure function of the model; useReview wraps it in useReducer. */
export function makeReviewReducer(model: ReviewModel): (ui: UiState, a: ReviewAction) => UiState {
  const reducer = (ui: UiState, a: ReviewAction): UiState => {
    switch (a.type) {
      case 'key': {
        // Keys typed faster than Ink reads arrive as one text run ("jj/pal\r"), which Ink reports as a
        // paste; its input parser already cut escape sequences (arrows, PgDn) out of such runs.
        if (a.input.length > 1 && isPlain(a.key)) return [...a.input].reduce((u, ch) => reducer(u, { type: 'key', input: ch, key: keyOfChar(ch) }), ui);
        if (ui.review?.compose) return onComposeKey(ui, a.input, a.key);
        if (awaitsAnswer(ui)) return onConfirmKey(ui, a.input);
        if (ui.search.typing) return onPrompt(model, ui, a.input, a.key);
        if (topEntry(ui).view.kind === 'picker' && !ui.help) {
          const picked = onPickerKey(model, ui, a.input, a.key);
          if (picked) return picked;
        }
        const command = commandFor(a.input, a.key);
        // An unbound key drops a pending count, as in vim.
        if (!command) return ui.count ? { ...ui, count: 0 } : ui;
        if (!ui.help && (command === 'count.digit' || (command === 'scroll.home' && ui.count > 0))) return addDigit(ui, a.input);
        // Esc (and Backspace) first forget a pending count; only then do they go back.
        if (command === 'view.back' && ui.count > 0) return { ...ui, count: 0, note: '' };
        // Then they let go of a comment being re-attached (src/present/tui/review/commands.ts).
        if (command === 'view.back' && !ui.help) { const released = letGo(ui); if (released) return released; }
        return withCarryNote(onCommand(model, { ...ui, note: '', count: 0 }, command, ui.count));
      }
      case 'command': return withCarryNote(onCommand(model, { ...ui, note: '', count: 0 }, a.command, a.count ?? ui.count));
      case 'note': return { ...ui, note: a.text };
      case 'resize': {
        if (a.size.columns === ui.size.columns && a.size.rows === ui.size.rows) return ui;
        // Every pane of the view is fitted (the unfocused ones are drawn too).
        const sized = { ...ui, size: a.size };
        const panes = screenFor(model, sized).panes.length;
        let fitted = sized;
        for (let i = 0; i < panes; i++) fitted = moveFocused(model, fitted, { type: 'fit' }, i);
        return fitted;
      }
      default: {
        const r = sliceReducer(sliceOf(ui), ui.version, a);
        return { ...ui, review: r.slice, note: r.note };
      }
    }
  };
  return reducer;
}

/** A text run, not a named key or a chord (shift alone is only an upper-case letter). */
function isPlain(key: KeyInfo): boolean {
  return !key.ctrl && !key.meta && !key.return && !key.escape && !key.tab && !key.backspace && !key.delete;
}

/** The named key a lone control character in a burst stands for (Ink names keys only when they arrive alone). */
export function keyOfChar(ch: string): KeyInfo {
  if (ch === '\r' || ch === '\n') return { return: true };
  if (ch === '\t') return { tab: true };
  if (ch === '\x7f' || ch === '\b') return { backspace: true };
  return {};
}
