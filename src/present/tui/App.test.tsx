import { describe, it, expect, afterEach, beforeAll } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { loadSeriesSet } from '../../series/index.js';
import { runChecks } from '../../analysis/checks/index.js';
import type { ReviewData } from './data.js';
import { createModel } from './state/model.js';
import { renderApp, cursorLine, nextFrame, KEY } from './testing/render.test-util.js';
import { makeLargeSeries, makeSeries, makeSet } from './testing/fixtures.test-util.js';
import { reviewData } from './testing/review-data.test-util.js';
import { KEY_BINDINGS } from './keys.js';

process.env.FORCE_COLOR = '0';
afterEach(() => cleanup());

describe('series view', () => {
  it('shows the cover summary, the version selector and one row per patch', async () => {
    const app = await renderApp(reviewData());
    const f = app.frame();
    expect(f).toContain('Add DMA-buf mapping types and convert vfio/iommufd to use them  [RFC v1]');
    expect(f).toContain(' versions (Enter selects)');
    expect(f).toMatch(/v1 RFC 3p/);
    expect(f).toMatch(/03 +\+3\/−1 +R· A· T· ✉2 +1 · +✗ +S2 +✗ HIDE_PHYS +dma-buf: Add the Physical/);
    expect(f.split('\n').at(-1)).toMatch(/patchscope › v1 +cover of 3 patches/);
  });

  it('switches version with Enter in the selector', async () => {
    const app = await renderApp(reviewData());
    await app.press(KEY.tab, 'j', KEY.enter);
    expect(app.frame()).toContain('[RFC v2]');
    expect(app.frame()).not.toContain('Physical Address List');
  });
});

describe('patch view', () => {
  it('opens a patch with its message, diff and inline reply; ] and [ move between patches', async () => {
    const app = await renderApp(reviewData());
    await app.press('G', KEY.enter);
    let f = app.frame();
    expect(f).toContain('[PATCH RFC 03/3] dma-buf: Add the Physical Address List DMA mapping type');
    expect(f).toContain('Signed-off-by: Jason Gunthorpe <jgg@nvidia.com>');
    expect(f).toContain('bisect: ✗ breaks the build: undefined symbol');
    expect(f).toContain('landing step: S2 PAL exporter');
    await app.press('/', 'f', 'n', '3', '_', '1', KEY.enter);
    f = app.frame();
    expect(f).toContain('@@ -1,2 +1,4 @@ struct dma_buf_mapping_type');
    expect(f).toMatch(/\+int fn3_1\(void\);\n +┌ Jason Gunthorpe .*\n +│ A converter in the core/);
    expect(f).toContain('patchscope › v1 › 3/3');
    await app.press('[');
    f = app.frame();
    expect(f).toContain('[PATCH RFC 02/3] dma-buf: Add the SGT DMA mapping type');
    await app.press(']');
    expect(app.frame()).toContain('[PATCH RFC 03/3]');
  });

  it('Tab opens the replies pane with every reply in thread order', async () => {
    const app = await renderApp(reviewData());
    await app.press('G', KEY.enter, KEY.tab);
    const f = app.frame();
    expect(f).toContain(' replies (2) ');
    expect(f).toMatch(/┌ Christian König[^\n]*\n │ > This converts the vfio exporter\.\n │ Exporters must not expose/);
    expect(f).toMatch(/ {2}┌ Jason Gunthorpe/);
    await app.press(KEY.escape);
    expect(app.frame()).toContain(' versions (Enter selects)');
  });

  it('scrolls a 20k-line diff drawing only the visible rows', async () => {
    const big = makeSeries([{ index: 1, summary: 'treewide: huge change', adds: 20000 }]);
    const app = await renderApp({ set: makeSet([big]), findings: [] });
    await app.press('j', KEY.enter);
    expect(app.frame().split('\n').length).toBeLessThanOrEqual(24);
    expect(app.frame()).not.toContain('fn1_19999');
    await app.press('G');
    expect(cursorLine(app.frame())).toContain('+int fn1_19999(void);');
    await app.press(' ', 'b', 'g');
    expect(cursorLine(app.frame())).toContain('[PATCH RFC 01/1] treewide: huge change');
  });
});

describe('findings view', () => {
  it('lists findings, filters by level, and Enter jumps to the line in the patch', async () => {
    const app = await renderApp(reviewData());
    await app.press('f');
    let f = app.frame();
    expect(f).toContain('showing 3 of 3');
    expect(f).toMatch(/E missing-signoff +03/);
    await app.press('e');
    f = app.frame();
    expect(f).toContain('level: error (e)');
    expect(f).not.toContain('trailing-whitespace');
    await app.press('e', KEY.enter);
    f = app.frame();
    expect(f).toContain('patchscope › v1 › 2/3');
    expect(cursorLine(f)).toContain('+int fn2_25(void);');
    expect(f).toContain('▲ W trailing-whitespace: trailing whitespace (#40)');
  });
});

describe('steps view and trace viewer', () => {
  it('shows steps, invariant cells and the matrix; steps through a counterexample', async () => {
    const app = await renderApp(reviewData());
    await app.press('m');
    let f = app.frame();
    expect(f).toContain('Sequence: seed three steps');
    expect(f).toContain('✓ HIDE_PHYS');
    expect(f).toContain('vfio-pci  —        sgt (p2p)');
    await app.press('/', 'c', 'o', 'u', 'n', 't', 'e', 'r', KEY.enter, KEY.enter);
    f = app.frame();
    expect(f).toContain('Counterexample: seed three steps › step 2');
    expect(f).toContain('State after 1. attach(vfio-pci→iommufd, pal)');
    await app.press('j');
    f = app.frame();
    expect(f).toContain('State after 2. map(vfio-pci→iommufd, pal)');
    expect(f).toContain('* mappings: pal [0x1000+0x2000]');
    await app.press('j');
    expect(cursorLine(app.frame())).toContain('✗ HIDE_PHYS: iommufd holds');
  });
});

describe('keys', () => {
  it('? lists every key binding, Esc closes it', async () => {
    const app = await renderApp(reviewData());
    await app.press('?');
    // The review's keys made the list longer than one page at this size: every key is on some page.
    let f = app.frame();
    for (let i = 0; i < 4; i++) { await app.press(KEY.pageDown); f += app.frame(); }
    for (const b of KEY_BINDINGS) expect(f).toContain(b.help);
    await app.press(KEY.escape);
    expect(app.frame()).toContain('[RFC v1]');
  });

  it('/ searches with a visible prompt; n and N repeat; a miss is reported', async () => {
    const app = await renderApp(reviewData());
    await app.press('/', 'S', 'G', 'T');
    expect(app.frame().split('\n').at(-1)).toMatch(/^\/SGT ?$/);
    await app.press(KEY.enter);
    expect(cursorLine(app.frame())).toContain('Add the SGT DMA mapping type');
    await app.press('n');
    expect(cursorLine(app.frame())).toContain('Add the SGT DMA mapping type');
    await app.press('/', 'q', 'q', 'q', KEY.enter);
    expect(app.frame()).toContain('pattern not found: qqq');
  });

  it('Q quits from anywhere', async () => {
    const app = await renderApp(reviewData());
    await app.press(KEY.enter, 'Q');
    // Ink unmounts on exit: the last frame stays, and further keys change nothing.
    const before = app.frame();
    await app.press('j');
    expect(app.frame()).toBe(before);
  });
});

describe('hostile mail', () => {
  it('renders subjects and bodies with OSC title and clear-screen sequences inert', async () => {
    const hostile = 'pwn \x1b]0;pwned\x07 and \x1b[2J done';
    const s = makeSeries([{ index: 1, summary: hostile, body: `${hostile}\n\nSigned-off-by: A <a@b.c>\n`, replies: [{ n: 1, text: hostile }] }]);
    s.title = hostile;
    s.patches[0]!.rawSubject = hostile;
    const app = await renderApp({ set: makeSet([s]), findings: [] });
    for (const keys of [[], ['j', KEY.enter], [KEY.tab]]) {
      await app.press(...keys);
      const raw = app.raw();
      expect(raw).not.toContain('\x1b]');
      expect(raw).not.toContain('\x07');
      expect(raw).not.toContain('\x1b[2J');
      expect(app.frame()).toContain('pwn  and  done');
    }
  });
});

describe('resize', () => {
  it('follows the terminal size', async () => {
    const app = await renderApp(reviewData());
    Object.defineProperty(app.stdout, 'columns', { value: 60, configurable: true });
    Object.defineProperty(app.stdout, 'rows', { value: 10, configurable: true });
    const before = app.frames.length;
    app.stdout.emit('resize');
    await nextFrame(app.frames, before);
    const lines = app.frame().split('\n');
    expect(lines.length).toBeLessThanOrEqual(10);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(60);
  });
});

describe('resize from 80x24 to 200x50 at the last patch (issue 17, bug 4)', () => {
  it('draws every frame at the size its rows were fitted to: no hidden rows over empty ones', async () => {
    const app = await renderApp({ set: makeSet([makeLargeSeries(26)]), findings: [] });
    const setSize = (columns: number, rows: number) => {
      Object.defineProperty(app.stdout, 'columns', { value: columns, configurable: true });
      Object.defineProperty(app.stdout, 'rows', { value: rows, configurable: true });
    };
    setSize(80, 24);
    let before = app.frames.length;
    app.stdout.emit('resize');
    await nextFrame(app.frames, before);
    await app.press('G');
    expect(app.frame()).not.toMatch(/^ 01 /m);
    before = app.frames.length;
    setSize(200, 50);
    app.stdout.emit('resize');
    await nextFrame(app.frames, before);
    const after = app.frames.slice(before).map((f) => f.replace(/\x1b\[[0-9;]*m/g, ''));
    expect(after.length).toBeGreaterThan(0);
    for (const f of after) {
      // 26 patches fit in 49 rows: each frame drawn at the new size shows them all, from 01.
      if (f.split('\n').length < 40) continue;
      expect(f).toMatch(/^ 01 /m);
      expect(f).toMatch(/^›26 /m);
    }
    expect(app.frame()).toMatch(/^ 01 /m);
  });
});

describe('small terminals', () => {
  it('the help scrolls at 80x24 so every key can be read (issue 17, bug 5: ten were out of reach)', async () => {
    const app = await renderApp(reviewData());
    Object.defineProperty(app.stdout, 'columns', { value: 80, configurable: true });
    Object.defineProperty(app.stdout, 'rows', { value: 24, configurable: true });
    const before = app.frames.length;
    app.stdout.emit('resize');
    await nextFrame(app.frames, before);
    await app.press('?');
    const seen = new Set<string>();
    const note = (f: string) => { for (const b of KEY_BINDINGS) if (f.includes(b.help)) seen.add(b.help); };
    note(app.frame());
    expect(app.frame()).toMatch(/j k PgUp PgDn scroll, \d+ more below/);
    expect(seen.size).toBeLessThan(KEY_BINDINGS.length);
    await app.press(KEY.pageDown);
    note(app.frame());
    await app.press('G');
    note(app.frame());
    expect([...KEY_BINDINGS.map((b) => b.help)].filter((h) => !seen.has(h))).toEqual([]);
    expect(app.frame()).not.toContain('more below');
    // Scrolling keeps the help open; another key closes it without acting.
    await app.press('f');
    expect(app.frame()).not.toContain('Keys (? or Esc closes)');
    expect(app.frame()).not.toContain('Findings');
  });
});

const MBOX = resolve(__dirname, '../../..', 'fixtures/dmabuf-mapping-types/series.mbox');

describe.skipIf(!existsSync(MBOX))('counts and sideways scrolling on the bundled RFC series', () => {
  let data: ReviewData;
  beforeAll(async () => {
    const set = await loadSeriesSet(MBOX);
    data = { set, findings: set.series.flatMap((s) => runChecks(s)) };
  });
  const status = (f: string) => f.split('\n').at(-1) ?? '';

  it('21j moves 21 rows to patch 21, the count on the status line until it is used; 3] and 21G', async () => {
    const app = await renderApp(data);
    await app.press('2', '1');
    expect(status(app.frame())).toContain('count 21');
    expect(cursorLine(app.frame())).toMatch(/^›00 /);
    await app.press('j');
    let f = app.frame();
    expect(cursorLine(f)).toMatch(/^›21 /);
    // The cover is not a patch: row 22 of 27 is patch 21 of 26 (it said `patches 22/27`).
    expect(status(f)).toMatch(/patchscope › v1 +patch 21\/26 /);
    expect(status(f)).not.toContain('count');
    await app.press(KEY.enter, '3', ']');
    f = app.frame();
    expect(f).toContain('[PATCH RFC 24/26]');
    expect(status(f)).toMatch(/patchscope › v1 › 24\/26/);
    await app.press('q', '5', KEY.escape);
    expect(status(app.frame())).not.toContain('count');
    expect(cursorLine(app.frame())).toMatch(/^›21 /);
    await app.press('9', 'G');
    expect(cursorLine(app.frame())).toMatch(/^›09 /);
    await app.press('g', '2', '6', 'g');
    expect(cursorLine(app.frame())).toMatch(/^›26 /);
  });

  it('l shifts a long diff line 8 columns keeping its + marker, 0 brings it back', async () => {
    const doc = createModel(data).doc(0, 21);
    const at = doc.findIndex((l) => l.pin === 1 && l.text.startsWith('+') && l.text.length > 64);
    expect(at).toBeGreaterThan(0);
    const text = doc[at]!.text;
    const app = await renderApp(data);
    Object.defineProperty(app.stdout, 'columns', { value: 60, configurable: true });
    const before = app.frames.length;
    app.stdout.emit('resize');
    await nextFrame(app.frames, before);
    // 21j then Enter opens patch 21; NG puts the cursor on line N of the diff.
    await app.press('2', '1', 'j', KEY.enter, ...String(at + 1), 'G');
    const row = () => cursorLine(app.frame()).trimEnd();
    expect(row()).toBe(`›${text.slice(0, 59)}`.trimEnd());
    expect(status(app.frame())).not.toContain('col ');
    await app.press('l');
    expect(row()).toBe(`›+${text.slice(9, 9 + 58)}`.trimEnd());
    expect(status(app.frame())).toContain('col 8');
    await app.press('\x1b[C');
    expect(row()).toBe(`›+${text.slice(17, 17 + 58)}`.trimEnd());
    expect(status(app.frame())).toContain('col 16');
    await app.press('h');
    expect(row()).toBe(`›+${text.slice(9, 9 + 58)}`.trimEnd());
    await app.press('0');
    expect(row()).toBe(`›${text.slice(0, 59)}`.trimEnd());
    expect(status(app.frame())).not.toContain('col ');
  });
});
