import type { DocLine, Seg } from './lines.js';

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

/** Segments with every occurrence of `query` split out and marked `match`, for the visible rows. */
export function highlightSegs(segs: readonly Seg[], query: string): (Seg & { match?: true })[] {
  if (query === '') return [...segs];
  const fold = query === query.toLowerCase();
  const q = fold ? query.toLowerCase() : query;
  const out: (Seg & { match?: true })[] = [];
  for (const s of segs) {
    const hay = fold ? s.text.toLowerCase() : s.text;
    let from = 0;
    for (let at = hay.indexOf(q); at >= 0; at = hay.indexOf(q, from)) {
      if (at > from) out.push({ text: s.text.slice(from, at), style: s.style });
      out.push({ text: s.text.slice(at, at + q.length), style: s.style, match: true });
      from = at + q.length;
    }
    if (from < s.text.length) out.push({ text: s.text.slice(from), style: s.style });
  }
  return out;
}
