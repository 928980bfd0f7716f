import type { ReviewModel } from '../state/model.js';
import { maxColumn } from '../state/hscroll.js';
import { paneHeight, paneWidth, screenFor } from '../state/screens.js';
import { TOP, topEntry, type UiState, type ViewEntry } from '../state/ui-state.js';
import { listReducer, type ListAction } from './listReducer.js';

/** Replace the top entry of the stack. */
export function withTop(ui: UiState, e: ViewEntry): UiState {
  return { ...ui, stack: [...ui.stack.slice(0, -1), e] };
}

/** Apply a list action to the focused pane of the top view, bounded by what the screen shows. */
export function moveFocused(model: ReviewModel, ui: UiState, action: ListAction, pane?: number): UiState {
  const screen = screenFor(model, ui);
  const e = topEntry(ui);
  const i = pane ?? e.focus;
  const def = screen.panes[i];
  if (!def) return ui;
  const height = paneHeight(screen, def, ui.size);
  const state = e.panes[i] ?? TOP;
  // Only a sideways scroll looks at line lengths, and only at the visible rows (one gutter column).
  const maxCol = action.type === 'scroll'
    ? maxColumn(def.lines.slice(state.offset, state.offset + height), paneWidth(screen, i, ui.size) - 1)
    : undefined;
  const bounds = maxCol === undefined ? { count: def.lines.length, height } : { count: def.lines.length, height, maxCol };
  const panes = [...e.panes];
  panes[i] = listReducer(state, { ...action, bounds });
  return withTop(ui, { ...e, panes });
}

