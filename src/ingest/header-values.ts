/**
 * Small pure helpers that turn header values into the shapes RawMessage promises:
 * message ids without angle brackets (RFC 5322 §3.6.4), dates as ISO 8601 UTC, charset warnings.
 */

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

/**
 * Charset labels that the WHATWG decoder does not know. postal-mime still decodes such parts
 * (falling back to windows-1252), so the message survives with a warning. Only Content-Type
 * header lines are scanned, not bodies, so a patch that mentions `charset=` causes no warning.
 */
export function unknownCharsets(raw: Uint8Array): string[] {
  // latin1 maps bytes 1:1, so offsets and ASCII header syntax survive any 8-bit content.
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1');
  const unknown: string[] = [];
  const contentType = /^content-type:[^\n]*(?:\r?\n[ \t][^\n]*)*/gim;
  for (const header of text.matchAll(contentType)) {
    const label = /charset\s*=\s*"?([^";\s]+)/i.exec(header[0])?.[1];
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
