/**
 * The index row of a plain message (one text/plain part, 7bit/8bit) without building the whole
 * RawMessage: only the six headers the row keeps are decoded, and no charset warnings are
 * computed (they scan the whole message and the index does not keep them). The values are
 * computed exactly as ingest's decode.ts computes them; lazy-row.test.ts checks that every row
 * equals the one from the full decoder. Anything that is not plain returns null and goes there.
 */
import { decodeWords } from 'postal-mime';
import { authorLikeGit, unfoldLikeGit } from '../../ingest/git-mailinfo.js';
import { isoDate, messageIdsIn, singleMessageId } from '../../ingest/header-values.js';
import { parsePlainMail } from '../../ingest/plain-mail.js';
import type { RawMessage } from '../../ingest/types.js';
import { toMessageRow, type MessageRow } from './record.js';

/** decode.ts's limit: larger header blocks take the full path (which reports them). */
const MAX_HEADERS_BYTES = 4 * 1024 * 1024;

export function lazyRow(bytes: Uint8Array, source: string, position: string): MessageRow | null {
  const parsed = parsePlainMail(bytes, MAX_HEADERS_BYTES);
  if (parsed === null || parsed.headerLines.length === 0) return null;
  const line = (name: string): string | undefined => parsed.headerLines.find((h) => h.key === name)?.line;
  const value = (name: string): string | undefined => {
    const l = line(name);
    return l === undefined ? undefined : headerValue(l);
  };
  const from = value('from');
  const dateLine = line('date');
  const dateHeader = dateLine === undefined ? null : unfoldLikeGit(dateLine.slice(dateLine.indexOf(':') + 1)).trim();
  const message: RawMessage = {
    origin: { source, index: 0, offset: null },
    messageId: singleMessageId(value('message-id')),
    inReplyTo: singleMessageId(value('in-reply-to')),
    references: messageIdsIn(value('references')),
    from: from === undefined ? null : authorLikeGit(from),
    date: isoDate(dateHeader),
    dateHeader,
    subject: value('subject') ?? '',
    body: parsed.text.includes('\r\n') ? parsed.text.replace(/\r\n/g, '\n') : parsed.text,
    attachments: [],
    headers: [],
    warnings: [],
  };
  return toMessageRow(message, source, position);
}

/** As decode.ts: unfolded as git does, RFC 2047 words decoded, trimmed. */
function headerValue(line: string): string {
  const raw = unfoldLikeGit(line.slice(line.indexOf(':') + 1));
  try {
    return decodeWords(raw).trim();
  } catch {
    return raw.trim();
  }
}
