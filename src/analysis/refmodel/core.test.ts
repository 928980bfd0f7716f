import { describe, expect, it } from 'vitest';
import { MOVE_DISTANCE } from './config.js';
import { accessSlot, attachSlot, detachSlot, initialState, mapSlot, moveBacking, restoreExporter, revokeExporter, stateKey, unlockExporter, unmapSlot } from './core.js';
import { exporterSpec, importerSpec, modelOf } from './model.test-util.js';
import { REFERENCE_STRATEGY as S } from './strategy.js';
import type { GroupModel, ModelState } from './types.js';

const xe = exporterSpec('xe', { dynamic: true, buffers: [[{ phys: 0x90000000, len: 0x2000 }, { phys: 0x90008000, len: 0x1000 }]] });
const vfio = exporterSpec('vfio-pci', { offers: ['pal'], mmio: true, revocable: true });

function attachedAndMapped(model: GroupModel, slots: number[]): ModelState {
  let s = initialState(model);
  for (const i of slots) s = mapSlot(attachSlot(s, i, model, S)!, i, model, S)!;
  return s;
}

describe('core transitions', () => {
  it('should map an SGT exporter for the importer device: the device sees exactly the backing', () => {
    const model = modelOf(xe, [importerSpec('amdgpu')]);
    const s = attachedAndMapped(model, [0]);
    expect(s.slots[0]!.mapping).toMatchObject({ handoff: 'sgt', physReceived: null, bytes: '90000000+2000,90008000+1000' });
    expect(s.domains[0]!.entries).toHaveLength(2);
  });

  it('should not map without attach, nor twice', () => {
    const model = modelOf(xe, [importerSpec('amdgpu')]);
    expect(mapSlot(initialState(model), 0, model, S)).toBeNull();
    expect(mapSlot(attachedAndMapped(model, [0]), 0, model, S)).toBeNull();
  });

  it('should return to the initial state after map, unmap, detach (canonical hash)', () => {
    const model = modelOf(xe, [importerSpec('amdgpu')]);
    const s = detachSlot(unmapSlot(attachedAndMapped(model, [0]), 0, S)!, 0)!;
    expect(stateKey(s)).toBe(stateKey(initialState(model)));
  });

  it('should move_notify every dynamic importer, then move the backing, holding the lock until unlock', () => {
    const model = modelOf(xe, [importerSpec('amdgpu'), importerSpec('mlx5')]);
    const moved = moveBacking(attachedAndMapped(model, [0, 1]), model, S)!;
    expect(moved.gen).toBe(0); // relocated at unlock, after move_notify
    expect(moved.slots.map((x) => x.mapping)).toEqual([null, null]);
    // The exporter context holds the reservation lock: the importer's map, attach and detach wait.
    expect([moved.locked, moved.pending, moved.lockFault]).toEqual([true, 1, null]);
    expect(mapSlot(moved, 0, model, S)).toBeNull();
    expect(detachSlot(moved, 0)).toBeNull();
    expect(moveBacking(moved, model, S)).toBeNull();
    expect(unlockExporter(moved)!.gen).toBe(1);
    const again = mapSlot(unlockExporter(moved)!, 0, model, S)!;
    expect(again.slots[0]!.mapping!.bytes).toBe(`${(0x90000000 + MOVE_DISTANCE).toString(16)}+2000,${(0x90008000 + MOVE_DISTANCE).toString(16)}+1000`);
  });

  it('should not move while a pinning importer holds a mapping', () => {
    const model = modelOf(xe, [importerSpec('iio', { dynamic: false, p2p: false })]);
    expect(moveBacking(attachedAndMapped(model, [0]), model, S)).toBeNull();
  });

  it('should tear mappings down on revoke, refuse map until restore, and map again after', () => {
    const model = modelOf(vfio, [importerSpec('iommufd', { accepts: ['iommu_domain'] })]);
    const revoked = revokeExporter(attachedAndMapped(model, [0]), model, S)!;
    expect(revoked.slots[0]!.mapping).toBeNull();
    expect(revoked.domains[0]!.entries).toEqual([]);
    expect(mapSlot(revoked, 0, model, S)).toBeNull();
    expect(restoreExporter(revoked, model, S)).toBeNull(); // still holds the lock
    const unlocked = unlockExporter(revoked)!;
    expect(mapSlot(unlocked, 0, model, S)).toBeNull(); // revoked: -ENODEV
    const restored = unlockExporter(restoreExporter(unlocked, model, S)!)!;
    expect(mapSlot(restored, 0, model, S)!.slots[0]!.mapping!.handoff).toBe('iommu_domain');
  });

  it('should record a fault when a device uses a mapping after its backing moved', () => {
    const model = modelOf(xe, [importerSpec('amdgpu')]);
    const s = attachedAndMapped(model, [0]);
    expect(accessSlot(s, 0, model)).toBe(s);
    expect(accessSlot({ ...s, gen: 1 }, 0, model)!.fault).toMatch(/old location after move/);
  });

  it('should hand the exporter the importer domain only when the exporter itself offers iommu_domain', () => {
    const direct = exporterSpec('vfio-pci', { offers: ['iommu_domain'] });
    const model = modelOf(direct, [importerSpec('iommufd', { accepts: ['iommu_domain'] })]);
    expect(attachedAndMapped(model, [0]).exporterSawDomain).toBe('iommufd');
    const viaCore = modelOf(vfio, [importerSpec('iommufd', { accepts: ['iommu_domain'] })]);
    expect(attachedAndMapped(viaCore, [0]).exporterSawDomain).toBeNull();
  });
});
