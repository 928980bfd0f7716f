import { commandFor, type Command, type KeyInfo } from '../keys.js';
import { findingTypes, NO_FILTER } from '../state/findings-list.js';
import type { ReviewModel } from '../state/model.js';
import { findMatch } from '../state/search.js';
import { screenFor, type Screen } from '../state/screens.js';
import { entry, TOP, topEntry, type TermSize, type UiState, type View } from '../state/ui-state.js';
import { filterReducer } from './filterReducer.js';
import type { ListAction } from './listReducer.js';
import { moveFocused, withTop } from './paneMoves.js';
import { openTarget } from './openTarget.js';
import { IDLE_SEARCH, searchReducer } from './searchReducer.js';

export type ReviewAction =
  /** A key press: a command in normal mode, text while the search prompt is open. */
  | { type: 'key'; input: string; key: KeyInfo }
  | { type: 'command'; command: Command }
  | { type: 'resize'; size: TermSize };

/** The series view, focused on its patch list (the version selector, when shown, is the pane above it). */
export function seriesEntry(model: ReviewModel) {
  return entry({ kind: 'series' }, [], model.data.set.series.length > 1 ? 1 : 0);
}

export function initialUi(size: TermSize, model: ReviewModel): UiState {
  return { version: 0, stack: [seriesEntry(model)], help: false, search: IDLE_SEARCH, filter: NO_FILTER, size, note: '', quit: false };
}

const LIST_MOVES: Partial<Record<Command, ListAction>> = {
  'nav.down': { type: 'move', delta: 1 }, 'nav.up': { type: 'move', delta: -1 },
  'nav.pageDown': { type: 'page', dir: 1 }, 'nav.pageUp': { type: 'page', dir: -1 },
  'nav.top': { type: 'top' }, 'nav.bottom': { type: 'bottom' },
};

function pushView(ui: UiState, view: View): UiState {
  if (topEntry(ui).view.kind === view.kind && view.kind !== 'patch') return ui;
  return { ...ui, stack: [...ui.stack, entry(view)], note: '' };
}

function stepPatch(model: ReviewModel, ui: UiState, dir: 1 | -1): UiState {
  const e = topEntry(ui);
  if (e.view.kind !== 'patch') return { ...ui, note: '[ and ] move between patches in the patch view' };
  const list = model.openable(ui.version);
  const next = list[list.indexOf(e.view.patch) + dir];
  if (next === undefined) return { ...ui, note: dir > 0 ? 'last patch' : 'first patch' };
  return { ...withTop(ui, entry({ kind: 'patch', patch: next }, [], e.focus)), note: '' };
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
  if (topEntry(ui).view.kind !== 'findings') return { ...ui, note: 'e and t filter the findings view (2)' };
  const action = command === 'filter.level' ? { type: 'level' as const } : { type: 'type' as const, types: findingTypes(model.data.findings) };
  return withTop({ ...ui, filter: filterReducer(ui.filter, action) }, entry({ kind: 'findings' }));
}

function onCommand(model: ReviewModel, ui: UiState, command: Command): UiState {
  const move = LIST_MOVES[command];
  if (ui.help && command !== 'app.quit' && command !== 'help.toggle') return back(ui, false);
  if (move) return moveFocused(model, ui, move);
  switch (command) {
    case 'nav.open': return openTarget(model, ui);
    case 'view.back': return back(ui, false);
    case 'view.close': return back(ui, true);
    case 'app.quit': return { ...ui, quit: true };
    case 'pane.next': return cycleFocus(screenFor(model, ui), ui);
    case 'search.start': return { ...ui, search: searchReducer(ui.search, { type: 'start' }), note: '' };
    case 'search.next': return search(model, ui, true);
    case 'search.prev': return search(model, ui, false);
    case 'help.toggle': return { ...ui, help: !ui.help };
    case 'patch.prev': return stepPatch(model, ui, -1);
    case 'patch.next': return stepPatch(model, ui, 1);
    case 'view.series': return { ...ui, stack: ui.stack.slice(0, 1), note: '' };
    case 'view.findings': return pushView(ui, { kind: 'findings' });
    case 'view.steps': return pushView(ui, { kind: 'steps' });
    case 'filter.level': case 'filter.type': return refilter(model, ui, command);
    case 'version.next': return { ...ui, version: (ui.version + 1) % Math.max(1, model.data.set.series.length), stack: [seriesEntry(model)] };
    default: return ui;
  }
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
        if (ui.search.typing) return onPrompt(model, ui, a.input, a.key);
        const command = commandFor(a.input, a.key);
        return command ? onCommand(model, { ...ui, note: '' }, command) : ui;
      }
      case 'command': return onCommand(model, { ...ui, note: '' }, a.command);
      case 'resize': {
        const sized = { ...ui, size: a.size };
        return moveFocused(model, sized, { type: 'fit' });
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
