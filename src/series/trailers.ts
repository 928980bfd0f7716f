import type { Person } from '../ingest/index.js';
import type { Trailer, TrailerOrigin } from './types.js';
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
      const key = canonicalTrailerKey(t[1] as string);
      if (NEVER_TRAILERS.has(key.toLowerCase())) continue;
      last = { key, value: (t[2] as string).trimEnd(), line };
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

// b4's follow-up rules (LoreMessage.find_trailers with followup=True and LoreMessage.__init__).
const LINK_KEYS = new Set(['link', 'buglink', 'closes']);
const NON_PERSON_KEYS = new Set([...LINK_KEYS, 'fixes', 'subject', 'date', 'obsoleted-by', 'change-id', 'base-commit']);
const NOT_FROM_REPLIES = new Set(['from', 'author', 'cc', 'to', 'date', 'subject', 'subscribe', 'unsubscribe', 'base-commit', 'change-id']);

function acceptableInReply(c: Candidate): boolean {
  const lname = c.key.toLowerCase();
  if (NOT_FROM_REPLIES.has(lname)) return false;
  if (!mentionsAddress(c.value) && !NON_PERSON_KEYS.has(lname)) return false;
  return !(/https?:\/\//.test(c.value) && !LINK_KEYS.has(lname));
}

/**
 * b4 (0.12, the version our conformance data comes from) applies a reply's trailer to the patch only when it is a
 * person trailer naming the sender: same mailbox, or exactly the same name. A reply's `Link:`/`Fixes:` lines, and
 * person trailers for someone else, are not endorsements by the sender.
 */
function namesSender(t: Trailer, sender: Person | null): boolean {
  if (NON_PERSON_KEYS.has(t.key.toLowerCase()) || !t.person || !sender) return false;
  if (sameMailbox(t.person.email, sender.email)) return true;
  return t.person.name !== '' && t.person.name.toLowerCase() === sender.name.toLowerCase();
}

/**
 * Trailers a reviewer gave in a reply: any line of the reply's own (unquoted) text, with b4's follow-up rules.
 * `accepted` are person trailers naming the sender (they go onto the patch); `ignored` are the other well-formed
 * trailer lines (someone else's name, links, Fixes), kept so a viewer can still show them.
 */
export function replyTrailers(newText: NumberedLine[], from: string, sender: Person | null): { accepted: Trailer[]; ignored: Trailer[] } {
  const accepted: Trailer[] = [];
  const ignored: Trailer[] = [];
  for (const c of readTrailerLines(newText).found.filter(acceptableInReply)) {
    const t = toTrailer(c, from, 'reply');
    (namesSender(t, sender) ? accepted : ignored).push(t);
  }
  return { accepted, ignored };
}

/** Appends `extra` trailers not already in `base` (same key, same value ignoring case), as b4 does. */
export function mergeTrailers(base: Trailer[], extra: Trailer[]): Trailer[] {
  const seen = new Set(base.map((t) => `${t.key.toLowerCase()}: ${t.value.toLowerCase()}`));
  const out = [...base];
  for (const t of extra) {
    const key = `${t.key.toLowerCase()}: ${t.value.toLowerCase()}`;
    if (!seen.has(key)) out.push(t);
    seen.add(key);
  }
  return out;
}

/** `Key: value` as git prints a trailer. */
export function formatTrailer(t: Pick<Trailer, 'key' | 'value'>): string {
  return `${t.key}: ${t.value}`;
}
