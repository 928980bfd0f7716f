import type { DocLine } from './lines.js';

/** Smart case as less and vim do: all-lowercase queries ignore case. */
function matcher(query: string): (text: string) => boolean {
  if (query !== query.toLowerCase()) return (t) => t.includes(query);
  return (t) => t.toLowerCase().includes(query);
}

/**
 * The next row after `from` (or before it, backwards) whose text contains `query`, wrapping
 * around the end; null when no row matches.
 */
export function findMatch(lines: readonly DocLine[], query: string, from: number, forward: boolean): number | null {
  if (query === '' || lines.length === 0) return null;
  const hit = matcher(query);
  const n = lines.length;
  for (let step = 1; step <= n; step++) {
    const i = (((from + (forward ? step : -step)) % n) + n) % n;
    if (hit(lines[i]!.text)) return i;
  }
  return null;
}
