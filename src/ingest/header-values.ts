/**
 * Small pure helpers that turn header values into the shapes RawMessage promises:
 * message ids without angle brackets (RFC 5322 §3.6.4), dates as ISO 8601 UTC, charset warnings.
 */
import { contentTypeLines } from './content-type-lines.js';

/** Every `<id>` in a header value, in order, without the brackets; duplicates dropped. */
export function messageIdsIn(value: string | undefined): string[] {
  if (!value) return [];
  // A Set, not Array.includes: a References header of 100,000 ids took a minute (quadratic).
  const ids = new Set<string>();
  for (const m of value.matchAll(/<([^<>\s]+)>/g)) ids.add(m[1]!);
  return [...ids];
}

/**
 * The single id of a Message-ID / In-Reply-To header. Some mailers omit the brackets; a lone
 * token with an `@` is then taken as the id. Anything else (a phrase, a comment) gives null.
 */
export function singleMessageId(value: string | undefined): string | null {
  const bracketed = messageIdsIn(value)[0];
  if (bracketed !== undefined) return bracketed;
  const bare = value?.trim() ?? '';
  // No '@' in the first run, so the pattern cannot backtrack over a long id.
  return /^[^\s<>()@]+@[^\s<>()]+$/.test(bare) ? bare : null;
}

/**
 * A Date header (RFC 5322 §3.3) as ISO 8601 UTC, or null when missing or not a date. V8's
 * Date parser reads RFC 5322 dates with zones and a trailing "(comment)", as postal-mime relies on.
 */
export function isoDate(header: string | null): string | null {
  if (!header) return null;
  const t = Date.parse(header);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** RFC 5322 §4.3 obsolete zone names, as git's date.c reads them (an unknown name is read as +0000). */
const ZONE_NAMES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
};

/**
 * The sender's UTC offset in minutes, as the Date header writes it (`+0200`, `-0700`, `GMT`), or null when the
 * header is not a date. `git am` keeps this zone; the contract's `date` is UTC, so it is kept beside it.
 */
export function utcOffsetMinutes(header: string | null): number | null {
  if (isoDate(header) === null) return null;
  // The zone follows the time of day: `hh:mm[:ss] zone` (a trailing `(CEST)` comment is ignored).
  const m = /\d{1,2}:\d{2}(?::\d{2})?\s*(?:([+-])(\d{2})(\d{2})|([A-Za-z]{1,3}))?/.exec(header as string);
  if (!m) return 0;
  if (m[1]) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return ZONE_NAMES[(m[4] ?? '').toUpperCase()] ?? 0;
}

/**
 * The instant of a Date header in the sender's own zone, ISO 8601 with offset (`2019-08-06T17:01:27+02:00`),
 * or null when the header is not a date.
 */
export function localIsoDate(header: string | null): string | null {
  const iso = isoDate(header);
  const offset = utcOffsetMinutes(header);
  if (iso === null || offset === null) return null;
  const shifted = new Date(Date.parse(iso) + offset * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${shifted}${offset < 0 ? '-' : '+'}${p(Math.floor(abs / 60))}:${p(abs % 60)}`;
}

/**
 * Charset labels that the WHATWG decoder does not know. postal-mime still decodes such parts
 * (falling back to windows-1252), so the message survives with a warning. Only Content-Type
 * header lines are scanned, not bodies, so a patch that mentions `charset=` causes no warning.
 */
export function unknownCharsets(raw: Uint8Array): string[] {
  const b = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const unknown: string[] = [];
  const lines = contentTypeLines(b);
  for (let i = 0; i < lines.length; i += 2) {
    // latin1 maps bytes 1:1, so ASCII header syntax survives any 8-bit content.
    const label = /charset\s*=\s*"?([^";\s]+)/i.exec(b.toString('latin1', lines[i], lines[i + 1]))?.[1];
    if (label && !isKnownCharset(label) && !unknown.includes(label)) unknown.push(label);
  }
  return unknown;
}

function isKnownCharset(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** How far into an undecodable message we look for its Message-ID. */
const RAW_ID_SCAN = 64 * 1024;

/**
 * The Message-ID of a message the decoder rejected, read straight from its first bytes, so
 * a skipped message can still be named (and threaded by whoever reports it). Null if absent.
 */
export function rawMessageId(raw: Uint8Array): string | null {
  const head = Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.byteLength, RAW_ID_SCAN)).toString('latin1');
  const line = /^message-id:[ \t]*(?:\r?\n[ \t]+)?<([^<>\s]+)>/im.exec(head);
  return line ? line[1]! : null;
}
