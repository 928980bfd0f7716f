import { describe, expect, it } from 'vitest';
import { checkContext } from './context.js';
import { attachSlot, initialState, makeSlot, mapSlot, withState } from './core.js';
import { makeDomain } from './iommu.js';
import { LIFECYCLE, NEGOTIATION, NO_REGRESSION } from './invariants.js';
import { exporterSpec, importerSpec, modelOf, worldOf } from './model.test-util.js';
import { REFERENCE_STRATEGY as S } from './strategy.js';
import { NO_COMMON_TYPE } from './types.js';

describe('invariants on hand-made states', () => {
  const e = exporterSpec('vfio-pci', { offers: ['pal', 'sgt'], mmio: true });
  const i = importerSpec('mlx5', { accepts: ['sgt', 'pal'] });
  const model = modelOf(e, [i], { converters: [] });
  const ctx = checkContext(model, S, null);

  it("NEGOTIATION: a match that follows the importer's order instead of the exporter's is named", () => {
    const match = { ok: true, exporterType: 'sgt', importerType: 'sgt', converter: null } as const;
    const state = withState(initialState(model), { slots: [makeSlot('attached', match, null)] });
    // Against the reference matcher, asking again gives another answer: not deterministic.
    expect(NEGOTIATION.check(state, ctx)?.message).toBe('vfio-pci→mlx5: matching is not deterministic');
    // A matcher that always answers so is deterministic, but breaks the exporter's preference.
    const v = NEGOTIATION.check(state, checkContext(model, { ...S, match: () => match }, null));
    expect(v?.message).toBe("vfio-pci→mlx5: picked sgt→sgt; the exporter's preference order gives pal→pal");
  });

  it('NEGOTIATION: a failure with another reason than "no common mapping type" is named', () => {
    const pal = exporterSpec('e', { offers: ['pal'] });
    const m = modelOf(pal, [importerSpec('i')], { converters: [] });
    const einval = { ok: false, reason: 'EINVAL' } as const;
    const failed = makeSlot('failed', einval, null);
    expect(NEGOTIATION.check(withState(initialState(m), { slots: [failed] }), checkContext(m, { ...S, match: () => einval }, null))?.message).toBe(`e→i: attach failed with "EINVAL", expected "${NO_COMMON_TYPE}"`);
  });

  it('LIFECYCLE: a device fault, and IOVA left mapped once every importer detached', () => {
    expect(LIFECYCLE.check(withState(initialState(model), { fault: 'mlx5 hit an unmapped IOVA' }), ctx)?.message).toBe('mlx5 hit an unmapped IOVA');
    const leftover = withState(initialState(model), { domains: [makeDomain([{ iova: 0x100000, len: 0x1000, phys: 0 }])] });
    expect(LIFECYCLE.check(leftover, ctx)?.message).toBe('every importer detached but 1 IOVA range(s) remain mapped');
  });

  it('NO_REGRESSION: a pair that mapped at the previous step and now cannot (range cap) is named', () => {
    const two = exporterSpec('xe', { buffers: [[{ phys: 0, len: 0x1000 }, { phys: 0x4000, len: 0x1000 }]] });
    const capped = importerSpec('iommufd', { maxRanges: 1 });
    const prev = worldOf([two], [importerSpec('iommufd')]);
    const m = modelOf(two, [capped]);
    const attached = attachSlot(initialState(m), 0, m, S);
    expect(mapSlot(attached, 0, m, S)).toBeNull();
    expect(NO_REGRESSION.check(attached, checkContext(m, S, prev))?.message).toBe('xe→iommufd mapped at the previous step; now map fails');
    expect(NO_REGRESSION.check(attached, checkContext(m, S, worldOf([two], [capped])))).toBeNull();
  });
});
