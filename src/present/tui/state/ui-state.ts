import type { FindingsFilter } from './findings-list.js';
import type { ReviewSlice } from '../review/slice.js';

/** The screens a reviewer moves between; each is an entry on a stack, so Esc goes back. */
export type View =
  | { kind: 'series' }
  | { kind: 'patch'; patch: number }
  | { kind: 'findings' }
  | { kind: 'steps' }
  | { kind: 'trace'; sequence: number; step: number; trace: number }
  /** Comments of an older version that found no place in this one (`u`): re-attach or drop them. */
  | { kind: 'unmatched' }
  /** Choose one series of many (an archive, a folder of threads): typed text filters fuzzily. */
  | { kind: 'picker'; query: string };

/** Cursor row and first visible row of one pane. */
export interface ListState {
  cursor: number;
  offset: number;
  /** First column shown of long lines (h/l in the patch view); missing means 0. */
  col?: number;
}

export interface ViewEntry {
  view: View;
  /** Index of the focused pane. */
  focus: number;
  /** Per pane; a missing entry is the top. */
  panes: ListState[];
}

export interface SearchState {
  /** True while the `/` prompt takes keys. */
  typing: boolean;
  draft: string;
  /** The last confirmed query, for n/N. */
  query: string;
}

export interface TermSize {
  columns: number;
  rows: number;
}

export interface UiState {
  /** Index into `set.series` of the version shown. */
  version: number;
  stack: ViewEntry[];
  help: boolean;
  /** First key the help shows when they do not all fit. */
  helpOffset: number;
  search: SearchState;
  filter: FindingsFilter;
  size: TermSize;
  /** One-line feedback in the status line ("pattern not found"). */
  note: string;
  /** The count typed so far (`21` of `21j`); 0 when none is pending. */
  count: number;
  quit: boolean;
  /** Text to copy to the clipboard (the App does it, then says how on the status line); `id` tells two yanks apart. */
  yank: { text: string; what: string; id: number } | null;
  /** Pick mode: the entry chosen (`ReviewData.picks` index), set as the TUI quits. */
  chosen?: number;
  /** The reviewer's comments and trailers, and what is being typed (src/present/tui/review); absent: nothing yet. */
  review?: ReviewSlice;
}

export const TOP: ListState = { cursor: 0, offset: 0 };

export function entry(view: View, panes: ListState[] = [], focus = 0): ViewEntry {
  return { view, focus, panes };
}

export function topEntry(ui: UiState): ViewEntry {
  return ui.stack[ui.stack.length - 1]!;
}
