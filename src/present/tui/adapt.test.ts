import { describe, it, expect } from 'vitest';
import { resolve } from 'node:path';
import { loadSequenceFile, verifySequences } from '../../analysis/refmodel/index.js';
import { bisectView, describeDelta, verifyView } from './adapt.js';
import { stepsDoc } from './state/steps-doc.js';
import { traceStepRows } from './state/trace-doc.js';

const SEQUENCE = resolve(__dirname, '../../..', 'fixtures/dmabuf-mapping-types/sequence.json');

describe('verifyView on the bundled sequences', () => {
  const file = loadSequenceFile(SEQUENCE);
  const report = verifySequences(file.sequences, { depth: 4 });
  const view = verifyView(report, file.sequences);

  it('keeps every sequence and step, with deltas, invariant cells and the pair matrix', () => {
    expect(view.sequences.map((s) => s.steps.length)).toEqual(report.sequences.map((s) => s.steps.length));
    const step = view.sequences[0]!.steps[0]!;
    expect(step.invariants.map((i) => i.id)).toEqual(report.sequences[0]!.steps[0]!.invariants.map((i) => i.name));
    expect(step.matrix!.exporters.length).toBe(file.sequences[0]!.steps[0]!.world.exporters.length);
    expect(step.deltas.length).toBe(file.sequences[0]!.steps[0]!.deltas.length);
  });

  it('turns every counterexample into a trace starting from the initial state', () => {
    const failing = report.sequences.flatMap((s) => s.steps).flatMap((s) => s.invariants).filter((i) => !i.holds);
    const traces = view.sequences.flatMap((s) => s.steps).flatMap((s) => s.counterexamples ?? []);
    expect(traces.length).toBe(failing.length);
    for (const t of traces) expect(t.steps[0]!.label).toBe('(initial state)');
    const doc = stepsDoc(view).map((l) => l.text);
    expect(doc.filter((l) => l.includes('▶ counterexample')).length).toBe(failing.length);
  });

  it('counts a trace in operations as verify does, the initial state not one of them (issue 17: HIDE_PHYS said 3, verify 2)', () => {
    const asPosted = report.sequences.find((s) => s.name === 'as-posted')!;
    const hidePhys = asPosted.steps.flatMap((s) => s.invariants).find((i) => i.name === 'HIDE_PHYS' && i.counterexample)!.counterexample!;
    expect(hidePhys.trace.length).toBe(2);
    const doc = stepsDoc(view).map((l) => l.text);
    expect(doc).toContain(`    ▶ counterexample: HIDE_PHYS, ${hidePhys.trace.length} operations (${hidePhys.exporter} buffer ${hidePhys.buffer} → ${hidePhys.importers.join(', ')})  Enter to step through`);
    const trace = view.sequences.flatMap((s) => s.steps).flatMap((s) => s.counterexamples ?? []).find((t) => t.invariant === 'HIDE_PHYS')!;
    expect(traceStepRows(trace).map((l) => l.text.trim().split('.')[0])).toEqual(['0', '1', '2', '✗ HIDE_PHYS: iommufd received a PAL: 1 physical range(s) of vfio-pci (e0000000+4000)']);
  });
});

describe('describeDelta', () => {
  it('names each delta in the model words', () => {
    expect(describeDelta({ op: 'add-type', type: 'pal', note: 'patch 21' })).toBe('add-type pal — patch 21');
    expect(describeDelta({ op: 'set-offers', exporter: 'vfio-pci', offers: ['pal', 'sgt'] })).toBe('set-offers vfio-pci [pal, sgt]');
    expect(describeDelta({ op: 'add-converter', converter: 'pal-to-sgt' })).toBe('add-converter pal-to-sgt');
  });
});

describe('bisectView', () => {
  it('maps ok, broken (first missing name and why) and not-checked patches', () => {
    const view = bisectView({
      partial: true, bisectable: false, findings: [],
      patches: [
        { index: 1, status: 'ok' },
        { index: 2, status: 'broken', broken: [
          { name: 'dma_buf_sgt_attach', file: 'drivers/x.c', line: 12, why: 'defined only by patch 19' },
          { name: 'y', file: 'drivers/x.c', line: 13, why: 'z' },
        ] },
        { index: 3, status: 'not-checked' },
      ],
    }, 'sid');
    expect(view).toEqual({ seriesId: 'sid', results: [
      { index: 1, status: 'ok' },
      { index: 2, status: 'fail', reason: 'dma_buf_sgt_attach at drivers/x.c:12: defined only by patch 19 (+1 more)' },
      { index: 3, status: 'skip', reason: 'not checked' },
    ] });
  });
});
