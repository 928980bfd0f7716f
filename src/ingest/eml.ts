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
  const first = firstLine(bytes).toString('latin1');
  if (!HEADER_LINE.test(first)) {
    throw new InputError({ ...where(t), line: 1 }, 'not a mail message: no "From " line and no header at the start');
  }
  // Leading blank lines would read as the header/body separator: drop them, as git does.
  const start = skipBlank(bytes);
  return decodeItem(bytes.subarray(start), nextOrigin(t, start), t.counter);
}

