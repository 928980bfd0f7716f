import type { SubjectInfo } from './types.js';

/**
 * Reply and forward markers mail clients put before a subject: English `Re:`/`Fwd:`/`Fw:`, German `Aw:`/`Wg:`,
 * Scandinavian `Sv:`, Dutch `Antw:`. Repeats (`Re: Re: Fwd:`) are all stripped.
 */
const REPLY_MARKER = /(?:re|aw|fwd?|sv|wg|antw)\s*(?:\[\d+\])?\s*:\s*/iy;
/** A leading `[...]` group; b4 reads every leading group, so `[PATCH] [net] x` gives both prefixes. */
const BRACKET_GROUP = /\[([^\]]*)\]\s*/y;
/** `[PATCHv3]` and `[RFCv2]` glue the version to the word: b4 splits them the same way. */
const GLUED_VERSION = /\b(patch|rfc|resend)(v\d+)\b/gi;
const COUNTER = /^(\d{1,4})\/(\d{1,4})$/;
const VERSION = /^v(\d{1,4})$/i;

interface Prefix {
  counter: number | null;
  total: number | null;
  version: number | null;
  words: string[];
}

/** Reads the words of the bracket groups; counters and versions are taken out, the rest kept in order. */
function readPrefixWords(chunks: string[]): Prefix {
  const out: Prefix = { counter: null, total: null, version: null, words: [] };
  for (const raw of chunks) {
    const chunk = raw.replace(/^[,;]+|[,;]+$/g, '');
    if (chunk === '') continue;
    const counter = COUNTER.exec(chunk);
    const version = VERSION.exec(chunk);
    if (counter) {
      out.counter = Number(counter[1]);
      out.total = Number(counter[2]);
    } else if (version) {
      out.version = Number(version[1]);
    } else {
      out.words.push(chunk);
    }
  }
  return out;
}

/** Skips every reply/forward marker at `from` (`Re: Re: Fwd:`); sticky regexes walk by index, never by slicing. */
function skipReplyMarkers(subject: string, from: number): { at: number; isReply: boolean } {
  let at = from;
  REPLY_MARKER.lastIndex = at;
  while (REPLY_MARKER.test(subject)) at = REPLY_MARKER.lastIndex;
  return { at, isReply: at > from };
}

/**
 * Takes a subject apart as b4's LoreSubject does (mricon/b4 src/b4/__init__.py): reply markers, every leading
 * bracket group, `N/M` counters, `vN` versions, PATCH/RFC/RESEND words. What was not given is inferred and marked:
 * version 1 (`versionInferred`) and, for a patch, 1/1 (`counterInferred`). `[PATCH 6/5]` raises the total to 6.
 */
export function parseSubject(raw: string): SubjectInfo {
  const unfolded = raw.replace(/\s+/g, ' ').trim();
  let { at, isReply } = skipReplyMarkers(unfolded, 0);
  const chunks: string[] = [];
  BRACKET_GROUP.lastIndex = at;
  for (let m = BRACKET_GROUP.exec(unfolded); m; m = BRACKET_GROUP.exec(unfolded)) {
    // A loop, not push(...words): a bracket group of 150,000 words overflowed the stack (found by the fuzzer).
    for (const word of (m[1] ?? '').replace(GLUED_VERSION, '$1 $2').split(' ')) chunks.push(word);
    // `[PATCH] Re: foo` is still a reply (some clients put the marker after the list tag).
    const inner = skipReplyMarkers(unfolded, BRACKET_GROUP.lastIndex);
    at = inner.at;
    isReply ||= inner.isReply;
    BRACKET_GROUP.lastIndex = at;
  }
  const rest = unfolded.slice(at);
  const prefix = readPrefixWords(chunks);
  const lower = prefix.words.map((w) => w.toLowerCase());
  const isPatch = lower.some((w) => w.startsWith('patch'));
  const counterGiven = prefix.counter !== null && prefix.total !== null;
  const assumeSingle = !counterGiven && isPatch;
  const counter = counterGiven ? prefix.counter : assumeSingle ? 1 : null;
  const total = counterGiven ? Math.max(prefix.total ?? 0, prefix.counter ?? 0) : assumeSingle ? 1 : null;
  return {
    raw,
    summary: rest.trim(),
    isReply,
    prefixes: prefix.words,
    isPatch,
    rfc: lower.some((w) => w.startsWith('rfc')),
    resend: lower.some((w) => w.startsWith('resend')),
    version: prefix.version ?? 1,
    versionInferred: prefix.version === null,
    counter,
    total,
    counterInferred: !counterGiven,
  };
}
