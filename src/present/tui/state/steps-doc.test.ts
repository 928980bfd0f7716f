import { describe, it, expect } from 'vitest';
import { stepsDoc } from './steps-doc.js';
import { traceStateRows, traceStepRows } from './trace-doc.js';
import { VERIFY } from '../testing/review-data.test-util.js';
import { clean } from './lines.js';

describe('stepsDoc', () => {
  const text = stepsDoc(VERIFY).map((l) => l.text);

  it('lists each step with its patches, deltas (planned marked) and invariant cells', () => {
    expect(text[0]).toBe('Model: 1234 states explored, 50000 states/s');
    expect(text).toContain('  Step 1: mapping types for SGL  (patches 1, 2)');
    expect(text).toContain('    ● add sgt type');
    expect(text).toContain('    ◌ pal→sgt converter  (planned)');
    expect(text).toContain('     ✓ HIDE_PHYS   ✓ NO_REGRESSION  ');
    expect(text).toContain('     ✗ HIDE_PHYS  ');
    expect(text).toContain('      HIDE_PHYS: iommufd received a PAL');
  });

  it('draws the exporter×importer matrix with the negotiated path, — where none exists', () => {
    expect(text).toContain('    exp \\ imp iommufd  xe         ');
    expect(text).toContain('    vfio-pci  —        sgt (p2p)  ');
  });

  it('links the counterexample to its trace', () => {
    const ce = stepsDoc(VERIFY).find((l) => l.target?.kind === 'trace')!;
    expect(ce.text).toBe('    ▶ counterexample: HIDE_PHYS, 2 operations  Enter to step through');
    expect(ce.target).toEqual({ kind: 'trace', sequence: 0, step: 1, trace: 0 });
  });

  it('says so when there is no verification', () => {
    expect(stepsDoc(undefined)[0]!.text).toMatch(/^No verification results/);
  });
});

describe('trace rows', () => {
  const trace = VERIFY.sequences[0]!.steps[1]!.counterexamples![0]!;
  it('numbers operations from 1 and ends with the violated invariant', () => {
    expect(traceStepRows(trace).map((l) => l.text)).toEqual([
      '  1. attach(vfio-pci→iommufd, pal)', '  2. map(vfio-pci→iommufd, pal)', '  ✗ HIDE_PHYS: iommufd holds physical addresses',
    ]);
  });
  it('shows the state after an operation, marking what changed', () => {
    expect(traceStateRows(trace, 1).map((l) => l.text)).toEqual([
      'State after 2. map(vfio-pci→iommufd, pal)', '', '  attachments: vfio-pci→iommufd', '* mappings: pal [0x1000+0x2000]', '', 'replay (y copies): attach,map',
    ]);
  });
});

describe('clean', () => {
  it('expands tabs to 8-column stops so Ink measures what the terminal draws', () => {
    expect(clean('+\tint x;')).toBe('+       int x;');
    expect(clean('ab\tc')).toBe('ab      c');
  });
});
