/**
 * The index row of the commonest list mail straight from its bytes: one text/plain part in
 * 7bit, 8bit, base64 or quoted-printable, with LF line ends and well-formed header lines. It is
 * the row lazy-row.ts's rewrite-and-parse path gives (withoutFlowed, asEightBit, parsePlainMail),
 * computed without the rewrite: the header block is walked once as bytes, only the row's six
 * headers and the two that decide the path are decoded, and the body is decoded once.
 * Anything this file is not sure of (format=flowed, CR or NUL in the header block, a folded or
 * repeated Content-Transfer-Encoding, a Content-Disposition other than inline on an encoded body,
 * an odd header line) returns undefined and takes lazy-row.ts's path, which decides.
 * quick-row.test.ts checks that both give identical rows on the corpus and on odd samples.
 */
import { contentTypeLines, decodeQuotedPrintable, decodeBase64, decodeBody, Scratch, toRawMessage, plainBodyDecoder, FLOWED_PARAM, MAX_HEADERS_BYTES, SIMPLE_TYPE } from '../ingest/index.js';
import { toMessageRow, type MessageRow } from './record.js';

const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;
const FLOWED = Buffer.from('flowed');
const LF_LF = Buffer.from('\n\n');
/** Headers: UTF-8 with the BOM kept, as plain-mail.ts (and postal-mime) read raw header bytes. */
const headerDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
const NO_BYTES = new Uint8Array(0);

/** Header names the row reads (lower case), and the three that decide how the body is read. */
const ROW = ['message-id', 'in-reply-to', 'references', 'from', 'date', 'subject'] as const;
const CONTENT_TYPE = 'content-type';
const CTE = 'content-transfer-encoding';
const DISPOSITION = 'content-disposition';
const WANTED = [...ROW, CONTENT_TYPE, CTE, DISPOSITION].map((name) => Buffer.from(name));

/** A Content-Transfer-Encoding line as transfer-decoding.ts's CTE_VALUE reads it (one line, no fold). */
const ENCODING_LINE = /^content-transfer-encoding:[ \t]*(quoted-printable|base64|7bit|8bit)?[ \t]*$/i;
/** A Content-Disposition that keeps a text/plain part the body's text in postal-mime. */
const INLINE = /^content-disposition:[ \t]*inline[ \t]*(?:;[\x20-\x7e]*)?$/i;

interface HeaderSpan {
  /** Index into WANTED. */
  name: number;
  start: number;
  /** End of the header's last (fold) line, its newline excluded. */
  end: number;
  folded: boolean;
}

/** Which of WANTED the header name `b[start, end)` is (ASCII, any case), or -1. */
function wantedName(b: Uint8Array, start: number, end: number): number {
  const len = end - start;
  outer: for (let w = 0; w < WANTED.length; w++) {
    const name = WANTED[w]!;
    if (name.length !== len) continue;
    for (let i = 0; i < len; i++) if ((b[start + i]! | 0x20) !== name[i]) continue outer;
    return w;
  }
  return -1;
}

/**
 * The header lines of `b[0, end)` that WANTED names, in order; null when a line is not `name: value` or a
 * fold (plain-mail.ts's splitHeaderLines gives up on those too).
 */
function wantedHeaders(b: Uint8Array, end: number): HeaderSpan[] | null {
  const out: HeaderSpan[] = [];
  let last: HeaderSpan | null = null;
  let first = true;
  for (let start = 0; start < end; ) {
    let nl = b.indexOf(LF, start);
    if (nl < 0 || nl > end) nl = end;
    const c = b[start];
    if (c === 0x20 || c === 0x09) {
      if (first) return null;
      if (last) {
        last.end = nl;
        last.folded = true;
      }
    } else {
      let colon = start;
      while (colon < nl && b[colon] !== COLON) {
        const n = b[colon]!;
        if (n < 0x21 || n > 0x7e) return null;
        colon++;
      }
      if (colon === nl || colon === start) return null;
      const name = wantedName(b, start, colon);
      last = name < 0 ? null : { name, start, end: nl, folded: false };
      if (last) out.push(last);
    }
    first = false;
    start = nl + 1;
  }
  return out;
}

/** A header's value as plain-mail.ts's value() reads it: after the colon, fold newlines dropped, trimmed. */
function valueOf(line: string): string {
  return line.slice(line.indexOf(':') + 1).replace(/\n/g, '').trim();
}

/** The Content-Type value plain-mail.ts reads after withoutFlowed; undefined when not sure (8-bit bytes in a flowed one). */
function typeValue(b: Buffer, type: HeaderSpan, flowed: boolean): string | undefined {
  const line = headerDecoder.decode(b.subarray(type.start, type.end));
  if (!flowed) return valueOf(line);
  for (let i = type.start; i < type.end; i++) if (b[i]! >= 0x80) return undefined;
  return valueOf(line.replace(FLOWED_PARAM, ''));
}

/** A Content-Disposition of `inline` (parameters aside) on one line. */
function isInline(b: Buffer, s: HeaderSpan): boolean {
  return !s.folded && INLINE.test(b.toString('latin1', s.start, s.end));
}

/** The body as text, transfer encoding undone and CRLF made LF (as ParsedParts.text is). */
function bodyText(body: Buffer, encoding: string, decoder: TextDecoder): string {
  // The decoded bytes are the scratch buffer's, and made a string before the next message: CR comes off in place.
  if (encoding === 'base64' || encoding === 'quoted-printable') {
    const bytes = encoding === 'base64' ? decodeBase64(body, scratch) : decodeQuotedPrintable(body, scratch);
    return decodeBody(decoder, bytes, bytes);
  }
  return decodeBody(decoder, body, scratch.lend(body.length));
}
const scratch = new Scratch();

/** The row of a simple message, or undefined when lazy-row.ts's path must decide. `b` has no mboxrd quoting. */
export function quickRow(b: Buffer, source: string, position: string): MessageRow | undefined {
  if (b.length === 0 || b[0] === LF || b[0] === CR) return undefined;
  const end = b.indexOf(LF_LF);
  if (end < 0 || end > MAX_HEADERS_BYTES) return undefined;
  const head = b.subarray(0, end);
  if (head.indexOf(CR) >= 0 || head.indexOf(0) >= 0) return undefined;
  // decode.ts's withoutFlowed: when `flowed` is anywhere in the message, `format=flowed` comes off every line
  // that starts with Content-Type:, the body's too. A body with such a line is left to its path.
  const flowed = b.indexOf(FLOWED) >= 0;
  if (flowed && contentTypeLines(b, end + 1).length > 0) return undefined;
  const spans = wantedHeaders(b, end);
  if (spans === null) return undefined;
  let type: HeaderSpan | undefined;
  let encoding: HeaderSpan | undefined;
  let disposition: HeaderSpan | undefined;
  const headerLines: { key: string; line: string }[] = [];
  for (const s of spans) {
    const name = s.name;
    if (name < ROW.length) headerLines.push({ key: ROW[name]!, line: headerDecoder.decode(b.subarray(s.start, s.end)) });
    else if (WANTED[name]!.length === CONTENT_TYPE.length) type ??= s;
    else if (WANTED[name]!.length === CTE.length) {
      if (encoding) return undefined; // more than one: transfer-decoding.ts declines, the full path decides
      encoding = s;
    } else disposition ??= s;
  }
  let how = '';
  if (encoding) {
    if (encoding.folded) return undefined;
    const m = ENCODING_LINE.exec(b.toString('latin1', encoding.start, encoding.end));
    if (!m) return undefined;
    how = (m[1] ?? '').toLowerCase();
    // transfer-decoding.ts declines an encoded part with a Content-Disposition, and postal-mime reads it; an
    // `inline` text/plain part is postal-mime's body text all the same (quick-row.test.ts compares).
    if (disposition && (how === 'base64' || how === 'quoted-printable') && !isInline(b, disposition)) return undefined;
  }
  const typeMatch = type === undefined ? [] : SIMPLE_TYPE.exec(typeValue(b, type, flowed) ?? '\0');
  if (!typeMatch) return undefined;
  const decoder = plainBodyDecoder(typeMatch[1]);
  if (decoder === null) return undefined;
  const text = bodyText(b.subarray(end + 2), how, decoder);
  const message = toRawMessage({ headerLines, text }, NO_BYTES, { source, index: 0, offset: null });
  return toMessageRow(message, source, position);
}
