/**
 * Quoted-printable and base64 undone ahead of parsing, so that a single-part text message takes the
 * plain fast path (plain-mail.ts) instead of postal-mime, which spends most of its time on such
 * bodies copying them through Blobs (on the real linaro-mm-sig archive 57% of the messages are
 * base64 text/plain, 3% quoted-printable). The bytes are decoded exactly as postal-mime decodes
 * them; the caller keeps the original Content-Transfer-Encoding line for the headers it reports.
 */
import { Scratch } from './scratch.js';

const CTE_VALUE = /^content-transfer-encoding:[ \t]*(quoted-printable|base64)[ \t]*$/im;
const CTE_HEADER = /^content-transfer-encoding:/gim;

/** A message rewritten in 8bit, and the Content-Transfer-Encoding header line it had. */
export interface EightBit {
  /** The rewritten message, in a buffer asEightBit lends again on its next call: read it before then. */
  bytes: Uint8Array;
  /** The original header line (`Content-Transfer-Encoding: base64`), without its newline. */
  encodingLine: string;
}

const DISPOSITION = /^content-disposition:/im;

/**
 * A quoted-printable or base64 message rewritten as the same message in 8bit. null when the message
 * has not exactly one such Content-Transfer-Encoding header, or has a Content-Disposition (postal-mime
 * may take the part as an attachment); whether it is otherwise plain (one text/plain part, a known
 * charset) is left to parsePlainMail, and when it is not, the caller parses the original bytes.
 */
export function asEightBit(bytes: Uint8Array): EightBit | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = buf.indexOf('\n\n');
  if (end < 0) return null;
  const head = buf.toString('latin1', 0, end + 1);
  // CRLF or stray CR headers: where the header block ends is parsePlainMail's call, not ours.
  if (head.includes('\r')) return null;
  const match = CTE_VALUE.exec(head);
  if (match === null || (head.match(CTE_HEADER)?.length ?? 0) !== 1 || DISPOSITION.test(head)) return null;
  const encoding = match[1]!.toLowerCase();
  const header = Buffer.from(head.replace(CTE_VALUE, 'Content-Transfer-Encoding: 8bit'), 'latin1');
  const body = buf.subarray(end + 2);
  const decoded = encoding === 'base64' ? decodeBase64(body, decodedScratch) : decodeQuotedPrintable(body, decodedScratch);
  // Into a reused buffer, not a new one per message (issue 18): callers parse it into strings at once.
  const out = rewrittenScratch.lend(header.length + 1 + decoded.length);
  header.copy(out);
  out[header.length] = 0x0a;
  decoded.copy(out, header.length + 1);
  return { bytes: out.subarray(0, header.length + 1 + decoded.length), encodingLine: match[0] };
}
const decodedScratch = new Scratch();
const rewrittenScratch = new Scratch();

/**
 * Base64 as postal-mime's Base64Decoder reads it: every character outside the alphabet is
 * dropped, a run of `=` ends a unit (some mailers pad every line), each unit is decoded on its own
 * and a last group of one character, which cannot hold a byte, is dropped. Into `scratch`'s buffer when
 * given (valid until its next use), except for a small body Node's decoder would read otherwise.
 */
export function decodeBase64(body: Buffer, scratch?: Scratch): Buffer {
  const size = Math.ceil((body.length * 3) / 4);
  // Node's decoder is native but takes a string: a large body is read from its bytes (LARGE_STRING), a small one
  // by Node, unit by unit when Node would read it otherwise (faster than the byte loop at 10 KB: 25 against 32 µs).
  if (body.length >= LARGE_STRING) return base64Bytes(body, scratch?.lend(size));
  if (!nodeReadsAlike(body)) return base64ByUnits(body);
  if (!scratch) return Buffer.from(body.toString('latin1'), 'base64');
  const out = scratch.lend(size);
  return out.subarray(0, out.write(body.toString('latin1'), 0, size, 'base64'));
}

/** decodeBase64 by strings, unit by unit (exported for transfer-decoding.test.ts, which holds the others to it). */
export function base64ByUnits(body: Buffer): Buffer {
  const text = body.toString('latin1').replace(/[^A-Za-z0-9+/=]+/g, '');
  const units = text.split(/=+/);
  const unit = (u: string): Buffer => Buffer.from(u.length % 4 === 1 ? u.slice(0, -1) : u, 'base64');
  return units.length === 1 ? unit(units[0]!) : Buffer.concat(units.map(unit));
}

/**
 * Bytes from which a string would be one of V8's large objects (over 128 KiB): each gets pages of its own,
 * mapped fresh and faulted in page by page, about 5 ms per MB on our 2-core VM against 0.2 ms for a string in
 * the young generation. Node's base64 decoder takes a string, so large bodies are decoded from the bytes.
 */
export const LARGE_STRING = 120 * 1024;

const SEXTET = new Int8Array(256).fill(-1);
for (const [i, c] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].entries()) SEXTET[c.charCodeAt(0)] = i;

/**
 * Base64 by units, from the bytes: bytes outside the alphabet skipped, a `=` ends the unit (its last group
 * gives what its 2 or 3 characters hold, a lone character nothing), into `out` (3/4 of the body's length or
 * more). Exported for transfer-decoding.test.ts, which holds it to postal-mime's reading.
 */
export function base64Bytes(body: Uint8Array, out: Buffer = Buffer.allocUnsafe(Math.ceil((body.length * 3) / 4))): Buffer {
  let o = 0;
  let acc = 0;
  let n = 0;
  const endUnit = (): void => {
    if (n === 2) out[o++] = acc >> 4;
    else if (n === 3) {
      out[o++] = acc >> 10;
      out[o++] = (acc >> 2) & 0xff;
    }
    acc = 0;
    n = 0;
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    const v = SEXTET[c]!;
    if (v >= 0) {
      acc = (acc << 6) | v;
      if (++n === 4) {
        out[o] = acc >> 16;
        out[o + 1] = (acc >> 8) & 0xff;
        out[o + 2] = acc & 0xff;
        o += 3;
        acc = 0;
        n = 0;
      }
    } else if (c === 0x3d) endUnit();
  }
  endUnit();
  return out.subarray(0, o);
}

/** Whether `c` is in the base64 alphabet. */
const inAlphabet = (c: number): boolean =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f;

/**
 * Whether Node's own base64 decoder reads `body` as base64Bytes does: Node skips characters outside the
 * alphabet and stops at the first `=`, but also reads base64url's `-` and `_` (a list footer after the text has
 * them), and base64Bytes goes on after a `=` in mid-body (lines padded one by one).
 */
function nodeReadsAlike(body: Buffer): boolean {
  if (body.indexOf(0x2d) >= 0 || body.indexOf(0x5f) >= 0) return false;
  const pad = body.indexOf(0x3d);
  if (pad >= 0) for (let i = pad + 1; i < body.length; i++) if (inAlphabet(body[i]!)) return false;
  return true;
}

/**
 * RFC 2045 §6.7 decoding, line by line, as postal-mime's QPDecoder: a bad escape stays literal. Into `scratch`'s
 * buffer when given (valid until its next use).
 */
export function decodeQuotedPrintable(body: Buffer, scratch?: Scratch): Buffer {
  const out = scratch?.lend(body.length) ?? Buffer.allocUnsafe(body.length);
  let at = 0;
  let lineStart = 0;
  while (lineStart <= body.length) {
    const nl = body.indexOf(0x0a, lineStart);
    const last = nl < 0;
    let len = (last ? body.length : nl) - lineStart;
    if (len > 0 && body[lineStart + len - 1] === 0x0d) len--;
    const soft = len > 0 && body[lineStart + len - 1] === 0x3d;
    if (soft) len--;
    for (let i = lineStart; i < lineStart + len; i++) {
      const c = body[i]!;
      const high = c === 0x3d && i + 2 < lineStart + len ? hexValue(body[i + 1]!) : -1;
      const low = high >= 0 ? hexValue(body[i + 2]!) : -1;
      if (low < 0) out[at++] = c;
      else {
        out[at++] = (high << 4) | low;
        i += 2;
      }
    }
    if (last) break;
    if (!soft) out[at++] = 0x0a;
    lineStart = nl + 1;
  }
  return out.subarray(0, at);
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}
