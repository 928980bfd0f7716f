import { describe, expect, it } from 'vitest';
import { exploreGroup } from './explore.js';
import { checkContext } from './context.js';
import { exporterSpec, importerSpec, modelOf } from './model.test-util.js';
import { REFERENCE_STRATEGY } from './strategy.js';
import type { GroupModel } from './types.js';

const ctxOf = (model: GroupModel) => checkContext(model, REFERENCE_STRATEGY, null);

describe('exploreGroup', () => {
  it('should find the shortest HIDE_PHYS counterexample for a PAL importer', () => {
    const vfio = exporterSpec('vfio-pci', { offers: ['pal', 'sgt'], mmio: true, revocable: true });
    const model = modelOf(vfio, [importerSpec('iommufd', { accepts: ['pal'] })]);
    const r = exploreGroup(ctxOf(model), { depth: 6 });
    const v = r.violations.HIDE_PHYS!;
    expect(v.labels).toEqual(['attach(vfio-pci→iommufd)', 'map(vfio-pci→iommufd, pal)']);
    expect(v.depth).toBe(2);
    expect(v.states).toHaveLength(3);
    expect(Object.keys(r.violations)).toEqual(['HIDE_PHYS']);
  });

  it('should visit equal states once: the state count stops growing with depth', () => {
    const xe = exporterSpec('xe', { dynamic: true });
    const model = modelOf(xe, [importerSpec('amdgpu'), importerSpec('mlx5')]);
    const at8 = exploreGroup(ctxOf(model), { depth: 8 });
    const at12 = exploreGroup(ctxOf(model), { depth: 12 });
    expect(at8.violations).toEqual({});
    expect(at12.states).toBe(at8.states);
    // 3 states per slot (detached, attached, mapped) × 2 backing generations, all reachable, and
    // while a move holds the lock (before unlock) 2 per slot (move_notify unmapped) × 2 generations.
    expect(at8.states).toBe(3 * 3 * 2 + 2 * 2 * 2);
    expect(at8.transitions).toBeGreaterThan(at8.states);
  });

  it('should check only the invariants asked for', () => {
    const vfio = exporterSpec('vfio-pci', { offers: ['pal'], mmio: true, revocable: true });
    const model = modelOf(vfio, [importerSpec('iommufd', { accepts: ['pal'] })]);
    expect(exploreGroup(ctxOf(model), { depth: 4, invariants: ['LIFECYCLE'] }).violations).toEqual({});
  });
});
