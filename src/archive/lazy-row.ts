/**
 * The index row of a plain message (one text/plain part, 7bit/8bit) without building the whole
 * RawMessage: only the six headers the row keeps are decoded (by decode.ts's own mapping), and
 * no charset warnings are computed (they scan the whole message and the index does not keep
 * them). Quoted-printable bodies are rewritten as 8bit first. lazy-row.test.ts checks that every row
 * equals the one from the full decoder. Anything that is not plain returns null and goes there.
 */
import { toRawMessage, parsePlainMail } from '../ingest/index.js';
import { toMessageRow, type MessageRow } from './record.js';

/** decode.ts's limit: larger header blocks take the full path (which reports them). */
const MAX_HEADERS_BYTES = 4 * 1024 * 1024;

/** The headers a row is made of; toRawMessage decodes only these. */
const ROW_HEADERS = new Set(['message-id', 'in-reply-to', 'references', 'from', 'date', 'subject']);
const NO_BYTES = new Uint8Array(0);

export function lazyRow(raw: Uint8Array, source: string, position: string): MessageRow | null {
  const bytes = withoutQuotedPrintable(raw) ?? raw;
  const parsed = parsePlainMail(bytes, MAX_HEADERS_BYTES);
  if (parsed === null || parsed.headerLines.length === 0) return null;
  const headerLines = parsed.headerLines.filter((h) => ROW_HEADERS.has(h.key));
  // decode.ts's own mapping, given only the row's headers and no bytes to scan for charset warnings.
  const message = toRawMessage({ headerLines, text: parsed.text }, NO_BYTES, { source, index: 0, offset: null });
  return toMessageRow(message, source, position);
}

const QP_HEADER = /^content-transfer-encoding:[ \t]*quoted-printable[ \t]*$/im;
const CTE_HEADER = /^content-transfer-encoding:/gim;

/**
 * A quoted-printable message rewritten as the same message in 8bit (RFC 2045 §6.7: `=XX` is a
 * byte, a line ending in `=` is a soft break), so that the plain path can read it: postal-mime
 * spends most of its time on such bodies (QP is about one list message in eight). null when the
 * message is not single-header QP; whether it is otherwise plain is left to parsePlainMail.
 */
function withoutQuotedPrintable(bytes: Uint8Array): Uint8Array | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = buf.indexOf('\n\n');
  if (end < 0) return null;
  const head = buf.toString('latin1', 0, end + 1);
  // CRLF or stray CR headers: where the header block ends is parsePlainMail's call, not ours.
  if (head.includes('\r') || !QP_HEADER.test(head) || (head.match(CTE_HEADER)?.length ?? 0) !== 1) return null;
  const header = Buffer.from(head.replace(QP_HEADER, 'Content-Transfer-Encoding: 8bit'), 'latin1');
  return Buffer.concat([header, Buffer.from('\n'), decodeQuotedPrintable(buf.subarray(end + 2))]);
}

/** RFC 2045 §6.7 decoding, line by line, as postal-mime's QPDecoder: a bad escape stays literal. */
function decodeQuotedPrintable(body: Buffer): Buffer {
  const out = Buffer.allocUnsafe(body.length);
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
