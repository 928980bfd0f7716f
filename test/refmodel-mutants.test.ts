// The checker must be able to fail: each mutant plants one bug in the core, and the explorer must
// catch it with the expected invariant and a counterexample of exactly the minimal length.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ATTACH_LOCKS_MATCH, DROPS_LAST_RANGE, EXPORTER_SKIPS_LOCK, HANDS_PAL_TO_IMPORTER, IMPORTER_LOCK_INVERTED, IMPORTER_SKIPS_LOCK, loadSequenceFile, MATCH_IGNORES_IMPORTER, MERGES_NON_ADJACENT, NOTIFY_RELOCKS,
  MOVE_NOTIFY_SKIPS_ONE, REFERENCE_STRATEGY, replayCounterexample, REVOKE_KEEPS_MAPPING, UNMAP_LEAKS_IOVA, verifySequences,
  type InvariantId, type ModelStrategy,
} from '../src/analysis/refmodel/index.js';

const file = loadSequenceFile(join(resolve(__dirname, '..'), 'fixtures/dmabuf-mapping-types/sequence.json'));

interface Expectation {
  mutant: ModelStrategy;
  step: number;
  invariant: InvariantId;
  length: number;
  labels: string[];
  message: RegExp;
}

const CASES: Expectation[] = [
  { mutant: DROPS_LAST_RANGE, step: 2, invariant: 'CONVERT_EXACT', length: 2, labels: ['attach(vfio-pci→amdgpu)', 'map(vfio-pci→amdgpu, sgt)'], message: /covers e0000000\+2000, the exporter's ranges are e0000000\+2000,e0100000\+1000/ },
  { mutant: MERGES_NON_ADJACENT, step: 2, invariant: 'CONVERT_EXACT', length: 2, labels: ['attach(vfio-pci→amdgpu)', 'map(vfio-pci→amdgpu, sgt)'], message: /covers e0000000\+101000/ },
  { mutant: HANDS_PAL_TO_IMPORTER, step: 2, invariant: 'HIDE_PHYS', length: 2, labels: ['attach(vfio-pci→amdgpu)', 'map(vfio-pci→amdgpu, sgt)'], message: /amdgpu received a PAL/ },
  // The backing is relocated at unlock, after move_notify (core.ts exporterRuns).
  { mutant: MOVE_NOTIFY_SKIPS_ONE, step: 1, invariant: 'LIFECYCLE', length: 5, labels: ['attach(amdgpu→amdgpu)', 'attach(amdgpu→xe)', 'map(amdgpu→xe, sgt)', 'move(amdgpu)', 'unlock(amdgpu)'], message: /move_notify did not reach xe first/ },
  { mutant: REVOKE_KEEPS_MAPPING, step: 1, invariant: 'LIFECYCLE', length: 3, labels: ['attach(vfio-pci→amdgpu)', 'map(vfio-pci→amdgpu, sgt)', 'revoke(vfio-pci)'], message: /mapping still live after revoke/ },
  { mutant: UNMAP_LEAKS_IOVA, step: 1, invariant: 'CONVERT_EXACT', length: 3, labels: ['attach(system_heap→amdgpu)', 'map(system_heap→amdgpu, sgt)', 'unmap(system_heap→amdgpu)'], message: /still allocated after unmap \(leaked\)/ },
  { mutant: MATCH_IGNORES_IMPORTER, step: 1, invariant: 'NEGOTIATION', length: 1, labels: ['attach(amdgpu→iio_buffer)'], message: /picked sgt of MMIO for non-P2P iio_buffer/ },
  { mutant: IMPORTER_SKIPS_LOCK, step: 1, invariant: 'LOCKING', length: 2, labels: ['attach(system_heap→amdgpu)', 'map(system_heap→amdgpu, sgt)'], message: /^map\(system_heap→amdgpu\) ran without system_heap's dma_resv lock/ },
  { mutant: EXPORTER_SKIPS_LOCK, step: 1, invariant: 'LOCKING', length: 1, labels: ['move(amdgpu)'], message: /^move\(amdgpu\) sent move_notify without amdgpu's dma_resv lock/ },
  { mutant: NOTIFY_RELOCKS, step: 1, invariant: 'LOCKING', length: 2, labels: ['attach(amdgpu→amdgpu)', 'move(amdgpu)'], message: /^deadlock: amdgpu's move_notify takes amdgpu's dma_resv lock, which move\(amdgpu\) already holds/ },
  // iommufd (from step 3) takes pages->mutex in move_notify under dma_resv; a map that takes them the
  // other way round is an ABBA deadlock between the importer's and the exporter's context.
  { mutant: IMPORTER_LOCK_INVERTED, step: 3, invariant: 'LOCKING', length: 3, labels: ['attach(vfio-pci→iommufd)', 'map(vfio-pci→iommufd, iommu_domain)', 'revoke(vfio-pci)'], message: /^lock order: iommufd's map takes pages->mutex then vfio-pci's dma_resv; its move_notify takes them the other way round/ },
  // What a missing lock lets happen: the importer's map interleaves with the exporter's move, between
  // move_notify and the relocation, and keeps the old location.
  { mutant: IMPORTER_SKIPS_LOCK, step: 1, invariant: 'LIFECYCLE', length: 4, labels: ['attach(amdgpu→amdgpu)', 'move(amdgpu)', 'map(amdgpu→amdgpu, sgt)', 'unlock(amdgpu)'], message: /backing moved while still mapped/ },
  { mutant: EXPORTER_SKIPS_LOCK, step: 1, invariant: 'LIFECYCLE', length: 4, labels: ['attach(amdgpu→amdgpu)', 'move(amdgpu)', 'map(amdgpu→amdgpu, sgt)', 'unlock(amdgpu)'], message: /backing moved while still mapped/ },
];

describe('mutants of the core are caught', () => {
  it('the reference core holds every invariant on the proposed sequence (the baseline)', () => {
    const r = verifySequences(file.sequences, { only: ['proposed'], strategy: REFERENCE_STRATEGY });
    expect(r.sequences[0]!.outcome).toBe('pass');
  });

  it.each(CASES)('$mutant.name → $invariant in $length steps', ({ mutant, step, invariant, length, labels, message }) => {
    const r = verifySequences(file.sequences, { only: ['proposed'], strategy: mutant });
    const steps = r.sequences[0]!.steps;
    const first = steps.findIndex((s) => s.verdict === 'fail');
    expect(first + 1).toBe(step);
    const cx = steps[first]!.invariants.find((i) => i.name === invariant)!.counterexample!;
    expect(cx).not.toBeNull();
    expect(cx.trace).toHaveLength(length);
    expect(cx.depth).toBe(length);
    expect(cx.trace.map((t) => t.label)).toEqual(labels);
    expect(cx.message).toMatch(message);
    // The replay string reproduces the violation at the last step with the mutant, and not with the reference.
    const again = replayCounterexample(file.sequences, cx.replay, { strategy: mutant, invariants: [invariant] });
    expect(again.violations).toEqual([expect.objectContaining({ invariant, step: length })]);
    // The reference core either holds along the same actions or does not allow them (its map waits for the lock).
    const reference = (): unknown => replayCounterexample(file.sequences, cx.replay, { invariants: [invariant] }).violations;
    if (invariant === 'LIFECYCLE' && labels.includes('unlock(amdgpu)') && mutant !== MOVE_NOTIFY_SKIPS_ONE) expect(reference).toThrow(/is not enabled in this state/);
    else expect(reference()).toEqual([]);
  });

  it('the reference core holds LOCKING on the interleaving the lock mutants break (map waits for unlock)', () => {
    expect(() => replayCounterexample(file.sequences, 'proposed#1:amdgpu[0]>amdgpu:attach(amdgpu->amdgpu);move(amdgpu);map(amdgpu->amdgpu, sgt)')).toThrow(/step 3: "map\(amdgpu→amdgpu, sgt\)" is not enabled/);
  });

  it('as-posted with a core that holds the lock around match: LOCKING holds, HIDE_PHYS still breaks at 23', () => {
    const r = verifySequences(file.sequences, { only: ['as-posted'], strategy: ATTACH_LOCKS_MATCH });
    expect(r.sequences[0]!.firstViolations).toEqual([{ invariant: 'HIDE_PHYS', step: 23 }]);
  });

  it('a match that picks a type the importer lacks is named as such', () => {
    const r = verifySequences(file.sequences, { only: ['proposed'], strategy: MATCH_IGNORES_IMPORTER, invariants: ['NEGOTIATION'] });
    const cx = r.sequences[0]!.steps[2]!.invariants[0]!.counterexample!;
    expect(cx.message).toBe('system_heap→iommufd: picked sgt, which iommufd does not accept');
    expect(cx.trace).toHaveLength(1);
  });
});
