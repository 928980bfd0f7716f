/**
 * The index row of the multipart mail a list archive is full of, without postal-mime: ingest's MIME
 * walk (mime-walk.ts, which decodeMessage uses too) reads the message as decodeMessage hands it to a
 * parser, and the row is built from its header lines and text. On the real linaro-mm-sig archive its
 * multipart messages cost a third of `index` through postal-mime. Mail the walk declines, and mail with
 * an unknown charset (decodeMessage's warnings and relabelling), returns undefined and goes to
 * decodeMessage. quick-row.test.ts compares the rows with the full decoder's.
 */
import { toRawMessage, unknownCharsets, walkMime, withoutFlowed, ONLY_OWN_HEADERS } from '../ingest/index.js';
import { toMessageRow, type MessageRow } from './record.js';

const NO_BYTES = new Uint8Array(0);

/** The row of a multipart message in the walk's subset, or undefined for decodeMessage to read. `raw` has no mboxrd quoting. */
export function multipartRow(raw: Buffer, source: string, position: string): MessageRow | undefined {
  // decode.ts hands its parsers the message with format=flowed taken off its Content-Type lines.
  const b = withoutFlowed(raw);
  if (unknownCharsets(b).length > 0) return undefined;
  const parsed = walkMime(b);
  if (parsed === undefined) return undefined;
  // Only the headers a row reads are decoded: that saves the rest's encoded words.
  const { headerLines, text, attachments } = parsed;
  const message = toRawMessage({ headerLines, text, attachments }, NO_BYTES, { source, index: 0, offset: null }, ONLY_OWN_HEADERS);
  return toMessageRow(message, source, position);
}
