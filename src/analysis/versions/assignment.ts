/**
 * Minimum-cost perfect assignment on a square cost matrix (Hungarian method with row/column
 * potentials, O(n³)). git range-diff solves the same problem with Jonker–Volgenant
 * (git linear-assignment.c); both return an optimal assignment, so pairings agree except where
 * two assignments cost exactly the same. A greedy cheapest-first pass would not: one cheap early
 * pair can force two expensive ones later, which is the case range-diff's creation factor tunes.
 *
 * Returns `rowToColumn[i]` for every row i.
 */
export function solveAssignment(cost: readonly (readonly number[])[]): number[] {
  const n = cost.length;
  // 1-based arrays as in the textbook formulation; index 0 is the virtual start column.
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const columnRow = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  for (let row = 1; row <= n; row++) {
    columnRow[0] = row;
    let col0 = 0;
    const minv = new Array<number>(n + 1).fill(Infinity);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[col0] = true;
      const i0 = columnRow[col0]!;
      let delta = Infinity;
      let col1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const reduced = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (reduced < minv[j]!) { minv[j] = reduced; way[j] = col0; }
        if (minv[j]! < delta) { delta = minv[j]!; col1 = j; }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) { u[columnRow[j]!]! += delta; v[j]! -= delta; } else minv[j]! -= delta;
      }
      col0 = col1;
    } while (columnRow[col0] !== 0);
    do {
      const col1 = way[col0]!;
      columnRow[col0] = columnRow[col1]!;
      col0 = col1;
    } while (col0 !== 0);
  }
  const rowToColumn = new Array<number>(n).fill(-1);
  for (let j = 1; j <= n; j++) if (columnRow[j]! > 0) rowToColumn[columnRow[j]! - 1] = j - 1;
  return rowToColumn;
}
