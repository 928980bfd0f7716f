/**
 * Fast path for the commonest list mail: one text/plain part (or no Content-Type at all),
 * 7bit/8bit, in a charset the WHATWG decoder knows. Such a message needs no MIME decoding, and
 * postal-mime 4 spends most of its time on it copying the body through a Blob (measured in
 * docs/mime-decoder.md: 4x slower than necessary on Node 20). Everything else — multipart, QP,
 * base64, format=flowed, odd charsets, odd header lines — returns null and goes to postal-mime.
 * decode.test.ts checks that both paths give identical RawMessages on every conformance
 * message and on a generated archive.
 */
import { normaliseNewlineBytes, normaliseNewlines } from './git-mailinfo.js';
import { LARGE_STRING } from './transfer-decoding.js';

/** The parts of a parsed message that decode.ts uses, whichever parser produced them. */
export interface ParsedParts {
  /** Raw header lines, continuation lines joined with `\n` (postal-mime's `headerLines`). */
  headerLines: { key: string; line: string }[];
  /**
   * The body text, CRLF made LF (git mailsplit's rule: normaliseNewlines) by the parser that read it, and only
   * once: a second pass would take `\r\r\n` to `\n` where git keeps `\r\n`.
   */
  text: string;
  /** Raw lines before the body (headers and the blank line that ends them): RawMessage.bodyOffsetLines. */
  bodyOffsetLines?: number;
  /** Set when a declared charset is unknown and the message was read as the UTF-8 it is (git mailinfo's result). */
  unknownCharsetAsUtf8?: true;
}

/** Headers: UTF-8 with the BOM kept, as postal-mime reads raw (RFC 6532) header bytes. */
const headerDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
const bodyDecoders = new Map<string, TextDecoder | null>();
/** A simple Content-Type value: text/plain, at most a charset; group 1 the charset. */
export const SIMPLE_TYPE = /^text\/plain[ \t]*(?:;[ \t]*charset[ \t]*=[ \t]*"?([A-Za-z0-9._:-]+)"?[ \t]*;?[ \t]*)?$/i;
const SIMPLE_ENCODING = /^(?:7bit|8bit)?$/i;

/**
 * Parse a simple message, or return null when it needs a MIME library. Headers over
 * `maxHeaderBytes` also go to postal-mime, which enforces that limit with its own error. `keep`: the header
 * keys whose lines the caller wants (all when undefined); every line is checked all the same.
 */
export function parsePlainMail(bytes: Uint8Array, maxHeaderBytes: number, keep?: (key: string) => boolean): ParsedParts | null {
  const end = headerEnd(bytes);
  if (end === null || end.headers > maxHeaderBytes) return null;
  const b = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLines = headerLinesOf(b, end.headers, keep && ((key) => key === 'content-type' || key === 'content-transfer-encoding' || keep(key)));
  if (headerLines === null) return null;
  const value = (key: string): string | undefined => {
    const line = headerLines.find((h) => h.key === key)?.line;
    return line === undefined ? undefined : line.slice(line.indexOf(':') + 1).replace(/\n/g, '').trim();
  };
  const type = value('content-type');
  const match = type === undefined ? [] : SIMPLE_TYPE.exec(type);
  if (!match || !SIMPLE_ENCODING.test(value('content-transfer-encoding') ?? '')) return null;
  const decoder = decoderFor(match[1]);
  if (decoder === null) return null;
  return { headerLines, text: decodeBody(decoder, bytes.subarray(end.body)), bodyOffsetLines: countLines(bytes.subarray(0, end.body)) };
}

/** Charsets (by TextDecoder's names) in which CR and LF are those bytes and never part of another character. */
const NEWLINE_SAFE = /^(?:utf-8|windows-125\d|iso-8859-\d+|koi8-[ru]|ibm866|macintosh|x-mac-cyrillic)$/;

/**
 * A body's text as ParsedParts.text has it (CRLF made LF), with CRLF taken off the bytes first where the body
 * is large and the charset allows (else off the text), so that a large CRLF body is not built twice as a string
 * (issue 18: its every copy costs its page faults). `out`: where the bytes without CR go (normaliseNewlineBytes),
 * by default a new buffer.
 */
export function decodeBody(decoder: TextDecoder, bytes: Uint8Array, out?: Buffer): string {
  // A small body's string is cheap to make twice, and V8's replace beats a byte loop (profiled: 1.8% against 3.8%).
  if (bytes.length < LARGE_STRING || !NEWLINE_SAFE.test(decoder.encoding)) return normaliseNewlines(decoder.decode(bytes));
  return decoder.decode(normaliseNewlineBytes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), out));
}

/**
 * Raw lines before the body of any message (the MIME path's count; the fast path counts its own header
 * block, and both agree): every line up to and including the first empty one (LF or CRLF). A message
 * that starts with an empty line has 1; one without an empty line has no body and gives undefined.
 */
export function linesBeforeBody(b: Uint8Array): number | undefined {
  if (b[0] === 0x0a || (b[0] === 0x0d && b[1] === 0x0a)) return 1;
  let lines = 0;
  for (let i = b.indexOf(0x0a); i >= 0; i = b.indexOf(0x0a, i + 1)) {
    lines++;
    if (b[i + 1] === 0x0a || (b[i + 1] === 0x0d && b[i + 2] === 0x0a)) return lines + 1;
  }
  return undefined;
}

/** Newlines in `b`: lines as checkpatch.pl counts them (a lone CR is not a line end). */
function countLines(b: Uint8Array): number {
  let n = 0;
  for (let i = b.indexOf(0x0a); i >= 0; i = b.indexOf(0x0a, i + 1)) n++;
  return n;
}

const LF_LF = Buffer.from('\n\n');
const LF = 0x0a;
const CR = 0x0d;
const SP = 0x20;
const TAB = 0x09;
const COLON = 0x3a;
const LF_CRLF = Buffer.from('\n\r\n');

/**
 * Where the header block ends (before the empty line) and the body starts; null without one. The
 * end is found by search and the block checked for NUL and CR by search; a block with a CR takes
 * the byte loop, which tells a lone CR from a CRLF.
 */
export function headerEnd(bytes: Uint8Array): { headers: number; body: number } | null {
  if (bytes[0] === 0x0a || bytes[0] === 0x0d) return null; // no headers at all
  const b = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lf = b.indexOf(LF_LF);
  const crlf = (lf < 0 ? b : b.subarray(0, lf + 2)).indexOf(LF_CRLF);
  const end = lf < 0 ? crlf : crlf < 0 ? lf : Math.min(lf, crlf);
  if (end < 0) return null;
  const head = b.subarray(0, end + 1);
  if (head.indexOf(0x00) >= 0) return null; // leave oddities to postal-mime
  if (head.indexOf(0x0d) >= 0) return headerEndByBytes(b);
  return end === lf ? { headers: end, body: end + 2 } : { headers: end, body: end + 3 };
}

/** The byte loop headerEnd stands for (exported for plain-mail.test.ts, which compares the two). */
export function headerEndByBytes(b: Uint8Array): { headers: number; body: number } | null {
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === 0x00 || (c === 0x0d && b[i + 1] !== 0x0a)) return null; // leave oddities to postal-mime
    if (c !== 0x0a) continue;
    if (b[i + 1] === 0x0a) return { headers: i, body: i + 2 };
    if (b[i + 1] === 0x0d && b[i + 2] === 0x0a) return { headers: i, body: i + 3 };
  }
  return null;
}

/**
 * Header lines as postal-mime groups them (raw lines, a fold joined with `\n`, CR off each line end; key the
 * lower-case name); null when a line is not `name: value` or a fold. Read from the bytes of the block
 * `b[0, end)`, whose CRs all precede an LF (headerEnd): every line is checked, only the lines `keep` takes are
 * decoded (issue 18: of a list mail's fifty header lines a reader of archives wants ten). plain-mail.test.ts
 * holds it to the reading of the decoded block it stands for.
 */
function headerLinesOf(b: Buffer, end: number, keep?: (key: string) => boolean): { key: string; line: string }[] | null {
  const out: { key: string; line: string }[] = [];
  let last: { key: string; line: string } | null = null;
  let lines = 0;
  for (let start = 0; ; ) {
    let nl = b.indexOf(LF, start);
    if (nl < 0 || nl > end) nl = end;
    const lineEnd = nl > start && b[nl - 1] === CR ? nl - 1 : nl;
    const c = b[start];
    if (start < lineEnd && (c === SP || c === TAB)) {
      if (lines === 0) return null;
      if (last) last.line += `\n${headerDecoder.decode(b.subarray(start, lineEnd))}`;
    } else {
      const colon = b.indexOf(COLON, start);
      if (colon <= start || colon >= lineEnd) return null;
      for (let i = start; i < colon; i++) if (b[i]! < 0x21 || b[i]! > 0x7e) return null;
      const key = b.toString('latin1', start, colon).toLowerCase();
      last = keep === undefined || keep(key) ? { key, line: headerDecoder.decode(b.subarray(start, lineEnd)) } : null;
      if (last) out.push(last);
      lines++;
    }
    if (nl >= end) return out;
    start = nl + 1;
  }
}

/** The decoder postal-mime would pick for a label it needs no alias for; null otherwise. */
export function decoderFor(charset: string | undefined): TextDecoder | null {
  const label = (charset ?? 'utf-8').toLowerCase();
  if (!bodyDecoders.has(label)) {
    let decoder: TextDecoder | null = null;
    try {
      decoder = new TextDecoder(label);
    } catch {
      // unknown label: postal-mime's alias table and fallback decide
    }
    bodyDecoders.set(label, decoder);
  }
  return bodyDecoders.get(label)!;
}
