import { describe, expect, it } from 'vitest';
import { applyDelta, driverBurden } from './deltas.js';
import { exporterSpec, importerSpec, worldOf } from './model.test-util.js';
import type { Delta, World } from './types.js';

const base = worldOf([exporterSpec('xe', { offers: ['legacy'] })], [importerSpec('iio', { accepts: ['legacy', 'sgt'] })], {
  types: ['legacy', 'sgt'],
  converters: ['legacy-compat', 'pal-to-sgt'],
});

function apply(world: World, ...deltas: Delta[]): World {
  return deltas.reduce((w, d) => {
    const r = applyDelta(w, d);
    if (!r.ok) throw new Error(r.problem);
    return r.world;
  }, world);
}

describe('applyDelta', () => {
  it('should remove a type from the core, every driver and every converter that used it', () => {
    const w = apply(base, { op: 'remove-type', type: 'legacy' });
    expect(w.types).toEqual(['sgt']);
    expect(w.converters).toEqual(['pal-to-sgt']);
    expect(w.exporters[0]!.offers).toEqual([]);
    expect(w.importers[0]!.accepts).toEqual(['sgt']);
  });

  it('should add and remove converters and types idempotently', () => {
    const w = apply(base, { op: 'add-type', type: 'sgt' }, { op: 'add-converter', converter: 'pal-to-iommu_domain' }, { op: 'remove-converter', converter: 'pal-to-sgt' });
    expect(w.types).toEqual(['legacy', 'sgt']);
    expect(w.converters).toEqual(['legacy-compat', 'pal-to-iommu_domain']);
  });

  it('should change one driver and leave the others as the same objects (caches key on them)', () => {
    const two = apply(base, { op: 'add-exporter', exporter: exporterSpec('vfio-pci') });
    const w = apply(two, { op: 'set-offers', exporter: 'vfio-pci', offers: ['pal'] }, { op: 'set-max-ranges', importer: 'iio', maxRanges: 1 });
    expect(w.exporters[0]).toBe(two.exporters[0]);
    expect(w.exporters[1]!.offers).toEqual(['pal']);
    expect(w.importers[0]!.maxRanges).toBe(1);
    expect(apply(w, { op: 'none', why: 'rename' })).toBe(w);
  });

  it('should answer a problem, not throw, for unknown or duplicate drivers', () => {
    expect(applyDelta(base, { op: 'set-accepts', importer: 'mlx5', accepts: ['sgt'] })).toEqual({ ok: false, problem: 'unknown importer "mlx5" at this point' });
    expect(applyDelta(base, { op: 'add-importer', importer: importerSpec('iio') })).toEqual({ ok: false, problem: 'importer "iio" exists already' });
    expect(applyDelta(base, { op: 'add-exporter', exporter: exporterSpec('xe') })).toEqual({ ok: false, problem: 'exporter "xe" exists already' });
  });
});

describe('driverBurden', () => {
  it('should count two ops per offered type, plus match_mapping for more than one type', () => {
    const w = worldOf([exporterSpec('vfio-pci', { offers: ['pal', 'sgt'] }), exporterSpec('heap', { offers: ['sgt'] }), exporterSpec('vmwgfx', { offers: [] })], []);
    expect(driverBurden(w)).toEqual({
      exporters: {
        'vfio-pci': ['pal.map_phys', 'pal.unmap_phys', 'sgt.map_dma_buf', 'sgt.unmap_dma_buf', 'match_mapping'],
        heap: ['sgt.map_dma_buf', 'sgt.unmap_dma_buf'],
        vmwgfx: [],
      },
      total: 7,
    });
  });
});
