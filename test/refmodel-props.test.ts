// Property: every random configuration that follows the agreed design (no PAL importer, no exporter
// taking an iommu_domain) holds every invariant in every reachable state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PAGE_SIZE, pairView, REFERENCE_STRATEGY, verifySequences,
  type ConverterId, type ExporterSpec, type ImporterSpec, type MappingType, type PhysRange, type Sequence, type World,
} from '../src/analysis/refmodel/index.js';

/** 1..3 page-aligned ranges, ascending with gaps of 0..2 pages (adjacent ranges included). */
const buffer: fc.Arbitrary<PhysRange[]> = fc
  .array(fc.record({ gap: fc.integer({ min: 0, max: 2 }), pages: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 3 })
  .map((parts) => {
    let at = 0x80000000;
    return parts.map(({ gap, pages }) => {
      const r = { phys: at + gap * PAGE_SIZE, len: pages * PAGE_SIZE };
      at = r.phys + r.len;
      return r;
    });
  });

/** A non-empty preference list (an empty one only ever tests "no common mapping type"). */
const ordered = <T>(items: readonly T[]) => fc.shuffledSubarray([...items], { minLength: 1 });

const exporter: fc.Arbitrary<ExporterSpec> = fc.record({
  name: fc.constant('exp'),
  buffers: fc.array(buffer, { minLength: 1, maxLength: 2 }),
  offers: ordered<MappingType>(['legacy', 'sgt', 'pal']),
  dynamic: fc.boolean(),
  revocable: fc.boolean(),
  mmio: fc.boolean(),
});

const importer = (name: string): fc.Arbitrary<ImporterSpec> =>
  fc.record({
    name: fc.constant(name),
    accepts: ordered<MappingType>(['legacy', 'sgt', 'iommu_domain']),
    dynamic: fc.boolean(),
    p2p: fc.boolean(),
    maxRanges: fc.integer({ min: 0, max: 2 }),
  });

const world: fc.Arbitrary<World> = fc.record({
  types: fc.constant<MappingType[]>(['legacy', 'sgt', 'pal', 'iommu_domain']),
  converters: fc.subarray<ConverterId>(['legacy-compat', 'pal-to-sgt', 'pal-to-iommu_domain']),
  exporters: exporter.map((e) => [e]),
  importers: fc.tuple(importer('imp1'), importer('imp2'), importer('imp3')).chain((all) => fc.integer({ min: 1, max: 3 }).map((n) => all.slice(0, n))),
});

const oneStep = (w: World): Sequence => ({
  name: 'random',
  description: '',
  expect: 'pass',
  expectViolated: [],
  base: w,
  steps: [{ name: 'same world', patches: [], planned: [], deltas: [], world: w }],
});

/** Does any importer of the world attach to the exporter and map its first buffer? */
const anyPairMaps = (w: World): boolean =>
  w.importers.some((i) => (pairView(w, w.exporters[0]!, 0, i, REFERENCE_STRATEGY)?.bytes ?? []).some((b) => b !== null));

describe('reference model properties', () => {
  it('the generator is not vacuous: many random worlds have a pair that attaches and maps', () => {
    const worlds = fc.sample(world, { numRuns: 300, seed: 42 });
    expect(worlds.filter(anyPairMaps).length).toBeGreaterThan(worlds.length / 4);
  });

  it('random valid configurations hold every invariant', () => {
    fc.assert(
      fc.property(world, (w) => {
        const step = verifySequences([oneStep(w)], { depth: 5 }).sequences[0]!.steps[0]!;
        const broken = step.invariants.filter((i) => !i.holds).map((i) => `${i.name}: ${i.counterexample!.message}`);
        expect(broken).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('an importer that accepts PAL directly always breaks HIDE_PHYS once it can match', () => {
    fc.assert(
      fc.property(world, (w) => {
        const e = { ...w.exporters[0]!, offers: ['pal' as MappingType], revocable: false };
        const pal = { ...w.importers[0]!, accepts: ['pal' as MappingType], maxRanges: 0 };
        const step = verifySequences([oneStep({ ...w, exporters: [e], importers: [pal] })], { depth: 2 }).sequences[0]!.steps[0]!;
        expect(step.invariants.find((i) => i.name === 'HIDE_PHYS')!.counterexample!.trace).toHaveLength(2);
      }),
      { numRuns: 30 },
    );
  });
});
