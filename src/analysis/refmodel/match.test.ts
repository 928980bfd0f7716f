// The cases of the series' kunit suite (patch 26), restated for the model's matcher.
import { describe, expect, it } from 'vitest';
import { referenceMatch, REVOCABLE_NEEDS_DYNAMIC } from './match.js';
import { exporterSpec, importerSpec, modelOf } from './model.test-util.js';
import { NO_COMMON_TYPE } from './types.js';

describe('referenceMatch', () => {
  it('should fail with "no common mapping type" on empty lists and on disjoint types', () => {
    const none = exporterSpec('vmwgfx', { offers: [] });
    expect(referenceMatch(modelOf(none, []), none, importerSpec('xe'))).toEqual({ ok: false, reason: NO_COMMON_TYPE });
    const pal = exporterSpec('e', { offers: ['pal'] });
    const m = modelOf(pal, [], { converters: [] });
    expect(referenceMatch(m, pal, importerSpec('i', { accepts: ['sgt'] }))).toEqual({ ok: false, reason: NO_COMMON_TYPE });
  });

  it("should honour the exporter's order even when the importer lists types differently", () => {
    const e = exporterSpec('e', { offers: ['pal', 'sgt'] });
    const i = importerSpec('i', { accepts: ['sgt', 'pal'] });
    expect(referenceMatch(modelOf(e, [i]), e, i)).toEqual({ ok: true, exporterType: 'pal', importerType: 'pal', converter: null });
  });

  it('should skip an SGT of MMIO for a non-P2P importer (-EOPNOTSUPP) and try the next entry', () => {
    const e = exporterSpec('e', { offers: ['sgt', 'legacy'], mmio: true });
    const i = importerSpec('i', { accepts: ['sgt'], p2p: false });
    expect(referenceMatch(modelOf(e, [i]), e, i)).toEqual({ ok: false, reason: NO_COMMON_TYPE });
    expect(referenceMatch(modelOf(e, [i]), e, { ...i, p2p: true }).ok).toBe(true);
  });

  it('should reach an importer type through a core converter when there is no direct match', () => {
    const e = exporterSpec('vfio-pci', { offers: ['pal'], mmio: true, revocable: true });
    const i = importerSpec('iommufd', { accepts: ['iommu_domain'] });
    expect(referenceMatch(modelOf(e, [i]), e, i)).toEqual({ ok: true, exporterType: 'pal', importerType: 'iommu_domain', converter: 'pal-to-iommu_domain' });
  });

  it('should ignore a type the core does not implement yet', () => {
    const e = exporterSpec('e', { offers: ['pal', 'sgt'] });
    const i = importerSpec('i', { accepts: ['pal', 'sgt'] });
    expect(referenceMatch(modelOf(e, [i], { types: ['sgt'] }), e, i)).toMatchObject({ ok: true, importerType: 'sgt' });
  });

  it('should refuse a pinning importer for a revocable exporter', () => {
    const e = exporterSpec('vfio-pci', { revocable: true });
    const i = importerSpec('iio', { dynamic: false });
    expect(referenceMatch(modelOf(e, [i]), e, i)).toEqual({ ok: false, reason: REVOCABLE_NEEDS_DYNAMIC });
  });
});
