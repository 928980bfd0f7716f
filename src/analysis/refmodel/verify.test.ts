// The verdicts the fixtures must produce (assignment: as-posted breaks HIDE_PHYS at patch 23, the
// seed's plan holds every invariant, König's alternative breaks HIDE_DOMAIN). Computed, not stored.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSequenceFile } from './files.js';
import { FIXTURES } from './model.test-util.js';
import { verifySequences, type SequenceReport, type VerifyReport } from './verify.js';

let report: VerifyReport;
const seq = (name: string): SequenceReport => report.sequences.find((s) => s.name === name)!;
const failing = (s: SequenceReport) => s.steps.map((st, k) => [k + 1, st.invariants.filter((i) => !i.holds).map((i) => i.name)] as const).filter(([, v]) => v.length > 0);

beforeAll(() => {
  report = verifySequences(loadSequenceFile(join(FIXTURES, 'sequence.json')).sequences);
});

describe('verifySequences on the bundled sequences', () => {
  it('as-posted: every step holds until patch 12, where vfio\'s match asserts the lock attach does not take', () => {
    const s = seq('as-posted');
    expect(s.steps).toHaveLength(26);
    expect(failing(s)[0]).toEqual([12, ['LOCKING']]);
    const cx = s.steps[11]!.invariants.find((i) => i.name === 'LOCKING')!.counterexample!;
    expect(cx.trace.map((t) => t.label)).toEqual(['attach(vfio-pci→amdgpu)']);
    expect(cx.trace.length).toBeLessThanOrEqual(6);
    expect(cx.message).toBe("vfio-pci's match_mapping asserts vfio-pci's dma_resv lock; attach(vfio-pci→amdgpu) calls it without the lock");
    expect(cx.replay).toBe('as-posted#12:vfio-pci[0]>amdgpu:attach(vfio-pci->amdgpu)');
    // Every later step keeps failing LOCKING (vfio's match is unchanged until the end of the series).
    expect(failing(s).map(([k, v]) => [k, v.includes('LOCKING')])).toEqual(Array.from({ length: 15 }, (_, k) => [12 + k, true]));
    expect(s.firstViolations).toEqual([{ invariant: 'LOCKING', step: 12 }, { invariant: 'HIDE_PHYS', step: 23 }]);
  });

  it('as-posted: patch 23 makes iommufd take PAL and HIDE_PHYS breaks in two steps, after LOCKING', () => {
    const s = seq('as-posted');
    expect(failing(s).find(([, v]) => v.includes('HIDE_PHYS'))).toEqual([23, ['HIDE_PHYS', 'LOCKING']]);
    const cx = s.steps[22]!.invariants.find((i) => i.name === 'HIDE_PHYS')!.counterexample!;
    expect(cx.trace.map((t) => [t.n, t.label])).toEqual([
      [1, 'attach(vfio-pci→iommufd)'],
      [2, 'map(vfio-pci→iommufd, pal)'],
    ]);
    expect(cx.message).toMatch(/^iommufd received a PAL/);
    expect(cx.replay).toBe('as-posted#23:vfio-pci[0]>iommufd:attach(vfio-pci->iommufd);map(vfio-pci->iommufd, pal)');
    expect(s.outcome).toBe('fail');
    expect(s.asExpected).toBe(true);
  });

  it('proposed: every step holds every invariant', () => {
    const s = seq('proposed');
    expect(failing(s)).toEqual([]);
    expect(s.steps.map((st) => st.verdict)).toEqual(['pass', 'pass', 'pass']);
    expect(s.steps[2]!.planned.map((d) => d.op)).toEqual(['add-type', 'add-converter', 'add-importer']);
    // The thread's fix to patch 12: vfio's match no longer asserts the lock.
    expect(s.steps[0]!.planned).toEqual([expect.objectContaining({ op: 'set-match-lock', exporter: 'vfio-pci', asserts: false })]);
    expect(s.firstViolations).toEqual([]);
  });

  it('exporter-maps-domain: handing the exporter the iommu_domain breaks HIDE_DOMAIN', () => {
    const s = seq('exporter-maps-domain');
    expect(failing(s)).toEqual([[2, ['HIDE_DOMAIN']]]);
    expect(s.steps[1]!.invariants.find((i) => i.name === 'HIDE_DOMAIN')!.counterexample!.message).toBe("vfio-pci was handed iommufd's iommu_domain");
  });

  it('legacy-removed-early: removing the legacy path before the drivers move is a regression at attach', () => {
    const s = seq('legacy-removed-early');
    const cx = s.steps[1]!.invariants.find((i) => i.name === 'NO_REGRESSION')!.counterexample!;
    expect(cx.depth).toBe(1);
    expect(cx.message).toMatch(/attached at the previous step; now attach fails: no common mapping type/);
  });

  it('driver burden: vfio-pci implements two types plus match_mapping as posted, one type in the plan', () => {
    expect(seq('as-posted').steps[21]!.driverBurden.exporters['vfio-pci']).toEqual(['pal.map_phys', 'pal.unmap_phys', 'sgt.map_dma_buf', 'sgt.unmap_dma_buf', 'match_mapping']);
    expect(seq('proposed').steps[1]!.driverBurden.exporters['vfio-pci']).toEqual(['pal.map_phys', 'pal.unmap_phys']);
  });

  it('should report the JSON contract: schema 1, counts, and every sequence as expected', () => {
    const json = JSON.parse(JSON.stringify(report));
    expect(json.schema).toBe(1);
    expect(json.ok).toBe(true);
    expect(json.binding).toEqual({ mismatches: [] });
    const step = json.sequences[0].steps[0];
    expect(Object.keys(step)).toEqual(expect.arrayContaining(['name', 'patches', 'planned', 'verdict', 'invariants', 'driverBurden', 'states', 'ms']));
    expect(step.invariants.map((i: { name: string }) => i.name)).toEqual(['HIDE_PHYS', 'HIDE_DOMAIN', 'NO_REGRESSION', 'CONVERT_EXACT', 'LIFECYCLE', 'NEGOTIATION', 'LOCKING']);
    expect(report.states).toBeGreaterThan(0);
  });

  it('should run only the sequences named, and flag a sequence whose outcome is not the expected one', () => {
    const file = loadSequenceFile(join(FIXTURES, 'sequence.json'));
    const flipped = file.sequences.map((s) => (s.name === 'proposed' ? { ...s, expect: 'fail' as const } : s));
    const r = verifySequences(flipped, { only: ['proposed'] });
    expect(r.sequences.map((s) => s.name)).toEqual(['proposed']);
    expect(r.ok).toBe(false);
    expect(() => verifySequences(flipped, { depth: -1 })).toThrow('depth must be an integer from 0 to 64, not -1');
    expect(() => verifySequences(flipped, { only: ['propsed'] })).toThrow(/unknown sequence "propsed" \(known: as-posted, proposed/);
  });
});
