// Verdicts where the reviewer looks, on the bundled series with the real model run (depth 4: the
// HIDE_PHYS counterexample of the as-posted sequence needs 2 operations).
import { describe, it, expect, beforeAll } from 'vitest';
import { resolve } from 'node:path';
import { loadSeriesSet, type SeriesSet } from '../../series/index.js';
import { checkBinding, loadSequenceFile, verifySequences } from '../../analysis/refmodel/index.js';
import { toReviewData } from './adapt.js';
import type { ReviewData } from './data.js';
import { initialUi, makeReviewReducer } from './hooks/reviewReducer.js';
import { createModel } from './state/model.js';
import { screenFor } from './state/screens.js';
import { topEntry } from './state/ui-state.js';

const FIXTURE = resolve(__dirname, '../../..', 'fixtures/dmabuf-mapping-types');

describe('model verdicts in the series and patch views, on the bundled series', () => {
  let set: SeriesSet;
  let data: ReviewData;
  let replay: string;
  /** The invariants the as-posted step of patch n breaks, from the report itself (the model grows invariants). */
  let broken: (n: number) => string[];
  beforeAll(async () => {
    set = await loadSeriesSet(resolve(FIXTURE, 'series.mbox'));
    const file = loadSequenceFile(resolve(FIXTURE, 'sequence.json'));
    const report = verifySequences(file.sequences, { depth: 4, bindingMismatches: checkBinding(file.binding, set.series[0]!) });
    replay = report.sequences.find((s) => s.name === 'as-posted')!.steps[22]!.invariants.find((i) => i.name === 'HIDE_PHYS')!.counterexample!.replay;
    const asPosted = report.sequences.find((s) => s.name === 'as-posted')!;
    broken = (n) => asPosted.steps[n - 1]!.invariants.filter((i) => !i.holds).map((i) => i.name);
    data = toReviewData({ set, findings: [], verify: { report, sequences: file.sequences, binding: file.binding } });
  });

  it('marks each patch ✓, or ✗ and the invariant its as-posted step breaks', () => {
    const rows = createModel(data).seriesRows(0);
    const cell = (n: number) => { const b = broken(n); const more = b.length > 1 ? '+' : ''; return b.length ? `✗ ${b[0]!.slice(0, 10 - more.length)}${more}` : '✓'; };
    expect(broken(1)).toEqual([]);
    expect(rows[1]!.text).toMatch(/^01 .* ✓ +dma-buf: Introduce DMA-buf mapping types/);
    expect(broken(23)).toContain('HIDE_PHYS');
    for (const n of [21, 22, 23, 24]) expect(rows[n]!.text).toContain(` ${cell(n)}`);
    expect(rows[23]!.text).toMatch(/^23 .* ✗ \S+ +iommufd: Use the PAL mapping type/);
  });

  it("shows patch 23's verdict under its header and the trace under the line naming the bound symbol", () => {
    const model = createModel(data);
    const doc = model.doc(0, 23).map((l) => l.text);
    expect(doc.find((t) => t.startsWith('model: '))).toContain(`model: ✗ ${broken(23).join(', ')}  (as-posted, step 23 `);
    const at = doc.findIndex((t) => t.includes('▶ model: HIDE_PHYS breaks when this lands (as-posted, step 23), 2 operations'));
    expect(at).toBeGreaterThan(0);
    // The line above it is a changed diff line naming a symbol the binding gives for patch 23.
    const binding = data.verify!.binding!.entries.find((e) => e.patch === 23)!;
    expect(doc[at - 1]).toMatch(/^[+-]/);
    expect(binding.symbols.some((s) => doc[at - 1]!.includes(s))).toBe(true);
    expect(doc.slice(at + 1, at + 3).map((t) => t.trim())).toEqual([expect.stringMatching(/^┊ 1\. attach/), expect.stringMatching(/^┊ 2\. map/)]);
    expect(doc.some((t) => t.includes(`replay: ${replay}`))).toBe(true);
    // Patch 24 repeats the counterexample of 23: its verdict, but no second trace.
    const doc24 = model.doc(0, 24).map((l) => l.text);
    expect(doc24.find((t) => t.startsWith('model: '))).toContain('the trace is at an earlier step');
    expect(doc24.some((t) => t.includes('▶ model:'))).toBe(false);
  });

  it('y on the inline trace asks to copy its replay string, and Enter opens the trace', () => {
    const model = createModel(data);
    const reduce = makeReviewReducer(model);
    let ui = initialUi({ columns: 120, rows: 40 }, model);
    ui = reduce(ui, { type: 'command', command: 'nav.bottom', count: 23 });
    ui = reduce(ui, { type: 'command', command: 'nav.open' });
    ui = reduce(ui, { type: 'key', input: '/', key: {} });
    for (const ch of '▶ model') ui = reduce(ui, { type: 'key', input: ch, key: {} });
    ui = reduce(ui, { type: 'key', input: '\r', key: { return: true } });
    ui = reduce(ui, { type: 'command', command: 'trace.yank' });
    expect(ui.yank).toEqual({ text: replay, what: 'replay string', id: 1 });
    ui = reduce(ui, { type: 'command', command: 'nav.open' });
    expect(topEntry(ui).view.kind).toBe('trace');
    const rows = screenFor(model, ui).panes[0]!.lines.map((l) => l.text.trim());
    expect(rows.slice(0, 3)).toEqual(['0. (initial state)', expect.stringMatching(/^1\. attach/), expect.stringMatching(/^2\. map/)]);
    // The message wraps in the narrow operations pane instead of being cut.
    expect(rows.slice(3).join(' ')).toBe('✗ HIDE_PHYS: iommufd received a PAL: 1 physical range(s) of vfio-pci (e0000000+4000)');
    expect(reduce(ui, { type: 'command', command: 'trace.yank' }).yank?.id).toBe(2);
  });

  it('y with no trace in view says where it works and asks for nothing', () => {
    const model = createModel(data);
    const ui = makeReviewReducer(model)(initialUi({ columns: 120, rows: 40 }, model), { type: 'command', command: 'trace.yank' });
    expect(ui.yank).toBeNull();
    expect(ui.note).toMatch(/replay string/);
  });
});
