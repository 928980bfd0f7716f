/**
 * The index row of a plain message (one text/plain part, 7bit/8bit) without building the whole
 * RawMessage: only the six headers the row keeps are decoded (by decode.ts's own mapping), and
 * no charset warnings are computed (they scan the whole message and the index does not keep
 * them). format=flowed is dropped as decode.ts drops it; quoted-printable and base64 bodies are rewritten
 * as 8bit. lazy-row.test.ts checks that every row equals the one from the full decoder. Anything that is
 * not plain returns null and goes there (record.ts tries quick-multipart.ts first).
 */
import { asEightBit, toRawMessage, parsePlainMail, withoutFlowed, MAX_HEADERS_BYTES, ONLY_OWN_HEADERS } from '../ingest/index.js';
import { toMessageRow, type MessageRow } from './record.js';
import { quickRow } from './quick-row.js';

const NO_BYTES = new Uint8Array(0);

/**
 * The row of a plain message: quick-row.ts's reading straight from the bytes where it is sure, else the
 * rewrite-and-parse path below (which quick-row.test.ts holds it to); null when the message is not plain.
 */
export function lazyRow(raw: Uint8Array, source: string, position: string): MessageRow | null {
  return quickRow(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), source, position) ?? rewrittenRow(raw, source, position);
}

/** The reference lazy path: the message rewritten (flowed off, transfer encoding undone) and parsed as plain mail. */
export function rewrittenRow(raw: Uint8Array, source: string, position: string): MessageRow | null {
  // As decodeMessage reads it: format=flowed taken off the Content-Type first (from the raw bytes, so
  // that a base64 body is not looked into), then the transfer encoding undone.
  const unflowed = withoutFlowed(raw);
  const bytes = asEightBit(unflowed)?.bytes ?? unflowed;
  const parsed = parsePlainMail(bytes, MAX_HEADERS_BYTES);
  if (parsed === null || parsed.headerLines.length === 0) return null;
  // decode.ts's own mapping, decoding only the headers a row is made of and given no bytes to scan for charset warnings.
  const message = toRawMessage({ headerLines: parsed.headerLines, text: parsed.text }, NO_BYTES, { source, index: 0, offset: null }, ONLY_OWN_HEADERS);
  return toMessageRow(message, source, position);
}
