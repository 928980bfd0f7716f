import type { TermSize } from './ui-state.js';

/** Without a terminal (pipes, test doubles) Ink reports no rows: assume a classic 80x24 screen. */
export const DEFAULT_SIZE: TermSize = { columns: 80, rows: 24 };

export function readSize(stream: { columns?: number; rows?: number }): TermSize {
  return { columns: stream.columns || DEFAULT_SIZE.columns, rows: stream.rows || DEFAULT_SIZE.rows };
}

/** Keeps the old object when nothing changed, so a spurious 'resize' costs no render. */
export function sizeReducer(old: TermSize, next: TermSize): TermSize {
  return old.columns === next.columns && old.rows === next.rows ? old : next;
}

/**
 * The size to draw in: one row less than the terminal, because Ink clears the whole terminal on
 * every frame once the output fills it (ink.js "isFullscreen"), which flickers and eats scrollback.
 */
export function drawableSize(term: TermSize): TermSize {
  return { columns: term.columns, rows: Math.max(3, term.rows - 1) };
}
