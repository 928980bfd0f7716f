import type { Seg } from './lines.js';

/** How far h and l shift long lines. */
export const SCROLL_STEP = 8;

/**
 * The segments of a row scrolled `col` columns to the left, its first `pin` columns kept (so a diff
 * line still shows whether it adds or removes). Extra fields of a segment (a search match) are kept.
 * At column 0 the segments are returned as they are: vertical scrolling costs nothing more.
 */
export function shiftSegs<S extends Seg>(segs: readonly S[], pin: number, col: number): readonly S[] {
  if (col <= 0) return segs;
  const out: S[] = [];
  let pos = 0;
  for (const s of segs) {
    const start = pos;
    const end = pos + s.text.length;
    pos = end;
    let kept = start < pin ? s.text.slice(0, Math.min(end, pin) - start) : '';
    const from = Math.max(start, pin + col);
    if (from < end) kept += s.text.slice(from - start);
    if (kept) out.push({ ...s, text: kept });
  }
  return out;
}

/** The largest first column worth scrolling to: where the longest of these rows ends in a view `room` columns wide. */
export function maxColumn(rows: readonly { text: string }[], room: number): number {
  let longest = 0;
  for (const r of rows) if (r.text.length > longest) longest = r.text.length;
  return Math.max(0, longest - room);
}
