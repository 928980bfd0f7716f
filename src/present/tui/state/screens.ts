import { applyFilter, describeFilter, findingTypes } from './findings-list.js';
import { clean, line, BLANK, type DocLine } from './lines.js';
import type { ReviewModel } from './model.js';
import { seriesColumns, seriesColumnsLine, seriesHeader } from './series-rows.js';
import { proposedSequence, seriesWideFindings } from './lookups.js';
import { traceStateRows, traceStepRows } from './trace-doc.js';
import { wrapDoc } from './wrap.js';
import { TOP, topEntry, type TermSize, type UiState, type ViewEntry } from './ui-state.js';
import { unmatchedListRows, unmatchedRows, withReviewColumn, withReviewRows } from '../review/doc.js';
import { reviewOf, sliceOf } from '../review/slice.js';

export interface PaneDef {
  id: string;
  title: string;
  /** Fixed rows above the list (column headings). */
  header: DocLine[];
  lines: readonly DocLine[];
  /** Share of the width in a column layout. */
  width?: number;
  /** Fixed height in a stack layout; the pane without one takes the rest. */
  rows?: number;
  /** The row a count addresses (`21G`); without it, line n counted from 1 as the status line does. */
  countRow?: (n: number) => number;
  /** The status line's place in this pane for a cursor row; without it `title row/rows`. */
  position?: (cursor: number) => string;
}

/** What one view shows: fixed header rows, then panes side by side ('columns'), one above the other, each under its title ('stack'), or one at a time ('tabs'). */
export interface Screen {
  crumb: string;
  header: DocLine[];
  layout: 'columns' | 'tabs' | 'stack';
  panes: PaneDef[];
}

/** Rows of the version selector above the patch list. */
export const VERSION_ROWS = 4;

function seriesScreen(model: ReviewModel, ui: UiState): Screen {
  const s = model.series(ui.version);
  if (!s) {
    const header = [line([['No patch series found in the input.', 'warning']])];
    return { crumb: 'series', header, layout: 'columns', panes: [{ id: 'patches', title: 'patches', header: [], lines: [] }] };
  }
  // The "you" column: what the reviewer has written on each patch (src/present/tui/review).
  const { header: columns, rows } = withReviewColumn([seriesColumnsLine(seriesColumns(model.data, s))], model.seriesRows(ui.version), reviewOf(sliceOf(ui), ui.version));
  const patches: PaneDef = {
    id: 'patches', title: 'patches', header: columns, lines: rows, countRow: (n) => numberedRow(rows, n),
    // Patches are counted as the subjects count them: the cover is not one of them (it was `24/27` on patch 23).
    position: (cursor) => {
      const t = rows[cursor]?.target;
      if (t?.kind !== 'patch') return '';
      return t.patch === 0 ? `cover of ${s.total} patches` : `patch ${t.patch}/${s.total}`;
    },
  };
  const versions = model.versionRows();
  const panes = versions.length > 1
    ? [{ id: 'versions', title: 'versions (Enter selects)', header: [], lines: versions, rows: Math.min(VERSION_ROWS, versions.length) }, patches]
    : [patches];
  const { data } = model;
  const header = seriesHeader(s, data.set, proposedSequence(data)?.name, seriesWideFindings(data.findings).length);
  const unmatched = unmatchedRows(sliceOf(ui).unmatched?.[ui.version]);
  return { crumb: `v${s.version}`, header: [...header, ...unmatched, BLANK], layout: 'stack', panes };
}

/** `21G` on the patch list: the row numbered 21 (the cover is 00), else the next patch after a gap, else the last. */
function numberedRow(rows: readonly DocLine[], n: number): number {
  const i = rows.findIndex((r) => r.target?.kind === 'patch' && r.target.patch >= n);
  return i >= 0 ? i : rows.length - 1;
}

function patchScreen(model: ReviewModel, ui: UiState, patch: number): Screen {
  const s = model.series(ui.version);
  const n = model.replyCount(ui.version, patch);
  return {
    crumb: `v${s?.version ?? '?'} › ${patch === 0 ? 'cover' : `${patch}/${s?.total ?? '?'}`}`,
    header: [],
    layout: 'tabs',
    panes: [
      { id: 'diff', title: patch === 0 ? 'cover letter' : 'message + diff', header: [], lines: patchLines(model, ui, patch) },
      { id: 'replies', title: `replies (${n})`, header: [], lines: model.replies(ui.version, patch) },
    ],
  };
}

/** The patch document with the reviewer's comments and trailers in it (src/present/tui/review/doc.ts). */
function patchLines(model: ReviewModel, ui: UiState, patch: number): DocLine[] {
  const s = model.series(ui.version);
  const m = patch === 0 ? s?.cover ?? undefined : s?.patches.find((p) => p.index === patch);
  return withReviewRows(model.doc(ui.version, patch), m, patch, reviewOf(sliceOf(ui), ui.version));
}

function findingsScreen(model: ReviewModel, ui: UiState): Screen {
  const all = model.data.findings;
  const shown = applyFilter(all, ui.filter).length;
  const types = findingTypes(all).length;
  return {
    crumb: 'findings',
    header: [line([['Findings  ', 'title'], [describeFilter(ui.filter, shown, all.length), 'dim'], [`  ${types} types`, 'dim']]), BLANK],
    layout: 'columns',
    panes: [{ id: 'findings', title: 'findings', header: [], lines: model.findingRows(ui.filter) }],
  };
}

function traceScreen(model: ReviewModel, e: ViewEntry, sequence: number, step: number, index: number): Screen {
  const trace = model.trace(sequence, step, index);
  const seq = model.data.verify?.sequences[sequence];
  const title = `Counterexample: ${seq?.name ?? '?'} › step ${step + 1}${trace?.scope ? ` › ${trace.scope}` : ''}`;
  if (!trace) return { crumb: 'trace', header: [line([['No counterexample here.', 'dim']])], layout: 'columns', panes: [] };
  const at = (e.panes[0] ?? TOP).cursor;
  return {
    crumb: `steps › trace`,
    header: [line([[clean(title), 'title']]), BLANK],
    layout: 'columns',
    panes: [
      { id: 'trace', title: 'operations', header: [], lines: traceStepRows(trace), width: 0.4 },
      { id: 'state', title: 'model state', header: [], lines: traceStateRows(trace, at) },
    ],
  };
}

function pickerScreen(model: ReviewModel, query: string): Screen {
  const rows = model.pickerRows(query);
  const total = model.pickerTotal();
  const header = [
    line([['Pick a series  ', 'title'], ['type to filter (subject, author, Message-ID) · ↑↓ ^N ^P move · Enter opens · Esc clears', 'dim']]),
    line([['› ', 'accent'], [clean(query), 'plain'], ['▏', 'accent'], [`   ${rows.length} of ${total} versions`, 'dim']]),
    BLANK,
  ];
  return { crumb: 'pick', header, layout: 'columns', panes: [{ id: 'picker', title: 'series', header: [], lines: rows }] };
}

function unmatchedScreen(ui: UiState): Screen {
  const rows = unmatchedListRows(sliceOf(ui).unmatched?.[ui.version]);
  const header = [
    line([['Comments with no place in this version  ', 'title'], ['Enter/c takes one (then c on a line puts it there) · d drops one · Esc back', 'dim']]),
    BLANK,
  ];
  return { crumb: 'unmatched', header, layout: 'columns', panes: [{ id: 'unmatched', title: 'unmatched', header: [], lines: rows }] };
}

/** The view on top of the stack, its prose rows wrapped to the width each pane is drawn in (cached). */
export function screenFor(model: ReviewModel, ui: UiState): Screen {
  const screen = rawScreen(model, ui);
  const panes = screen.panes.map((p, i) => {
    const lines = wrapDoc(p.lines, paneWidth(screen, i, ui.size) - 1);
    return lines === p.lines ? p : { ...p, lines };
  });
  return { ...screen, panes };
}

function rawScreen(model: ReviewModel, ui: UiState): Screen {
  const e = topEntry(ui);
  const v = e.view;
  switch (v.kind) {
    case 'series': return seriesScreen(model, ui);
    case 'patch': return patchScreen(model, ui, v.patch);
    case 'findings': return findingsScreen(model, ui);
    case 'steps': return { crumb: 'steps', header: [line([['Landing sequences against the reference model', 'title']]), BLANK], layout: 'columns', panes: [{ id: 'steps', title: 'steps', header: [], lines: model.stepsDoc() }] };
    case 'trace': return traceScreen(model, e, v.sequence, v.step, v.trace);
    case 'picker': return pickerScreen(model, v.query);
    case 'unmatched': return unmatchedScreen(ui);
  }
}

/** Where the cursor is, for the status line: `patch 23/26`, `message + diff 120/3400`. */
export function positionText(screen: Screen, e: ViewEntry): string {
  const pane = screen.panes[e.focus];
  if (!pane) return '';
  const { cursor } = e.panes[e.focus] ?? TOP;
  return pane.position ? pane.position(cursor) : `${pane.title} ${Math.min(cursor + 1, pane.lines.length)}/${pane.lines.length}`;
}

/** Each pane's width in a column layout: fixed shares first, the rest split evenly. */
export function columnWidths(screen: Screen, total: number): number[] {
  const fixed = screen.panes.map((p) => (p.width ? Math.floor(total * p.width) : 0));
  const rest = total - fixed.reduce((a, b) => a + b, 0);
  const flexible = screen.panes.filter((p) => !p.width).length;
  return fixed.map((w) => (w > 0 ? w : Math.floor(rest / Math.max(1, flexible))));
}

/** Columns a pane is drawn in: the whole terminal unless the panes stand side by side. */
export function paneWidth(screen: Screen, index: number, size: TermSize): number {
  return screen.layout === 'columns' ? columnWidths(screen, size.columns)[index] ?? size.columns : size.columns;
}

/** Rows a pane can show: the terminal minus header, title bars, pane headings, other panes and the status line. */
export function paneHeight(screen: Screen, pane: PaneDef | undefined, size: TermSize): number {
  const status = 1;
  const own = pane?.header.length ?? 0;
  if (screen.layout === 'stack') {
    if (pane?.rows !== undefined) return pane.rows;
    const others = screen.panes.filter((p) => p !== pane).reduce((n, p) => n + (p.rows ?? 0) + p.header.length, 0);
    const bars = screen.panes.length > 1 ? screen.panes.length : 0;
    return Math.max(1, size.rows - screen.header.length - bars - others - own - status);
  }
  const bar = screen.layout === 'tabs' || screen.panes.length > 1 ? 1 : 0;
  return Math.max(1, size.rows - screen.header.length - bar - own - status);
}
