import { describe, it, expect } from 'vitest';
import type { Command } from '../keys.js';
import { createModel } from '../state/model.js';
import { paneHeight, screenFor } from '../state/screens.js';
import { topEntry, type UiState } from '../state/ui-state.js';
import { reviewData } from '../testing/review-data.test-util.js';
import { initialUi, makeReviewReducer, MAX_COUNT, type ReviewAction } from './reviewReducer.js';

const model = createModel(reviewData());
const reduce = makeReviewReducer(model);
const start = initialUi({ columns: 100, rows: 24 }, model);
const cmd = (ui: UiState, ...commands: Command[]) => commands.reduce((u, command) => reduce(u, { type: 'command', command }), ui);
const keys = (ui: UiState, text: string) => [...text].reduce((u, ch) => reduce(u, { type: 'key', input: ch, key: {} } as ReviewAction), ui);
const top = (ui: UiState) => topEntry(ui);
const cursorRow = (ui: UiState) => {
  const e = top(ui);
  return screenFor(model, ui).panes[e.focus]!.lines[e.panes[e.focus]?.cursor ?? 0]!.text;
};

describe('reviewReducer', () => {
  it('opens the patch under the cursor and goes back to the same row', () => {
    // Two versions: the selector sits above the patches, which have the focus.
    let ui = cmd(start, 'nav.down', 'nav.down', 'nav.open');
    expect(top(ui).view).toEqual({ kind: 'patch', patch: 2 });
    ui = cmd(ui, 'view.back');
    expect(top(ui).view).toEqual({ kind: 'series' });
    expect(cursorRow(ui)).toContain('Add the SGT DMA mapping type');
  });

  it('steps through patches with [ and ], stopping at the ends', () => {
    let ui = cmd(start, 'nav.down', 'nav.open', 'patch.next', 'patch.next');
    expect(top(ui).view).toEqual({ kind: 'patch', patch: 3 });
    ui = cmd(ui, 'patch.next');
    expect(ui.note).toBe('last patch');
    expect(top(cmd(ui, 'patch.prev', 'patch.prev', 'patch.prev')).view).toEqual({ kind: 'patch', patch: 0 });
  });

  it('q goes back and quits only on the first view; Esc never quits', () => {
    const inPatch = cmd(start, 'nav.open');
    expect(cmd(inPatch, 'view.close').quit).toBe(false);
    expect(cmd(inPatch, 'view.close', 'view.close').quit).toBe(true);
    expect(cmd(start, 'view.back').quit).toBe(false);
    expect(cmd(start, 'app.quit').quit).toBe(true);
  });

  it('searches the focused pane with / and repeats with n and N', () => {
    let ui = keys(start, '/');
    expect(ui.search.typing).toBe(true);
    ui = keys(ui, 'mapping');
    ui = reduce(ui, { type: 'key', input: '\r', key: { return: true } });
    expect(cursorRow(ui)).toContain('Introduce DMA-buf mapping types');
    ui = keys(ui, 'n');
    expect(cursorRow(ui)).toContain('Add the SGT DMA mapping type');
    ui = keys(ui, 'N');
    expect(cursorRow(ui)).toContain('Introduce DMA-buf mapping types');
    ui = keys(ui, '/zzzz');
    ui = reduce(ui, { type: 'key', input: '\r', key: { return: true } });
    expect(ui.note).toBe('pattern not found: zzzz');
  });

  it('filters findings by level and jumps from a finding to its line in the patch', () => {
    let ui = cmd(start, 'view.findings');
    expect(screenFor(model, ui).panes[0]!.lines).toHaveLength(3);
    ui = cmd(ui, 'filter.level', 'filter.level');
    const rows = screenFor(model, ui).panes[0]!.lines;
    expect(rows.map((r) => r.text.slice(0, 2))).toEqual(['W ']);
    ui = cmd(ui, 'nav.open');
    expect(top(ui).view).toEqual({ kind: 'patch', patch: 2 });
    expect(screenFor(model, ui).panes[0]!.lines[top(ui).panes[0]!.cursor]!.bodyLine).toBe(40);
  });

  it('jumps from a finding that names only a file line (bisect) to that line of the diff', () => {
    const data = reviewData();
    data.findings = [{ id: 'bisect-undefined-symbol', severity: 'warning', where: { patch: 3, file: 'include/linux/dma-buf-mapping.h', line: 3 }, message: 'fn3_1 undefined' }];
    const m = createModel(data);
    const r = makeReviewReducer(m);
    const ui = [{ type: 'command', command: 'view.findings' }, { type: 'command', command: 'nav.open' }]
      .reduce((u, a) => r(u, a as ReviewAction), initialUi({ columns: 100, rows: 24 }, m));
    const e = top(ui);
    expect(e.view).toEqual({ kind: 'patch', patch: 3 });
    expect(screenFor(m, ui).panes[0]!.lines[e.panes[0]!.cursor]!.text).toBe('+int fn3_1(void);');
  });

  it('opens a counterexample from the steps view and walks its trace', () => {
    let ui = cmd(start, 'view.steps');
    const lines = screenFor(model, ui).panes[0]!.lines;
    const at = lines.findIndex((l) => l.target?.kind === 'trace');
    ui = cmd(ui, ...Array<Command>(at).fill('nav.down'), 'nav.open');
    expect(top(ui).view).toEqual({ kind: 'trace', sequence: 0, step: 1, trace: 0 });
    expect(screenFor(model, ui).panes[1]!.lines[0]!.text).toContain('State after 1. attach');
    ui = cmd(ui, 'nav.down');
    const state = screenFor(model, ui).panes[1]!.lines.map((l) => l.text);
    expect(state[0]).toContain('State after 2. map');
    expect(state).toContain('* mappings: pal [0x1000+0x2000]');
    expect(state).toContain('  attachments: vfio-pci→iommufd');
  });

  it('switches version from the selector and from v', () => {
    let ui = cmd(start, 'pane.next', 'nav.down', 'nav.open');
    expect(ui.version).toBe(1);
    expect(top(ui).focus).toBe(1);
    ui = cmd(ui, 'version.next');
    expect(ui.version).toBe(0);
  });

  it('takes a burst of keys that arrived as one chunk as separate presses', () => {
    const ui = reduce(start, { type: 'key', input: 'jj/SGT', key: {} });
    expect(top(ui).panes[1]).toEqual({ cursor: 2, offset: 0 });
    expect(ui.search).toEqual({ typing: true, draft: 'SGT', query: '' });
    const confirmed = reduce(start, { type: 'key', input: '/SGT\r\t', key: {} });
    expect(confirmed.search).toEqual({ typing: false, draft: '', query: 'SGT' });
    expect(cursorRow({ ...confirmed, stack: [{ ...top(confirmed), focus: 1 }] })).toContain('Add the SGT DMA mapping type');
    expect(top(confirmed).focus).toBe(0);
  });

  it('toggles help, and any key that does not scroll it closes it without acting', () => {
    // j/k and the page keys scroll the help when its keys do not all fit (the reviewer's keys made
    // the list longer than a 24-row screen), so Enter is the key that must close it and open nothing.
    const ui = cmd(start, 'help.toggle');
    expect(ui.help).toBe(true);
    const after = cmd(ui, 'nav.open');
    expect(after.help).toBe(false);
    expect(top(after).panes[1]).toBeUndefined();
    expect(top(after).view).toEqual(top(ui).view);
  });

  it('Tab in the patch view moves between the diff and its replies; Enter on a reply finds it inline', () => {
    let ui = cmd(start, 'nav.bottom', 'nav.open', 'pane.next');
    expect(screenFor(model, ui).panes[1]!.title).toBe('replies (2)');
    ui = cmd(ui, 'search.start');
    ui = keys(ui, 'Jason');
    ui = reduce(ui, { type: 'key', input: '\r', key: { return: true } });
    ui = cmd(ui, 'nav.open');
    expect(top(ui).focus).toBe(0);
    expect(cursorRow(ui)).toContain('Jason Gunthorpe');
    const next = screenFor(model, ui).panes[0]!.lines[top(ui).panes[0]!.cursor + 1]!.text;
    expect(next).toContain('A converter in the core');
  });

  it('keeps the cursor visible when the terminal shrinks', () => {
    let ui = cmd(start, 'nav.down', 'nav.down', 'nav.open', 'nav.bottom');
    ui = reduce(ui, { type: 'resize', size: { columns: 80, rows: 8 } });
    const p = top(ui).panes[0]!;
    expect(p.cursor - p.offset).toBeLessThan(8);
    expect(p.cursor).toBe(screenFor(model, ui).panes[0]!.lines.length - 1);
    expect(p.offset).toBeGreaterThan(0);
  });

  it('repeats a motion by the count typed before it, shown until used', () => {
    let ui = keys(start, '2');
    expect(ui.count).toBe(2);
    expect(top(ui).panes[1]).toBeUndefined();
    ui = keys(ui, 'j');
    expect(ui.count).toBe(0);
    expect(cursorRow(ui)).toContain('Add the SGT DMA mapping type');
    expect(cursorRow(keys(ui, '2k'))).toContain('cover:');
    // 0 extends a count once one has started (10j), and a long count ends on the last row.
    expect(keys(start, '10').count).toBe(10);
    expect(cursorRow(keys(start, '10j'))).toContain('Add the Physical Address List');
  });

  it('takes a count in a burst of keys that arrived as one chunk', () => {
    const ui = reduce(start, { type: 'key', input: '3j', key: {} });
    expect(cursorRow(ui)).toContain('Add the Physical Address List');
  });

  it('Esc drops a pending count without going back; an unbound key drops it too', () => {
    const inPatch = cmd(start, 'nav.open');
    let ui = keys(inPatch, '12');
    ui = reduce(ui, { type: 'key', input: '', key: { escape: true } });
    expect(ui.count).toBe(0);
    expect(top(ui).view.kind).toBe('patch');
    expect(top(keys(ui, 'j')).panes[0]!.cursor).toBe(1);
    expect(keys(inPatch, '12z').count).toBe(0);
    expect(top(keys(keys(inPatch, '12z'), 'j')).panes[0]!.cursor).toBe(1);
  });

  it('stops a count growing past MAX_COUNT', () => {
    expect(keys(start, '99999999').count).toBe(999_999);
    expect(MAX_COUNT).toBe(999_999);
  });

  it('NG and Ng go to patch N in the series view (the cover is 00), to line N elsewhere', () => {
    expect(top(keys(start, '2G')).panes[1]!.cursor).toBe(2);
    expect(cursorRow(keys(start, '2G'))).toContain('Add the SGT DMA mapping type');
    expect(cursorRow(keys(start, '3g'))).toContain('Add the Physical Address List');
    // 0 starts no count (it is "column 0"), so 0G is plain G: the last row.
    expect(cursorRow(keys(start, '0G'))).toContain('Add the Physical Address List');
    expect(keys(start, '0').count).toBe(0);
    expect(cursorRow(keys(start, '9G'))).toContain('Add the Physical Address List');
    const patch = keys(cmd(start, 'nav.bottom', 'nav.open'), '2G');
    expect(top(patch).panes[0]!.cursor).toBe(1);
    expect(cursorRow(patch)).toMatch(/^From: /);
  });

  it('N] and N[ move N patches, stopping at the last or first with a note', () => {
    let ui = keys(cmd(start, 'nav.open'), '2]');
    expect(top(ui).view).toEqual({ kind: 'patch', patch: 2 });
    expect(ui.note).toBe('');
    ui = keys(ui, '5]');
    expect(top(ui).view).toEqual({ kind: 'patch', patch: 3 });
    expect(ui.note).toBe('last patch');
    ui = keys(ui, '3[');
    expect(top(ui).view).toEqual({ kind: 'patch', patch: 0 });
  });

  it('h, l and 0 scroll the patch view sideways by 8 columns, the column shown in the position', () => {
    let ui = cmd(start, 'nav.bottom', 'nav.open');
    ui = reduce(ui, { type: 'resize', size: { columns: 40, rows: 24 } });
    const col = (u: UiState) => top(u).panes[0]?.col ?? 0;
    ui = keys(ui, 'l');
    expect(col(ui)).toBe(8);
    ui = reduce(ui, { type: 'key', input: '', key: { rightArrow: true } });
    expect(col(ui)).toBe(16);
    ui = keys(ui, '2h');
    expect(col(ui)).toBe(0);
    // Right stops where the longest row in view (the model's verdict line) ends in the 39 columns after the gutter.
    const screen = screenFor(model, ui);
    const longest = Math.max(...screen.panes[0]!.lines.slice(0, paneHeight(screen, screen.panes[0], ui.size)).map((l) => l.text.length));
    expect(longest).toBeGreaterThan(78);
    ui = keys(ui, '99l');
    expect(col(ui)).toBe(longest - 39);
    expect(keys(ui, 'l').note).toBe('the visible lines end here');
    expect(col(keys(ui, 'j'))).toBe(longest - 39);
    expect(col(keys(ui, '0'))).toBe(0);
    expect(col(reduce(ui, { type: 'key', input: '', key: { leftArrow: true } }))).toBe(longest - 39 - 8);
  });

  it('h and l outside the patch view say where they work and move nothing', () => {
    const ui = keys(start, 'l');
    expect(ui.note).toBe('h, l and 0 scroll long lines in the patch view');
    expect(top(ui).panes).toEqual(top(start).panes);
  });

  it('a digit while the help is open closes it and starts no count', () => {
    const ui = keys(cmd(start, 'help.toggle'), '2');
    expect(ui.help).toBe(false);
    expect(ui.count).toBe(0);
  });
});

describe('the version selector (issue 17, bug 6)', () => {
  it('keeps its cursor on the version shown when v moves to the next one, and wraps', () => {
    let ui = cmd(start, 'version.next');
    expect(ui.version).toBe(1);
    expect(top(ui).panes[0]?.cursor).toBe(1);
    expect(screenFor(model, ui).panes[0]!.lines[1]!.text).toMatch(/^v2 /);
    ui = cmd(ui, 'version.next');
    expect(ui.version).toBe(0);
    expect(top(ui).panes[0]?.cursor).toBe(0);
  });
});
