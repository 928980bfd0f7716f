// The explorer's shortcuts must answer exactly what the plain paths answer: an invariant's checkFrom
// (only what changed since a passing parent) against check, and map through an action's numeric memo
// against map through the shared string-keyed one, on every transition of the bundled groups.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildActions } from './actions.js';
import { checkContext } from './context.js';
import { initialState, mapSlot, unmapSlot, type LocalMapMemo, type LocalUnmapMemo } from './core.js';
import { loadSequenceFile } from './files.js';
import { groupsOf } from './groups.js';
import { INVARIANTS } from './invariants.js';
import { FIXTURES } from './model.test-util.js';
import { MUTANTS } from './mutants.js';
import { REFERENCE_STRATEGY, type ModelStrategy } from './strategy.js';
import type { ModelState } from './types.js';

const { sequences } = loadSequenceFile(join(FIXTURES, 'sequence.json'));

function contexts(strategy: ModelStrategy, every: number) {
  return sequences
    .flatMap((seq) => seq.steps.flatMap((step, k) => groupsOf(step.world, strategy, 3).map((g) => checkContext(g, strategy, k > 0 ? seq.steps[k - 1]!.world : null))))
    .filter((_, k) => k % every === 0);
}

/** Parent→child pairs within `depth` steps (the frontier capped so the test stays quick). */
function transitions(ctx: ReturnType<typeof contexts>[number], depth: number): [ModelState, ModelState][] {
  const actions = buildActions(ctx.model, ctx.strategy);
  const out: [ModelState, ModelState][] = [];
  let frontier = [initialState(ctx.model)];
  for (let d = 0; d < depth; d++) {
    const next: ModelState[] = [];
    for (const s of frontier) for (const a of actions) { const t = a.step(s); if (t !== null && t !== s) { out.push([s, t]); next.push(t); } }
    frontier = next.slice(0, 60);
  }
  return out;
}

describe('Invariant.checkFrom', () => {
  it('answers what check answers whenever the parent passed (reference and every mutant)', () => {
    let compared = 0;
    let violations = 0;
    for (const strategy of [REFERENCE_STRATEGY, ...MUTANTS]) {
      for (const ctx of contexts(strategy, 37)) {
        for (const [parent, child] of transitions(ctx, 4)) {
          for (const inv of INVARIANTS) {
            if (!inv.checkFrom || inv.check(parent, ctx) !== null) continue;
            const want = inv.check(child, ctx);
            expect(inv.checkFrom(child, parent, ctx)).toEqual(want);
            compared++;
            if (want) violations++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(5_000);
    expect(violations).toBeGreaterThan(20); // the mutants break invariants on the way: both answers are compared
  });
});

describe('mapSlot with an action-local memo', () => {
  it('gives the state map gives without it, first call and repeated', () => {
    let mapped = 0;
    for (const strategy of [REFERENCE_STRATEGY, ...MUTANTS]) {
      for (const ctx of contexts(strategy, 23)) {
        // One memo per slot, as actions.ts keeps them (the key leaves out what is fixed for a slot).
        const locals: LocalMapMemo[] = ctx.model.importers.map(() => new Map());
        for (const [, s] of transitions(ctx, 3)) {
          for (let i = 0; i < s.slots.length; i++) {
            const local = locals[i]!;
            const plain = mapSlot(s, i, ctx.model, strategy);
            expect(mapSlot(s, i, ctx.model, strategy, new Map(), local)).toEqual(plain);
            expect(mapSlot(s, i, ctx.model, strategy, new Map(), local)).toEqual(plain);
            if (plain) mapped++;
          }
        }
      }
    }
    expect(mapped).toBeGreaterThan(200);
  });
});

describe('actions', () => {
  it('agree with themselves: enabled is step !== null, apply is step or the state unchanged', () => {
    let disabled = 0;
    for (const ctx of contexts(REFERENCE_STRATEGY, 31)) {
      const actions = buildActions(ctx.model, ctx.strategy);
      for (const [, s] of transitions(ctx, 2)) {
        for (const a of actions) {
          const next = a.step(s);
          expect(a.enabled(s)).toBe(next !== null);
          expect(a.apply(s)).toEqual(next ?? s);
          if (next === null) disabled++;
        }
      }
    }
    expect(disabled).toBeGreaterThan(100);
  });
});

describe('unmapSlot with a memo', () => {
  it('gives the state unmap gives without it, first call and repeated (reference and every mutant)', () => {
    let unmapped = 0;
    for (const strategy of [REFERENCE_STRATEGY, ...MUTANTS]) {
      for (const ctx of contexts(strategy, 41)) {
        const memo: LocalUnmapMemo = new Map();
        for (const [, s] of transitions(ctx, 3)) {
          for (let i = 0; i < s.slots.length; i++) {
            const plain = unmapSlot(s, i, strategy);
            expect(unmapSlot(s, i, strategy, memo)).toEqual(plain);
            expect(unmapSlot(s, i, strategy, memo)).toEqual(plain);
            if (plain) unmapped++;
          }
        }
      }
    }
    expect(unmapped).toBeGreaterThan(200);
  });
});
