import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { solveAssignment } from './assignment.js';

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, k) => [...p.slice(0, k), n - 1, ...p.slice(k)]));
}

function total(cost: number[][], rowToColumn: number[]): number {
  return rowToColumn.reduce((s, j, i) => s + cost[i]![j]!, 0);
}

describe('solveAssignment', () => {
  it('should find the assignment a greedy pass misses', () => {
    // Greedy takes (0,0)=1 and is then forced into (1,1)=100; optimal is 2+3.
    const cost = [[1, 2], [3, 100]];
    expect(solveAssignment(cost)).toEqual([1, 0]);
  });

  it('should return a permutation of minimum total cost (checked against brute force)', () => {
    const matrix = fc.integer({ min: 1, max: 5 }).chain((n) =>
      fc.array(fc.array(fc.integer({ min: 0, max: 1 << 16 }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }));
    fc.assert(fc.property(matrix, (cost) => {
      const got = solveAssignment(cost);
      expect([...got].sort()).toEqual(cost.map((_, i) => i));
      const best = Math.min(...permutations(cost.length).map((p) => total(cost, p)));
      expect(total(cost, got)).toBe(best);
    }), { numRuns: 200 });
  });
});
