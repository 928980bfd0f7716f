/**
 * A single message file (.eml, one `git format-patch` file that lacks its `From ` line, stdin).
 * Must fit in memory; rejected as "not mail" when it does not start with a header line.
 */
import { InputError } from '../util/errors.js';
import { decodeItem, nextOrigin, where, type StreamTarget } from './items.js';
import { firstLine, skipBlank } from './source.js';
import type { IngestItem } from './types.js';

/** Largest single message (not mbox) we hold in memory at once. */
export const MAX_SINGLE_MESSAGE = 256 * 1024 * 1024;

/** RFC 5322 field name: printable ASCII except colon, then a colon. */
const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;

/** A whole input that is one message (.eml, one format-patch file without a `From ` line). */
export async function singleMessageItem(bytes: Buffer, t: StreamTarget): Promise<IngestItem> {
  // Leading blank lines would read as the header/body separator: drop them, as git does.
  const start = skipBlank(bytes);
  if (!HEADER_LINE.test(firstLine(bytes).toString('latin1'))) {
    const line = countNewlines(bytes.subarray(0, start)) + 1;
    throw new InputError({ ...where(t), line }, 'not a mail message: no "From " line and no header at the start');
  }
  return decodeItem(bytes.subarray(start), nextOrigin(t, start), t.counter);
}


function countNewlines(b: Uint8Array): number {
  let n = 0;
  for (const c of b) if (c === 0x0a) n++;
  return n;
}
