/**
 * One message's bytes → RawMessage, through postal-mime (chosen in docs/mime-decoder.md).
 * postal-mime does the MIME work (RFC 2047 words, QP, base64, charsets, multipart); this file
 * only maps its result onto the contract in ./types.ts and records what it had to guess.
 * Mail that needs no library is read without it, giving what postal-mime gives: plain single
 * parts (plain-mail.ts, transfer-decoding.ts) and simple multipart mail (mime-walk.ts).
 */
import type { Email, Attachment } from 'postal-mime';
import { isUtf8 } from 'node:buffer';
import { InputError } from '../util/errors.js';
import { authorLikeGit, normaliseNewlines, unfoldLikeGit } from './git-mailinfo.js';
import { isoDate, messageIdsIn, singleMessageId, unknownCharsets } from './header-values.js';
import { contentTypeLines } from './content-type-lines.js';
import { linesBeforeBody, parsePlainMail, type ParsedParts } from './plain-mail.js';
import { postalMime, MAX_HEADERS_BYTES } from './postal-mime.js';
import { walkMime } from './mime-walk.js';
import { asEightBit } from './transfer-decoding.js';
import type { Header, MessageOrigin, RawMessage, TextAttachment } from './types.js';

export { MAX_HEADERS_BYTES };

/** The MIME types whose parts we keep as text attachments (patches sent as attachments). */
const TEXT_ATTACHMENT = /^text\//;

export interface DecodeOptions {
  /**
   * false: postal-mime reads the multipart mail mime-walk.ts would read (the reference the walk is
   * compared with in mime-walk.test.ts). Default true.
   */
  mimeWalk?: boolean;
  /**
   * The header names (lower case) whose values the caller will read: RawMessage.headers keeps only these, and
   * those its own fields come from. Default: all. A list mail carries some fifty header lines (anti-spam fields
   * and the like); decoding every value was 8% of the archive's `show` (issue 18).
   */
  headers?: ReadonlySet<string>;
}

/**
 * Decode one message. Throws InputError naming the origin when postal-mime rejects the bytes;
 * streaming callers turn that into a SkippedMessage so that count in == count out.
 */
export async function decodeMessage(raw: Uint8Array, origin: MessageOrigin, options: DecodeOptions = {}): Promise<RawMessage> {
  const unknown = unknownCharsets(raw);
  const asUtf8 = unknown.length > 0 && isUtf8(raw);
  const bytes = withoutFlowed(asUtf8 ? relabelled(raw, unknown) : raw);
  const keep = headerKeeper(options.headers);
  const parsed: ParsedMail =
    plainAfterTransferDecoding(bytes, keep) ??
    parsePlainMail(bytes, MAX_HEADERS_BYTES, keep) ??
    (options.mimeWalk === false ? undefined : walkMime(bytes)) ??
    (await parseMime(bytes, origin));
  if (asUtf8) parsed.unknownCharsetAsUtf8 = true;
  parsed.unknownCharsets = unknown;
  return toRawMessage(parsed, raw, origin, options.headers);
}

/**
 * A single-part quoted-printable or base64 text message read by the plain fast path once its body
 * is decoded (transfer-decoding.ts), with its own Content-Transfer-Encoding header line reported;
 * null when it is not such a message.
 */
function plainAfterTransferDecoding(bytes: Uint8Array, keep?: (key: string) => boolean): ParsedMail | null {
  const eight = asEightBit(bytes);
  const parsed = eight && parsePlainMail(eight.bytes, MAX_HEADERS_BYTES, keep);
  if (!eight || !parsed) return null;
  const headerLines = parsed.headerLines.map((h) => (h.key === 'content-transfer-encoding' ? { key: h.key, line: eight.encodingLine } : h));
  return { ...parsed, headerLines };
}

/**
 * An unknown charset label (`charset="y"`) over bytes that are valid UTF-8: git mailinfo cannot convert from the
 * label and keeps the bytes, so the commit gets the UTF-8 the author wrote. The label is replaced by utf-8 on the
 * Content-Type lines so that either parser reads it so (a body that is not UTF-8 keeps postal-mime's fallback).
 */
function relabelled(bytes: Uint8Array, unknown: string[]): Uint8Array {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const labels = new Set(unknown.map((u) => u.toLowerCase()));
  const out = text.replace(/^content-type:[^\n]*(?:\r?\n[ \t][^\n]*)*/gim, (header) =>
    header.replace(/(charset\s*=\s*"?)([^";\s]+)/i, (m, pre: string, label: string) => (labels.has(label.toLowerCase()) ? `${pre}utf-8` : m)));
  return Buffer.from(out, 'latin1');
}

const FLOWED = Buffer.from('flowed');
/** A `format=flowed` parameter of a Content-Type value (a fold before it included). */
export const FLOWED_PARAM = /;[ \t]*(?:\r?\n[ \t]+)?format[ \t]*=[ \t]*"?flowed"?/gi;

/**
 * The message with `format=flowed` taken off its Content-Type lines: git mailinfo (and b4, through Python's
 * email package) read a flowed body line by line as sent, without joining soft-broken lines. Joining them (as
 * postal-mime would) changes what git am records and, in replies, glues a quoted `> ` line to the trailer under
 * it. Only header lines that start with `Content-Type:` are touched; bodies are not.
 */
export function withoutFlowed(bytes: Uint8Array): Uint8Array {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.indexOf(FLOWED) < 0) return bytes;
  const pieces: Buffer[] = [];
  let kept = 0;
  const lines = contentTypeLines(b);
  for (let i = 0; i < lines.length; i += 2) {
    const line = b.toString('latin1', lines[i], lines[i + 1]);
    const unflowed = line.replace(FLOWED_PARAM, '');
    if (unflowed === line) continue;
    pieces.push(b.subarray(kept, lines[i]), Buffer.from(unflowed, 'latin1'));
    kept = lines[i + 1]!;
  }
  return pieces.length === 0 ? bytes : Buffer.concat([...pieces, b.subarray(kept)]);
}

/** The MIME path: postal-mime for everything the plain fast path declines. */
export async function parseMime(bytes: Uint8Array, origin: MessageOrigin): Promise<ParsedMail> {
  let email: Email;
  try {
    email = await postalMime().default.parse(bytes, { attachmentEncoding: 'utf8', maxHeadersSize: MAX_HEADERS_BYTES });
  } catch (e) {
    throw new InputError(locationOf(origin), `cannot decode message: ${e instanceof Error ? e.message : String(e)}`);
  }
  const attachments = email.attachments.filter((a) => TEXT_ATTACHMENT.test(a.mimeType)).map(toTextAttachment);
  const parsed: ParsedMail = { headerLines: email.headerLines, text: normaliseNewlines(email.text ?? ''), attachments };
  const bodyOffsetLines = linesBeforeBody(bytes);
  if (bodyOffsetLines !== undefined) parsed.bodyOffsetLines = bodyOffsetLines;
  return parsed;
}

export function locationOf(origin: MessageOrigin): { source: string; message: number; offset?: number } {
  const source = origin.file === undefined ? origin.source : `${origin.source}/${origin.file}`;
  return origin.offset === null ? { source, message: origin.index } : { source, message: origin.index, offset: origin.offset };
}

/** A parsed message, from postal-mime or from the plain fast path. */
interface ParsedMail extends ParsedParts {
  attachments?: TextAttachment[];
  /** The unknown charset labels of the raw message, when the caller has already looked (a second scan is costly). */
  unknownCharsets?: string[];
}

/** DecodeOptions.headers for a caller that reads only RawMessage's own fields and body. */
export const ONLY_OWN_HEADERS: ReadonlySet<string> = new Set();

/** The headers RawMessage's own fields are read from. */
const OWN_HEADERS: ReadonlySet<string> = new Set(['message-id', 'in-reply-to', 'references', 'from', 'date', 'subject']);

/** Whether a header key is kept: one of OWN_HEADERS or of `only` (DecodeOptions.headers); undefined keeps all. */
function headerKeeper(only: ReadonlySet<string> | undefined): ((key: string) => boolean) | undefined {
  return only && ((key) => OWN_HEADERS.has(key) || only.has(key));
}

/** `only`: the header names to keep beyond OWN_HEADERS (DecodeOptions.headers); all when undefined. */
export function toRawMessage(parsed: ParsedMail, bytes: Uint8Array, origin: MessageOrigin, only?: ReadonlySet<string>): RawMessage {
  const keep = headerKeeper(only);
  const lines = keep ? parsed.headerLines.filter((h) => keep(h.key)) : parsed.headerLines;
  const headers: Header[] = lines.map((h) => ({ name: h.key, value: headerValue(h.line) }));
  const first = (name: string): string | undefined => headers.find((h) => h.name === name)?.value;
  const fromHeader = first('from');
  const dateLine = parsed.headerLines.find((h) => h.key === 'date')?.line;
  const dateHeader = dateLine === undefined ? null : unfoldLikeGit(dateLine.slice(dateLine.indexOf(':') + 1)).trim();
  const how = parsed.unknownCharsetAsUtf8 ? 'read as the valid UTF-8 it is, as git mailinfo does' : 'decoded with a fallback (windows-1252)';
  const warnings = (parsed.unknownCharsets ?? unknownCharsets(bytes)).map((c) => `unknown charset "${c}": ${how}`);
  if (headers.length === 0) warnings.push('no header lines: the message is a bare body');
  const date = isoDate(dateHeader);
  if (dateHeader !== null && date === null) warnings.push(`unparseable Date header: ${JSON.stringify(dateHeader)}`);
  const message: RawMessage = {
    origin,
    messageId: singleMessageId(first('message-id')),
    inReplyTo: singleMessageId(first('in-reply-to')),
    references: messageIdsIn(first('references')),
    from: fromHeader === undefined ? null : authorLikeGit(fromHeader),
    date,
    dateHeader,
    subject: first('subject') ?? '',
    body: parsed.text,
    attachments: parsed.attachments ?? [],
    headers,
    warnings,
  };
  // Raw header lines before the body, from whichever parser read the bytes (see RawMessage.bodyOffsetLines).
  if (parsed.bodyOffsetLines !== undefined) message.bodyOffsetLines = parsed.bodyOffsetLines;
  return message;
}

/** A raw header line → its value, unfolded as git does, RFC 2047 words decoded, trimmed. */
function headerValue(line: string): string {
  const raw = unfoldLikeGit(line.slice(line.indexOf(':') + 1));
  if (!raw.includes('=?')) return raw.trim();
  try {
    return postalMime().decodeWords(raw).trim();
  } catch {
    return raw.trim();
  }
}

function toTextAttachment(a: Attachment): TextAttachment {
  const text = typeof a.content === 'string' ? a.content : new TextDecoder().decode(a.content);
  return { filename: a.filename, mimeType: a.mimeType, text: normaliseNewlines(text) };
}
