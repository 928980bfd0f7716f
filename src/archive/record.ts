/**
 * What the index keeps of one message: the headers threading and grouping need and the few
 * facts of the body that classify() reads (a diff, a diffstat, the in-body Subject, b4's
 * change-id). Bodies are not stored: a series is read back from the archive by position.
 */
import { createHash } from 'node:crypto';
import type { ArchivePosition } from './types.js';
import { decodeMessage, ONLY_OWN_HEADERS, type MessageOrigin, type RawMessage, unquoteMboxrd } from '../ingest/index.js';
import { InputError } from '../util/errors.js';
import { classify, type MessageKind } from '../series/index.js';
import { lazyRow } from './lazy-row.js';
import { multipartRow } from './quick-multipart.js';

export interface MessageRow {
  /** The position as stored: the byte offset (as text) or the commit id. */
  position: string;
  msgid: string;
  inReplyTo: string | null;
  references: string[];
  /** The subject classify() went by (the in-body Subject of a forwarded patch wins). */
  subject: string;
  fromName: string | null;
  fromEmail: string | null;
  date: string | null;
  kind: MessageKind;
  hasDiff: boolean;
  hasDiffstat: boolean;
  /** b4's `change-id:` line (in the cover letter), which stays the same across versions. */
  changeId: string | null;
}

/** A decoded row, or why the message could not be decoded. */
export type RowResult = { kind: 'row'; row: MessageRow } | { kind: 'skipped'; position: string; reason: string };

const CHANGE_ID = /^change-id:[ \t]*(\S+)[ \t]*$/im;

export const positionText = (p: ArchivePosition): string => (p.kind === 'offset' ? String(p.offset) : p.commit);

export function originOf(p: ArchivePosition, index: number): MessageOrigin {
  return p.kind === 'offset' ? { source: p.source, index, offset: p.offset } : { source: p.source, index, offset: null, file: p.commit };
}

const POSITIONAL = 'patchscope-';

/** A Message-ID for a message that has none, stable across runs: from where the message sits. */
export function positionalMessageId(source: string, position: string): string {
  const h = createHash('sha1').update(`${source}\0${position}`).digest('hex').slice(0, 16);
  return `${POSITIONAL}${h}@local`;
}

/** Whether `msgid` is positionalMessageId's for this place; the hash only when the prefix says it may be. */
export function isPositionalMessageId(msgid: string, source: string, position: string): boolean {
  return msgid.startsWith(POSITIONAL) && msgid === positionalMessageId(source, position);
}

export function toMessageRow(message: RawMessage, source: string, position: string): MessageRow {
  const msgid = message.messageId ?? positionalMessageId(source, position);
  const c = classify(msgid, message);
  return {
    position,
    msgid,
    inReplyTo: message.inReplyTo,
    references: message.references,
    subject: c.subject.raw,
    fromName: message.from?.name ?? null,
    fromEmail: message.from?.email ?? null,
    date: message.date,
    kind: c.kind,
    hasDiff: c.hasDiff,
    hasDiffstat: c.hasDiffstat,
    changeId: CHANGE_ID.exec(message.body)?.[1] ?? null,
  };
}

/** The message with mboxrd `>From ` quoting undone when `mboxrd` (done here rather than while splitting, so that the work runs where decoding runs). */
const unquoted = (raw: Uint8Array, mboxrd: boolean): Uint8Array =>
  mboxrd ? unquoteMboxrd(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)) : raw;

/** The quick paths over un-quoted bytes: lazy-row.ts for plain mail, quick-multipart.ts for simple multipart. */
function quickRowOf(bytes: Uint8Array, p: ArchivePosition): MessageRow | undefined {
  const position = positionText(p);
  return lazyRow(bytes, p.source, position) ?? multipartRow(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), p.source, position);
}

/** The full decoder over un-quoted bytes; a message it rejects is skipped with why. */
async function fullRowOf(bytes: Uint8Array, p: ArchivePosition, index: number): Promise<RowResult> {
  const position = positionText(p);
  try {
    return { kind: 'row', row: toMessageRow(await decodeMessage(bytes, originOf(p, index), { headers: ONLY_OWN_HEADERS }), p.source, position) };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { kind: 'skipped', position, reason: e.problem };
  }
}

/**
 * The row of an archived message when a quick path reads it, else undefined. Synchronous, and done with `raw` when
 * it returns: the caller may hand a view of a buffer that is read into again next.
 */
export function quickDecodedRow(raw: Uint8Array, p: ArchivePosition, mboxrd = false): MessageRow | undefined {
  return quickRowOf(unquoted(raw, mboxrd), p);
}

/** The row by the full decoder alone, for a message the quick paths declined. */
export function fullDecodedRow(raw: Uint8Array, p: ArchivePosition, index: number, mboxrd = false): Promise<RowResult> {
  return fullRowOf(unquoted(raw, mboxrd), p, index);
}

/** Decode one archived message into its row (quick paths, else the full decoder); a message the decoder rejects is skipped with why. */
export async function decodeRow(raw: Uint8Array, p: ArchivePosition, index: number, mboxrd = false): Promise<RowResult> {
  const bytes = unquoted(raw, mboxrd);
  const quick = quickRowOf(bytes, p);
  return quick ? { kind: 'row', row: quick } : fullRowOf(bytes, p, index);
}
