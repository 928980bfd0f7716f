import type { Cover, MailAddressing, Patch, Reply, ThreadNode, Trailer } from './types.js';
import type { ClassifiedMessage } from './classify.js';
import { splitPatchBody } from './split.js';
import { parseDiff, diffstatMismatches } from './diff.js';
import { parseDiffstat } from './diffstat.js';
import { commitTrailers, mergeTrailers, replyTrailers } from './trailers.js';
import { splitReply } from './replies.js';
import { readInBodyHeaders } from './inbody.js';
import { parsePerson } from './person.js';
import { isoDate, type Person, type RawMessage } from '../ingest/index.js';

const BASE_COMMIT = /^base-commit:[ \t]*([0-9a-f]{7,64})[ \t]*$/im;
/** Metadata lines format-patch and b4 put in a cover's last paragraph: kept as fields, not as trailers. */
const COVER_METADATA = new Set(['base-commit', 'change-id', 'prerequisite-change-id', 'prerequisite-patch-id']);

export function baseCommitOf(body: string): string | null {
  return BASE_COMMIT.exec(body)?.[1] ?? null;
}

/**
 * The headers this stage reads of a RawMessage beyond its own fields (mailAddressing, rawBodyOffset): a reader of
 * whole archives decodes only these (DecodeOptions.headers). headers-read.test.ts holds the list to the code.
 */
export const HEADERS_READ: ReadonlySet<string> = new Set(['to', 'cc', 'reply-to', 'mail-followup-to', 'content-type', 'content-transfer-encoding']);

/** How the mail was addressed, for answering it (see MailAddressing). */
export function mailAddressing(m: RawMessage): MailAddressing {
  const all = (name: string): string => m.headers.filter((h) => h.name === name).map((h) => h.value).join(', ');
  return {
    from: m.from, dateHeader: m.dateHeader, to: all('to'), cc: all('cc'),
    replyTo: all('reply-to'), mailFollowupTo: all('mail-followup-to'), references: m.references,
  };
}

/**
 * A reply as the contract has it: new text, quotes, and the trailers it gives (b4's follow-up rules).
 * `parentMissing`: a message on its way up to the patch was never read, so which patch it reviews is unknown.
 */
export function buildReply(node: ThreadNode, depth: number, c: ClassifiedMessage, parentMissing = false): Reply {
  const split = splitReply(c.message.body);
  const read = replyTrailers(split.newLines, c.id, { sender: c.message.from, hasDiff: c.hasDiff });
  const accepted = parentMissing ? [] : read.accepted;
  const ignored = parentMissing ? [...read.accepted.map((trailer) => ({ trailer, reason: 'parent-missing' as const, sender: c.message.from })), ...read.ignored] : read.ignored;
  const reply: Reply = {
    messageId: c.id,
    subject: c.message.subject,
    author: c.message.from,
    date: c.message.date,
    parentId: node.parentId,
    depth,
    newText: split.newText,
    quoted: split.quoted,
    trailers: accepted,
    origin: c.message.origin,
  };
  if (ignored.length > 0) reply.ignoredTrailers = ignored;
  if (c.message.date !== null && c.message.dateHeader) reply.dateWritten = c.message.dateHeader;
  return reply;
}

/** Replies flattened in date order (undated last, otherwise in thread order: the sort is stable). */
export function byDate(replies: Reply[]): Reply[] {
  return [...replies].sort((a, b) => (a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1));
}

/** The trailers replies gave, in input order (b4 meets follow-ups in the order of the thread it read). */
function replyTrailersOf(replies: Reply[]): Trailer[] {
  return [...replies].sort((a, b) => a.origin.index - b.origin.index).flatMap((r) => r.trailers);
}

/**
 * The mail's author and date, overridden by in-body `From:`/`Date:` as git am does (a bogus From: gives null).
 * The date is kept as written too (with the sender's zone), as git am records it.
 */
function authorship(c: ClassifiedMessage, from: string | null, date: string | null): { author: Person | null; date: string | null; dateWritten?: string } {
  const author = from === null ? c.message.from : parsePerson(from);
  const inBody = isoDate(date);
  if (inBody !== null) return { author, date: inBody, dateWritten: (date as string).trim() };
  return { author, date: c.message.date, ...(c.message.date !== null && c.message.dateHeader ? { dateWritten: c.message.dateHeader } : {}) };
}

/**
 * Lines of the mail before `body` when body line N is raw line N + offset: a single text/plain part (or no
 * Content-Type), not format=flowed, in 7bit/8bit (or no) transfer encoding. QP and base64 bodies, multipart
 * and flowed text decode to other lines than were sent; then undefined.
 */
export function rawBodyOffset(m: RawMessage, body: string): number | undefined {
  if (m.bodyOffsetLines === undefined || body !== m.body) return undefined;
  const header = (name: string): string => m.headers.find((h) => h.name === name)?.value ?? '';
  const type = header('content-type');
  if (type !== '' && (!/^text\/plain[ \t]*(?:;|$)/i.test(type) || /format[ \t]*=[ \t]*"?flowed/i.test(type))) return undefined;
  return /^(?:7bit|8bit)?$/i.test(header('content-transfer-encoding').trim()) ? m.bodyOffsetLines : undefined;
}

export function buildPatch(c: ClassifiedMessage, index: number, replies: Reply[]): Patch {
  const split = splitPatchBody(c.patchBody);
  const inBody = readInBodyHeaders(split.commitMessage);
  // Nothing consumed (the common case) leaves the message as it is: no split and join to rebuild the same text.
  const commitMessage = inBody.consumed === 0 ? split.commitMessage : split.commitMessage.split('\n').slice(inBody.consumed).join('\n');
  const commitBodyLine = split.commitBodyLine + inBody.consumed;
  const diffBodyLine = split.diffBodyLine ?? 0;
  const diff = parseDiff(split.diffText, diffBodyLine);
  const diffstat = parseDiffstat(split.notes);
  const patch: Patch = {
    index,
    subject: c.subject.summary,
    rawSubject: c.message.subject,
    subjectInfo: c.subject,
    ...authorship(c, inBody.from, inBody.date),
    messageId: c.id,
    commitMessage,
    body: c.patchBody,
    trailers: mergeTrailers(commitTrailers(commitMessage, c.id, 'patch', commitBodyLine), replyTrailersOf(replies)),
    files: diff.files,
    diffstat,
    diffstatMismatches: diff.error ? [] : diffstatMismatches(diffstat, diff.files),
    diffText: split.diffText,
    diffBodyLine,
    replies,
    origin: c.message.origin,
    mail: mailAddressing(c.message),
  };
  if (diff.error) patch.diffError = diff.error;
  const offset = rawBodyOffset(c.message, c.patchBody);
  if (offset !== undefined) patch.bodyOffsetLines = offset;
  return patch;
}

export function buildCover(c: ClassifiedMessage, replies: Reply[]): Cover {
  const split = splitPatchBody(c.message.body);
  const own = commitTrailers(split.commitMessage, c.id, 'cover', split.commitBodyLine).filter((t) => !COVER_METADATA.has(t.key.toLowerCase()));
  const cover: Cover = {
    subject: c.subject.summary,
    rawSubject: c.message.subject,
    subjectInfo: c.subject,
    author: c.message.from,
    date: c.message.date,
    ...(c.message.date !== null && c.message.dateHeader ? { dateWritten: c.message.dateHeader } : {}),
    messageId: c.id,
    body: c.message.body,
    trailers: mergeTrailers(own, replyTrailersOf(replies)),
    baseCommit: baseCommitOf(c.message.body),
    replies,
    origin: c.message.origin,
    mail: mailAddressing(c.message),
  };
  const offset = rawBodyOffset(c.message, c.message.body);
  if (offset !== undefined) cover.bodyOffsetLines = offset;
  return cover;
}
