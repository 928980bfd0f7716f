/**
 * The first frame as plain terminal text, drawn before Ink and React are loaded (they take most of
 * the start-up: ~5x a bare `node -e 0`). It is built from the same pure screen model the Ink views
 * draw (screens.ts, the same rows, heights and status line), so when Ink takes over a moment later
 * the picture does not move. This module imports nothing of Ink or React.
 */
import type { ReviewData } from './data.js';
import { initialUi } from './hooks/reviewReducer.js';
import { createModel, type ReviewModel } from './state/model.js';
import type { DocLine, Style } from './state/lines.js';
import { paneHeight, positionText, screenFor } from './state/screens.js';
import { TOP, topEntry, type TermSize, type UiState } from './state/ui-state.js';
import { THEME } from './components/theme.js';

const COLOURS: Record<string, number> = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90 };

/** SGR codes for a style, as Ink draws THEME (chalk's colour numbers). */
function sgr(style: Style): string {
  const t = THEME[style];
  const codes = [t.bold ? 1 : 0, t.dimColor ? 2 : 0, t.italic ? 3 : 0, t.color ? COLOURS[t.color] ?? 0 : 0].filter((c) => c > 0);
  return codes.length ? `\x1b[${codes.join(';')}m` : '';
}

/** One row as Row.tsx draws it: a gutter column, then the segments cut to the width. */
export function rowText(l: DocLine, width: number, cursor: 'none' | 'focused' | 'unfocused', colour: boolean): string {
  let left = Math.max(0, width - 1);
  const mark = cursor === 'focused' ? '›' : cursor === 'unfocused' ? '·' : ' ';
  let out = cursor === 'focused' && colour ? `\x1b[7m\x1b[36m${mark}\x1b[39m` : colour && mark !== ' ' ? `\x1b[36m${mark}\x1b[39m` : mark;
  for (const s of l.segs) {
    if (left <= 0) break;
    const text = s.text.length > left ? s.text.slice(0, left) : s.text;
    left -= text.length;
    const code = colour ? sgr(s.style) : '';
    out += code ? `${code}${text}\x1b[22;23;39m` : text;
  }
  if (cursor === 'focused') out += ' '.repeat(left) + (colour ? '\x1b[27m' : '');
  return out;
}

function bar(text: string, width: number, colour: boolean): string {
  const cut = text.length > width ? text.slice(0, width) : text;
  return colour ? `\x1b[7m${cut}\x1b[27m` : cut;
}

/** The screen's rows for `ui` (the series view at start), exactly `size.rows` of them. */
export function frameLines(model: ReviewModel, ui: UiState, colour: boolean): string[] {
  const { size } = ui;
  const screen = screenFor(model, ui);
  const e = topEntry(ui);
  const out: string[] = screen.header.map((h) => rowText(h, size.columns, 'none', colour));
  const panes = screen.layout === 'stack' ? screen.panes : screen.panes.filter((_, i) => i === e.focus);
  panes.forEach((p) => {
    const i = screen.panes.indexOf(p);
    if (screen.panes.length > 1) out.push(bar(` ${p.title} `, size.columns, colour && i === e.focus));
    for (const h of p.header) out.push(rowText(h, size.columns, 'none', colour));
    const st = e.panes[i] ?? TOP;
    const height = paneHeight(screen, p, size);
    p.lines.slice(st.offset, st.offset + height).forEach((l, k) => {
      out.push(rowText(l, size.columns, st.offset + k !== st.cursor ? 'none' : i === e.focus ? 'focused' : 'unfocused', colour));
    });
  });
  const position = positionText(screen, e);
  while (out.length < size.rows - 1) out.push('');
  out.length = Math.min(out.length, size.rows - 1);
  const status = ` patchscope › ${screen.crumb}  ${position} `.slice(0, size.columns);
  // StatusLine.tsx: the note sits at the right edge (space-between), help in its place when none.
  const note = ` ${ui.note || model.data.pending || '? help  q back  Q quit'}`.slice(0, Math.max(0, size.columns - status.length));
  const gap = ' '.repeat(Math.max(0, size.columns - status.length - note.length));
  const noteStyle = ui.note || model.data.pending ? '\x1b[33m' : '\x1b[2m';
  out.push(colour ? `\x1b[7m${status}\x1b[27m${gap}${noteStyle}${note}\x1b[22;39m` : `${status}${gap}${note}`);
  return out;
}

/** The start screen of `data` at `size` (the drawable size: one row less than the terminal). */
export function firstFrame(data: ReviewData, size: TermSize, colour = true): string {
  const model = createModel(data);
  return frameLines(model, initialUi(size, model), colour).join('\r\n');
}
