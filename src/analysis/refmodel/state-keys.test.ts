// Numeric state keys must partition states exactly as stateKey strings do, and fall back (-1) rather
// than collide; the explorer must give the same result with numeric keys, strings only, and a switch
// from one to the other in the middle of a search.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildActions } from './actions.js';
import { checkContext } from './context.js';
import { initialState, stateKey, withState } from './core.js';
import { exploreGroup } from './explore.js';
import { loadSequenceFile } from './files.js';
import { groupsOf } from './groups.js';
import { intern } from './intern.js';
import { makeDomain } from './iommu.js';
import { exporterSpec, FIXTURES, importerSpec, modelOf } from './model.test-util.js';
import { MUTANTS } from './mutants.js';
import { StateKeys } from './state-keys.js';
import { REFERENCE_STRATEGY, type ModelStrategy } from './strategy.js';
import type { GroupModel, ModelState } from './types.js';

const { sequences } = loadSequenceFile(join(FIXTURES, 'sequence.json'));

/** Every group of every step of every bundled sequence (with its previous world). */
function contexts(strategy: ModelStrategy) {
  return sequences.flatMap((seq) => seq.steps.flatMap((step, k) => groupsOf(step.world, strategy, 3).map((g) => checkContext(g, strategy, k > 0 ? seq.steps[k - 1]!.world : null))));
}

/** Every state reachable within `depth` steps (duplicates included: equal states built separately). */
function reachable(model: GroupModel, strategy: ModelStrategy, depth: number): ModelState[] {
  const actions = buildActions(model, strategy);
  const out = [initialState(model)];
  let frontier = out.slice();
  for (let d = 0; d < depth; d++) {
    const next: ModelState[] = [];
    for (const s of frontier) for (const a of actions) { const t = a.step(s); if (t !== null && t !== s) next.push(t); }
    out.push(...next);
    frontier = next.slice(0, 150);
  }
  return out;
}

const strip = (r: ReturnType<typeof exploreGroup>) => ({ ...r, ms: 0 });

describe('StateKeys', () => {
  it('gives equal keys exactly to states with equal stateKey strings (reference model and every mutant)', () => {
    let compared = 0;
    for (const strategy of [REFERENCE_STRATEGY, ...MUTANTS]) {
      for (const ctx of contexts(strategy).filter((_, k) => k % 23 === 0)) {
        const keys = new StateKeys();
        const byNumber = new Map<number, string>();
        const byString = new Map<string, number>();
        for (const s of reachable(ctx.model, strategy, 3)) {
          const n = keys.key(s);
          const str = stateKey(s);
          expect(n).toBeGreaterThanOrEqual(0);
          expect(Number.isSafeInteger(n)).toBe(true);
          expect(byNumber.get(n) ?? str).toBe(str);
          expect(byString.get(str) ?? n).toBe(n);
          byNumber.set(n, str);
          byString.set(str, n);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(2_000);
  });

  it('answers -1 instead of colliding: four slots, a generation beyond 1, an id past its digit', () => {
    const model4 = modelOf(exporterSpec('xe'), ['a', 'b', 'c', 'd'].map((n) => importerSpec(n)));
    expect(new StateKeys().key(initialState(model4))).toBe(-1);
    const model1 = modelOf(exporterSpec('xe'), [importerSpec('a')]);
    const s0 = initialState(model1);
    expect(new StateKeys().key(withState(s0, { gen: 2 }))).toBe(-1);
    const keys = new StateKeys();
    const seen = new Set<number>();
    for (let k = 0; k < 1024; k++) {
      const n = keys.key(withState(s0, { domains: [makeDomain([{ iova: 0x1000 * (k + 1), len: 0x1000, phys: 0 }])] }));
      expect(n).toBeGreaterThanOrEqual(0);
      seen.add(n);
    }
    expect(seen.size).toBe(1024);
    expect(keys.key(withState(s0, { domains: [makeDomain([{ iova: 0x1000 * 2000, len: 0x1000, phys: 0 }])] }))).toBe(-1);
  });
});

describe('exploreGroup with numeric keys', () => {
  it('gives the string-keyed result on every bundled group, reference and mutants', () => {
    for (const strategy of [REFERENCE_STRATEGY, ...MUTANTS]) {
      for (const ctx of contexts(strategy).filter((_, k) => k % 5 === 0)) {
        expect(strip(exploreGroup(ctx, { depth: 6 }))).toEqual(strip(exploreGroup(ctx, { depth: 6, stringKeys: true })));
      }
    }
  });

  it('gives the string-keyed result for a group too large for a number', () => {
    const ctx = checkContext(modelOf(exporterSpec('xe', { dynamic: true }), ['a', 'b', 'c', 'd'].map((n) => importerSpec(n))), REFERENCE_STRATEGY, null);
    const r = exploreGroup(ctx, { depth: 5 });
    expect(r.states).toBeGreaterThan(100);
    expect(strip(r)).toEqual(strip(exploreGroup(ctx, { depth: 5, stringKeys: true })));
  });

  // Last: it grows the global intern table so that domains made from here on have ids past 2^16.
  it('switches to strings in the middle of a search without losing or repeating a state', () => {
    for (let k = 0; intern(`state-keys.test ${k}`) < 2 ** 16; k++);
    const xe = exporterSpec('xe', { dynamic: true, buffers: [[{ phys: 0x7654000, len: 0x3000 }]] });
    const model = modelOf(xe, [importerSpec('amdgpu'), importerSpec('mlx5')]);
    const ctx = checkContext(model, REFERENCE_STRATEGY, null);
    const numeric = exploreGroup(ctx, { depth: 8 });
    // The search did start with numbers and had to switch: its first state fits, a mapped one does not.
    const states = reachable(model, REFERENCE_STRATEGY, 2);
    expect(new StateKeys().key(states[0]!)).toBeGreaterThanOrEqual(0);
    expect(states.some((s) => new StateKeys().key(s) === -1)).toBe(true);
    expect(numeric.states).toBe(26);
    expect(strip(numeric)).toEqual(strip(exploreGroup(ctx, { depth: 8, stringKeys: true })));
  });
});
