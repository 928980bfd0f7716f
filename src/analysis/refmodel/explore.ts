/**
 * Breadth-first exploration of one buffer's operation sequences with canonical state hashing: equal
 * states are visited once, and because the search goes level by level, the first state that breaks
 * an invariant ends the shortest counterexample for it. Every invariant gets its own counterexample.
 */
import { buildActions } from './actions.js';
import { initialState, stateKey, type MapMemo } from './core.js';
import { INVARIANTS, type CheckContext, type Invariant } from './invariants.js';
import { StateKeys } from './state-keys.js';
import type { Action, InvariantId, ModelState, Violation } from './types.js';

export interface ExploreOptions {
  depth: number;
  /** Check only these invariants (all by default). */
  invariants?: readonly InvariantId[];
  /** Map outcomes shared across explorations with the same strategy. */
  mapMemo?: MapMemo;
  /** Hash states by their `stateKey` strings only (the numeric keys' reference; tests compare both). */
  stringKeys?: boolean;
}

/** A violation with the path that reaches it: states[0] is the initial state, labels[k] leads to states[k+1]. */
export interface FoundViolation {
  violation: Violation;
  depth: number;
  labels: string[];
  states: ModelState[];
}

export interface Exploration {
  /** Distinct states visited (the initial state included). */
  states: number;
  transitions: number;
  ms: number;
  violations: Partial<Record<InvariantId, FoundViolation>>;
}

interface Visited {
  list: ModelState[];
  parent: number[];
  via: number[];
}

function pathTo(visited: Visited, index: number, actions: readonly Action[]): { labels: string[]; states: ModelState[] } {
  const labels: string[] = [];
  const states: ModelState[] = [];
  for (let k = index; k >= 0; k = visited.parent[k]!) {
    states.unshift(visited.list[k]!);
    if (visited.parent[k]! >= 0) labels.unshift(actions[visited.via[k]!]!.label);
  }
  return { labels, states };
}

/**
 * Check the invariants not yet broken; record the first break of each. `parent` (the state this one
 * was reached from) passed every pending invariant, so those that can tell only look at what changed.
 */
function checkState(state: ModelState, parent: ModelState | null, index: number, depth: number, pending: Invariant[], ctx: CheckContext, found: Map<Invariant, [number, number, Violation]>): void {
  for (let k = pending.length - 1; k >= 0; k--) {
    const inv = pending[k]!;
    const v = parent !== null && inv.checkFrom ? inv.checkFrom(state, parent, ctx) : inv.check(state, ctx);
    if (v) {
      found.set(pending[k]!, [index, depth, v]);
      pending.splice(k, 1);
    }
  }
}

export function exploreGroup(ctx: CheckContext, opts: ExploreOptions): Exploration {
  const started = performance.now();
  const actions = buildActions(ctx.model, ctx.strategy, opts.mapMemo);
  const pending = INVARIANTS.filter((inv) => !opts.invariants || opts.invariants.includes(inv.id));
  const found = new Map<Invariant, [number, number, Violation]>();
  const visited: Visited = { list: [initialState(ctx.model)], parent: [-1], via: [-1] };
  // Numeric keys while every state fits one (state-keys.ts); on the first that does not, every
  // state seen so far is re-keyed by `stateKey` and the rest of the search uses strings.
  const numeric = opts.stringKeys ? null : new StateKeys();
  let seen = new Set<number | string>();
  let strings = numeric === null;
  const keyOf = (s: ModelState): number | string => {
    if (!strings) {
      const k = numeric!.key(s);
      if (k >= 0) return k;
      strings = true;
      seen = new Set(visited.list.map(stateKey));
    }
    return stateKey(s);
  };
  seen.add(keyOf(visited.list[0]!));
  checkState(visited.list[0]!, null, 0, 0, pending, ctx, found);
  let frontier = [0];
  let transitions = 0;
  for (let depth = 1; depth <= opts.depth && frontier.length > 0 && pending.length > 0; depth++) {
    const next: number[] = [];
    for (const from of frontier) {
      const state = visited.list[from]!;
      for (let a = 0; a < actions.length; a++) {
        const to = actions[a]!.step(state);
        if (to === null) continue;
        transitions++;
        if (to === state) continue; // a stutter (access that found nothing wrong)
        const key = keyOf(to);
        if (seen.has(key)) continue;
        seen.add(key);
        const index = visited.list.push(to) - 1;
        visited.parent.push(from);
        visited.via.push(a);
        next.push(index);
        checkState(to, state, index, depth, pending, ctx, found);
      }
    }
    frontier = next;
  }
  const violations: Exploration['violations'] = {};
  for (const [inv, [index, depth, violation]] of found) violations[inv.id] = { violation, depth, ...pathTo(visited, index, actions) };
  return { states: visited.list.length, transitions, ms: performance.now() - started, violations };
}
