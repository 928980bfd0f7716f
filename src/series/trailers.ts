import type { Person } from '../ingest/index.js';
import type { IgnoredReason, IgnoredTrailer, Trailer, TrailerOrigin } from './types.js';
import { mentionsAddress, parsePerson, sameMailbox } from './person.js';

/** Keys written with one canonical case however the sender typed them (checkpatch and b4 compare them this way). */
const CANONICAL_KEYS = [
  'Signed-off-by', 'Reviewed-by', 'Acked-by', 'Tested-by', 'Reported-by', 'Suggested-by', 'Co-developed-by',
  'Requested-by', 'Reviewed-and-tested-by', 'Nacked-by', 'Debugged-by', 'Originally-by', 'Helped-by',
  'Fixes', 'Link', 'Closes', 'BugLink', 'Cc', 'Message-ID', 'Change-Id', 'Base-commit', 'Cc-stable',
];
const BY_LOWER = new Map(CANONICAL_KEYS.map((k) => [k.toLowerCase(), k]));

export function canonicalTrailerKey(key: string): string {
  return BY_LOWER.get(key.toLowerCase()) ?? key;
}

/** A body line with its 1-based line number in the message body. */
export interface NumberedLine {
  text: string;
  line: number;
}

export function numberLines(text: string, firstLine = 1): NumberedLine[] {
  return text.split('\n').map((t, i) => ({ text: t, line: firstLine + i }));
}

// `Key: value`: git's key charset, b4's tolerance of leading blanks (reviewers indent trailers they give). The
// value is trimmed in code: a lazy `.*?` before `\s*$` would backtrack quadratically on a hostile line.
const TRAILER_LINE = /^\s*([A-Za-z0-9][A-Za-z0-9_-]*):\s+(\S.*)$/;
/** Continuation of the previous trailer's value: git joins indented lines into it. */
const CONTINUATION = /^\s+(\S.*)$/;
/** `Signed-off-by: Long Name` wrapped before `<addr>`: b4 rejoins it. */
const WRAPPED_ADDRESS = /^<[^<>\s]+@[^<>\s]+>$/;
/** b4's `[extra info]` line under a trailer: not a trailer, not prose. */
const EXTINFO = /^\s*\[[^\]]+\]\s*$/;
/** Keys b4 ignores everywhere: they are mail headers or contact details, not trailers. */
const NEVER_TRAILERS = new Set(['phone', 'email', 'prerequisite-message-id']);

interface Candidate {
  key: string;
  value: string;
  line: number;
}

/** Reads trailer lines with their continuations; `others` counts the lines that were prose. */
export function readTrailerLines(lines: NumberedLine[]): { found: Candidate[]; others: number } {
  const found: Candidate[] = [];
  let others = 0;
  let last: Candidate | null = null;
  for (const { text, line } of lines) {
    const t = TRAILER_LINE.exec(text);
    if (t) {
      const key = canonicalTrailerKey(t[1]!);
      if (NEVER_TRAILERS.has(key.toLowerCase())) continue;
      last = { key, value: t[2]!.trimEnd(), line };
      found.push(last);
      continue;
    }
    const cont = CONTINUATION.exec(text);
    if (last && (cont || WRAPPED_ADDRESS.test(text.trim()))) {
      last.value = `${last.value} ${(cont?.[1] ?? text).trim()}`;
      continue;
    }
    if (last && EXTINFO.test(text)) continue;
    if (text.trim() !== '') others++;
    last = null;
  }
  return { found, others };
}

function toTrailer(c: Candidate, from: string, origin: TrailerOrigin): Trailer {
  return { key: c.key, value: c.value, from, origin, person: parsePerson(c.value), line: c.line };
}

/**
 * The trailers of a commit message: its last paragraph, read leniently as b4's get_body_parts does (prose lines
 * in that paragraph are skipped, not fatal). `commitMessage` is the body up to the `---` line.
 */
export function commitTrailers(commitMessage: string, from: string, origin: TrailerOrigin, firstLine = 1): Trailer[] {
  const lines = numberLines(commitMessage.trimEnd(), firstLine);
  let start = lines.length;
  while (start > 0 && (lines[start - 1] as NumberedLine).text.trim() !== '') start--;
  return readTrailerLines(lines.slice(start)).found.map((c) => toTrailer(c, from, origin));
}

// b4's follow-up rules (0.12: LoreMessage.find_trailers(followup=True), LoreMessage.get_trailers,
// LoreMailbox.get_series, LoreTrailer.__eq__), stated once here for the whole pipeline.
/** Keys whose value names no person: accepted from a reply whoever sent it (b4's `nonperson`). */
export const NON_PERSON_KEYS: ReadonlySet<string> = new Set(['fixes', 'subject', 'date', 'link', 'buglink', 'obsoleted-by', 'change-id', 'base-commit']);
/** Lines a reply may hold that are commit metadata or mail headers, never a review given by its sender. */
const METADATA_KEYS = new Set(['from', 'author', 'cc', 'to', 'date', 'subject', 'subscribe', 'unsubscribe', 'base-commit', 'change-id']);

function readableInReply(c: Candidate): IgnoredReason | null {
  const lname = c.key.toLowerCase();
  if (METADATA_KEYS.has(lname)) return 'metadata-key';
  if (!mentionsAddress(c.value) && !NON_PERSON_KEYS.has(lname)) return 'not-a-review-trailer';
  return /https?:\/\//.test(c.value) ? 'not-a-review-trailer' : null;
}

/**
 * b4 applies a reply's person trailer only when the sender gave it: same mailbox (sameMailbox), exactly the same
 * name, or (b4's comma rule) a sender name with a comma. Non-person trailers (`Fixes:`) count whoever sent them.
 */
function givenBySender(t: Trailer, sender: Person | null): boolean {
  if (NON_PERSON_KEYS.has(t.key.toLowerCase())) return true;
  if (!t.person || !sender) return false;
  if (sameMailbox(t.person.email, sender.email)) return true;
  const senderName = sender.name.toLowerCase();
  // b4 accepts any trailer when the From name has a comma ("Doe, Jane"): its chunk test compares the header name
  // with itself. Reproduced so that our output equals b4's on such mail.
  return (t.person.name !== '' && t.person.name.toLowerCase() === senderName) || senderName.indexOf(',') > 0;
}

/** What a reply is to its trailers: who sent it, and whether it carries a diff of its own. */
export interface ReplyContext {
  sender: Person | null;
  hasDiff: boolean;
}

/**
 * Trailers a reviewer gave in a reply: any unquoted line of the reply's own text, with b4's follow-up rules.
 * `accepted` go onto the patch (or cover) the reply hangs under; `ignored` are the other well-formed trailer lines,
 * with the reason, kept so a viewer and `am` can still show them.
 */
export function replyTrailers(newText: NumberedLine[], from: string, ctx: ReplyContext): { accepted: Trailer[]; ignored: IgnoredTrailer[] } {
  const accepted: Trailer[] = [];
  const ignored: IgnoredTrailer[] = [];
  const indented = new Set(newText.filter((l) => /^\s/.test(l.text)).map((l) => l.line));
  for (const c of readTrailerLines(newText).found) {
    const t = toTrailer(c, from, 'reply');
    // The first reason that applies, in b4's order of judging (a mismatch is what b4 itself reports).
    const reason = readableInReply(c) ?? (!givenBySender(t, ctx.sender) ? 'sender-mismatch'
      : indented.has(c.line) ? 'indented' : ctx.hasDiff ? 'own-patch' : null);
    if (reason === null) accepted.push(t);
    else ignored.push({ trailer: t, reason, sender: ctx.sender });
  }
  return { accepted, ignored };
}

/** b4's LoreTrailer `__eq__`: same key and value, ignoring case. */
export function isSameTrailer(a: Pick<Trailer, 'key' | 'value'>, b: Pick<Trailer, 'key' | 'value'>): boolean {
  return a.key.toLowerCase() === b.key.toLowerCase() && a.value.toLowerCase() === b.value.toLowerCase();
}

/** b4 `fix_trailers` with trailer-order `*`: `base` kept in order, each of `extra` appended unless already there. */
export function mergeTrailers(base: readonly Trailer[], extra: readonly Trailer[]): Trailer[] {
  const seen = new Set(base.map((t) => `${t.key.toLowerCase()}: ${t.value.toLowerCase()}`));
  const out = [...base];
  for (const t of extra) {
    const key = `${t.key.toLowerCase()}: ${t.value.toLowerCase()}`;
    if (!seen.has(key)) out.push(t);
    seen.add(key);
  }
  return out;
}

/** The trailers a patch (or cover) carried itself, in order. */
export function ownTrailers(m: { trailers: readonly Trailer[] }): Trailer[] {
  return m.trailers.filter((t) => t.origin !== 'reply');
}

/** The trailers reviewers gave in replies, deduplicated against the message's own, in the order b4 adds them. */
export function addedTrailers(m: { trailers: readonly Trailer[] }): Trailer[] {
  return m.trailers.filter((t) => t.origin === 'reply');
}

/** `Key: value` as git prints a trailer. */
export function formatTrailer(t: Pick<Trailer, 'key' | 'value'>): string {
  return `${t.key}: ${t.value}`;
}
