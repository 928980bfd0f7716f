import type { DocLine, Seg } from './lines.js';

/** Continuation rows start at least this many columns wide, however deep the indent. */
const MIN_ROOM = 12;

function sliceSegs(segs: readonly Seg[], from: number, to: number): Seg[] {
  const out: Seg[] = [];
  let pos = 0;
  for (const s of segs) {
    const a = Math.max(from, pos);
    const b = Math.min(to, pos + s.text.length);
    if (a < b) out.push({ ...s, text: s.text.slice(a - pos, b - pos) });
    pos += s.text.length;
  }
  return out;
}

/** Where to cut `text` from `start` to fit `room` columns: the last space that keeps half the row, else hard. */
function cutAt(text: string, start: number, room: number): number {
  const hard = start + room;
  const space = text.lastIndexOf(' ', hard);
  return space > start + room / 2 ? space : hard;
}

/**
 * A prose row (a reply, a quote, a model message: `DocLine.wrap` set) cut into rows of `room`
 * columns at word boundaries, each continuation starting with the row's `wrap` prefix so a reply
 * stays inside its `│` bar. Anything else (diff lines, tables) is returned as it is: those scroll
 * sideways instead. Marks that point at a line (bodyLine, replyId, target) stay on the first row.
 */
export function wrapRow(l: DocLine, room: number): DocLine[] {
  const prefix = l.wrap;
  if (prefix === undefined || l.text.length <= room) return [l];
  const rest = Math.max(MIN_ROOM, room - prefix.length);
  const prefixSeg: Seg = { text: prefix, style: l.segs[0]?.style ?? 'plain' };
  const out: DocLine[] = [];
  let start = 0;
  while (start < l.text.length) {
    const first = out.length === 0;
    const avail = first ? room : rest;
    const end = l.text.length - start <= avail ? l.text.length : cutAt(l.text, start, avail);
    const segs = sliceSegs(l.segs, start, end);
    if (first) {
      const { wrap: _, ...marks } = l;
      out.push({ ...marks, segs, text: l.text.slice(start, end) });
    } else {
      out.push({ segs: [prefixSeg, ...segs], text: prefix + l.text.slice(start, end) });
    }
    start = end;
    while (l.text[start] === ' ') start++;
  }
  return out;
}

const cache = new WeakMap<readonly DocLine[], Map<number, readonly DocLine[]>>();

/** A document with its prose rows wrapped to `room` columns; the same array when nothing needs it. Cached per document and width. */
export function wrapDoc(lines: readonly DocLine[], room: number): readonly DocLine[] {
  let byWidth = cache.get(lines);
  const hit = byWidth?.get(room);
  if (hit) return hit;
  let out: DocLine[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.wrap === undefined || l.text.length <= room) {
      out?.push(l);
      continue;
    }
    out ??= lines.slice(0, i);
    for (const r of wrapRow(l, room)) out.push(r);
  }
  const result = out ?? lines;
  if (!byWidth) cache.set(lines, (byWidth = new Map()));
  byWidth.set(room, result);
  return result;
}
