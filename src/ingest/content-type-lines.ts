/**
 * Where the regex `^content-type:[^\n]*(?:\r?\n[ \t][^\n]*)*` (flags gim) matches in a message read as latin1
 * text, found in the bytes: unknownCharsets and withoutFlowed look only at these lines, and making a whole message
 * a string to find them cost a copy of every message, a large one's page by page (issue 18). A line starts at
 * `from` or after LF or CR (the `m` flag's line ends in latin1); a match runs to its line's LF and over every
 * following line that starts with a blank; the next is looked for after it, as matchAll does.
 * content-type-lines.test.ts holds it to the regex.
 */
const NAME = Buffer.from('content-type:');
const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;

/** Byte `c` is `lower` or, for a letter, its capital. */
const sameLetter = (c: number, lower: number): boolean => c === lower || (lower >= 0x61 && lower <= 0x7a && c === lower - 0x20);

function namedAt(b: Uint8Array, start: number): boolean {
  for (let i = 0; i < NAME.length - 1; i++) if (!sameLetter(b[start + i]!, NAME[i]!)) return false;
  return true;
}

/** The end of the match that starts at `start`: its last line's LF (or the end of `b`), exclusive. */
function matchEnd(b: Buffer, start: number): number {
  let end = b.indexOf(LF, start);
  while (end >= 0 && (b[end + 1] === 0x20 || b[end + 1] === 0x09)) end = b.indexOf(LF, end + 1);
  return end < 0 ? b.length : end;
}

/** The matches in `b[from…]` as [start, end) pairs, flat: start0, end0, start1, end1, … */
export function contentTypeLines(bytes: Uint8Array, from = 0): number[] {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const spans: number[] = [];
  const last = NAME.length - 1;
  let resume = from;
  for (let colon = b.indexOf(COLON, from + last); colon >= 0; colon = b.indexOf(COLON, colon + 1)) {
    const start = colon - last;
    if (start < resume || (start > from && b[start - 1] !== LF && b[start - 1] !== CR) || !namedAt(b, start)) continue;
    resume = matchEnd(b, start);
    spans.push(start, resume);
  }
  return spans;
}
