/**
 * Streaming mbox splitter (mboxo and mboxrd), following `git mailsplit` (builtin/mailsplit.c):
 * a message starts at a line that `is_from_line()` accepts, no blank line before it is required,
 * and the `From ` separator line itself is not part of the message. Memory stays bounded by the
 * largest single message: chunks are sliced, never re-joined until a message is complete.
 */
import { skipBlank } from './source.js';

/** One message cut out of an mbox: its bytes (separator line excluded) and where it started. */
export interface MboxSlice {
  /** The message, without the `From ` separator line; mboxrd `>From ` un-quoted when asked. */
  bytes: Buffer;
  /** Byte offset of the separator line (the message's first byte) in the whole stream. */
  offset: number;
  /** Byte offset just past the message: the next separator line, or the end of the stream. */
  end: number;
  /** Set on the stream's last message (whose end is the end of the stream). */
  last?: true;
  /** Set when the message was larger than `maxMessageBytes`: its size; `bytes` is then empty (never held). */
  oversize?: number;
}

export interface SplitOptions {
  /**
   * Un-quote `>+From ` lines by one `>` (mboxrd). Default false, as `git mailsplit` without `--mboxrd`. `'marked'`:
   * only the messages whose separator is public-inbox's mboxrd marker (`From mboxrd@z Thu Jan  1 00:00:00 1970`),
   * which public-inbox (lore, list archives) writes on every message of its mboxrd exports and nothing else writes.
   */
  mboxrd?: boolean | 'marked';
  /** Per-message cap: a longer message is measured and passed over, not held (default: no cap). */
  maxMessageBytes?: number;
  /**
   * The producer reads the next chunk into the same memory. A message that lies within one chunk comes out as a
   * view of it, valid only until the generator is resumed (read it, or copy it, before asking for the next);
   * what is kept of a chunk for a message not yet complete is copied before the next chunk is asked for.
   * Reusing one read buffer spares the page faults of fresh memory, and views spare a copy and an allocation
   * per message (issue 18).
   */
  reusedChunks?: boolean;
}

const LF = 0x0a;
const FROM_SPACE = Buffer.from('From ');
const PUBLIC_INBOX_MBOXRD = Buffer.from('From mboxrd@z ');
const NL_FROM_SPACE = Buffer.from('\nFrom ');
const GT_FROM_SPACE = Buffer.from('>From ');
/**
 * A line that starts with `From ` but has no newline within this many bytes is body text, not a
 * separator. Real separators are under 100 bytes; the cap keeps a hostile endless `From ` line
 * from being carried (and re-copied) chunk after chunk. git has no such cap; this is a deviation.
 */
const MAX_SEPARATOR_LINE = 64 * 1024;

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;

/**
 * Port of git's `is_from_line()`: `From ` then, scanning back from the end, a `hh:mm`-like colon
 * followed by a year greater than 90. `line` includes its trailing newline when it has one.
 */
export function isFromLine(line: Uint8Array): boolean {
  const len = line.length;
  if (len < 20 || !startsWith(line, 0, FROM_SPACE)) return false;
  let colon = len - 2;
  for (;;) {
    colon -= 1;
    if (colon < 5) return false;
    if (line[colon] === 0x3a) break;
  }
  if (!isDigit(line[colon - 4]) || !isDigit(line[colon - 2]) || !isDigit(line[colon - 1])) return false;
  if (!isDigit(line[colon + 1]) || !isDigit(line[colon + 2])) return false;
  return strtol(line, colon + 3) > 90;
}

/** C `strtol(s, NULL, 10)` over bytes: leading blanks, optional sign, digits. */
function strtol(b: Uint8Array, start: number): number {
  let i = start;
  while (b[i] === 0x20 || b[i] === 0x09 || b[i] === LF || b[i] === 0x0d || b[i] === 0x0b || b[i] === 0x0c) i++;
  let sign = 1;
  if (b[i] === 0x2d || b[i] === 0x2b) sign = b[i++] === 0x2d ? -1 : 1;
  let n = 0;
  while (isDigit(b[i]) && n < 1e9) n = n * 10 + (b[i++]! - 0x30);
  return sign * n;
}

function startsWith(b: Uint8Array, at: number, prefix: Uint8Array): boolean {
  if (at + prefix.length > b.length) return false;
  for (let i = 0; i < prefix.length; i++) if (b[at + i] !== prefix[i]) return false;
  return true;
}

/**
 * mboxrd un-quoting: a line matching `^>+From ` loses one `>` (git's `is_gtfrom()`).
 * Returns the input itself when nothing needs un-quoting.
 */
export function unquoteMboxrd(msg: Buffer): Buffer {
  // Found by searching for `>From ` (rare in mail) rather than by looking at every line: a quoted line is a run
  // of `>` at a line start followed by `From `, so its last `>` starts a `>From ` whose run reaches the line start.
  const cuts: number[] = [];
  for (let at = msg.indexOf(GT_FROM_SPACE); at >= 0; at = msg.indexOf(GT_FROM_SPACE, at + GT_FROM_SPACE.length)) {
    let lineStart = at;
    while (lineStart > 0 && msg[lineStart - 1] === 0x3e) lineStart--;
    if (lineStart === 0 || msg[lineStart - 1] === LF) cuts.push(lineStart);
  }
  if (cuts.length === 0) return msg;
  const parts: Buffer[] = [];
  let from = 0;
  for (const cut of cuts) {
    parts.push(msg.subarray(from, cut));
    from = cut + 1;
  }
  parts.push(msg.subarray(from));
  return Buffer.concat(parts);
}

/** Mutable state of one split: the message being collected and the unscanned tail. */
interface SplitState {
  parts: Buffer[];
  /** Offset of the current message's separator line, or null before the first one. */
  msgOffset: number | null;
  /** Absolute offset of `carry[0]`; `carry` always starts at a line start. */
  carryOffset: number;
  carry: Buffer;
  /** True when the next byte continues a line already flushed (so it cannot start a separator). */
  midLine: boolean;
  /** Bytes of the current message seen so far (held in `parts` only while under the cap). */
  size: number;
  /** The current message's separator is public-inbox's mboxrd marker. */
  marked: boolean;
  /** How many of `parts` are copies: the rest are views of the chunk being scanned (reusedChunks). */
  copied: number;
}

/**
 * Split an mbox stream into messages. The stream must begin (after optional whitespace, which
 * git also skips) with a `From ` separator line; the caller checks that with {@link isFromLine}.
 */
export async function* splitMbox(chunks: AsyncIterable<Buffer>, opts: SplitOptions = {}): AsyncGenerator<MboxSlice> {
  const st: SplitState = { parts: [], msgOffset: null, carryOffset: 0, carry: Buffer.alloc(0), midLine: false, size: 0, marked: false, copied: 0 };
  let leading = true;
  for await (const raw of chunks) {
    let chunk = raw;
    if (leading) {
      // git skips whitespace before the first separator; it is not part of any message.
      const i = skipBlank(chunk);
      st.carryOffset += i;
      chunk = chunk.subarray(i);
      if (chunk.length === 0) continue;
      leading = false;
    }
    const buf = st.carry.length ? Buffer.concat([st.carry, chunk]) : chunk;
    yield* scan(st, buf, false, opts);
  }
  yield* scan(st, st.carry, true, opts);
  const last = finish(st, opts, st.carryOffset);
  if (last) yield { ...last, last: true };
}

/** Scan `buf` (which starts at a line start unless `st.midLine`) for separator lines; keep an undecided tail in `st.carry`. */
function* scan(st: SplitState, buf: Buffer, atEnd: boolean, opts: SplitOptions): Generator<MboxSlice> {
  const base = st.carryOffset;
  let bodyFrom = 0;
  const midLine = st.midLine;
  let cand = !midLine && startsWith(buf, 0, FROM_SPACE) ? 0 : nextCandidate(buf, 0);
  st.midLine = false;
  while (cand >= 0) {
    const nl = buf.indexOf(LF, cand);
    if (nl < 0 && !atEnd && buf.length - cand < MAX_SEPARATOR_LINE) {
      // The candidate line is incomplete: flush what precedes it, carry the rest.
      keep(st, buf.subarray(bodyFrom, cand), opts);
      settleViews(st, opts);
      st.carry = Buffer.from(buf.subarray(cand));
      st.carryOffset = base + cand;
      return;
    }
    const lineEnd = nl < 0 ? buf.length : nl + 1;
    if (isFromLine(buf.subarray(cand, lineEnd))) {
      keep(st, buf.subarray(bodyFrom, cand), opts);
      const done = finish(st, opts, base + cand);
      if (done) yield done;
      st.msgOffset = base + cand;
      st.marked = startsWith(buf, cand, PUBLIC_INBOX_MBOXRD);
      bodyFrom = lineEnd;
    }
    cand = nextCandidate(buf, lineEnd - 1);
  }
  // No separator can start inside the rest except on its last, partial line, and only if that
  // line started in this buffer or at its very beginning.
  const firstLineStart = midLine ? buf.indexOf(LF) + 1 || buf.length : 0;
  const keepFrom = atEnd ? buf.length : Math.max(buf.lastIndexOf(LF) + 1, bodyFrom, firstLineStart);
  const tail = buf.subarray(keepFrom);
  const tailMayBeSeparator =
    tail.length > 0 && tail.length < MAX_SEPARATOR_LINE && startsWith(FROM_SPACE, 0, tail.subarray(0, 5));
  const cut = tailMayBeSeparator ? keepFrom : buf.length;
  keep(st, buf.subarray(bodyFrom, cut), opts);
  settleViews(st, opts);
  st.carry = cut < buf.length ? Buffer.from(buf.subarray(cut)) : Buffer.alloc(0);
  st.carryOffset = base + cut;
  st.midLine = cut === buf.length && buf.length > 0 && buf[buf.length - 1] !== LF;
}

/** Position of the next line that begins with `From ` after index `from` (a newline or earlier). */
function nextCandidate(buf: Buffer, from: number): number {
  const at = buf.indexOf(NL_FROM_SPACE, Math.max(from, 0));
  return at < 0 ? -1 : at + 1;
}

/** Add a piece of the current message; past the cap, drop what is held and only count (memory stays bounded). */
function keep(st: SplitState, piece: Buffer, opts: SplitOptions): void {
  st.size += piece.length;
  if (st.size > (opts.maxMessageBytes ?? Infinity)) {
    st.parts = [];
    st.copied = 0;
  } else if (piece.length > 0 || !opts.reusedChunks) st.parts.push(piece);
}

/** Before the next chunk overwrites the one scanned: copy what the message being collected holds of it. */
function settleViews(st: SplitState, opts: SplitOptions): void {
  if (!opts.reusedChunks) return;
  for (let i = st.copied; i < st.parts.length; i++) st.parts[i] = copyOf(st.parts[i]!);
  st.copied = st.parts.length;
}

function copyOf(piece: Buffer): Buffer {
  const copy = Buffer.allocUnsafe(piece.length);
  piece.copy(copy);
  return copy;
}

/** Close the message being collected, if any. Bytes before the first separator are dropped. */
function finish(st: SplitState, opts: SplitOptions, end: number): MboxSlice | null {
  const parts = st.parts;
  const size = st.size;
  st.parts = [];
  st.size = 0;
  st.copied = 0;
  if (st.msgOffset === null) return null;
  if (size > (opts.maxMessageBytes ?? Infinity)) return { bytes: Buffer.alloc(0), offset: st.msgOffset, end, oversize: size };
  // Most messages lie within one read chunk: a view of it (or of its copy), not another copy.
  const joined = parts.length === 1 ? parts[0]! : parts.length === 0 ? Buffer.alloc(0) : Buffer.concat(parts);
  const unquote = opts.mboxrd === true || (opts.mboxrd === 'marked' && st.marked);
  return { bytes: unquote ? unquoteMboxrd(joined) : joined, offset: st.msgOffset, end };
}
