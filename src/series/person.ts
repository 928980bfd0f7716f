import type { Person } from '../ingest/types.js';

/** `Name <addr>`, with an optional `# comment` after it (b4's extinfo). */
const NAME_ADDR = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*(?:#.*)?$/;
/** A bare address, optionally followed by a `# comment`. */
const BARE_ADDR = /^([^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)\s*(?:#.*)?$/;
/**
 * RFC 5322 specials that may not stand unquoted in a display name. b4 reads trailer persons with Python's
 * `email.utils.parseaddr`, which gives up on such names (`Tester2, Followup <x>`, `Tester1 [corp] <x>`):
 * we refuse them the same way, so a reply's trailer with such a name is not attributed to its sender.
 */
const UNQUOTED_SPECIAL = /[[\]<>:;@\\,]/;

/** Parses a person as trailers and From headers write them; null when the value is not one address. */
export function parsePerson(value: string): Person | null {
  const text = value.trim();
  const bare = BARE_ADDR.exec(text);
  if (bare) return { name: '', email: bare[1] as string };
  const m = NAME_ADDR.exec(text);
  if (!m) return null;
  let name = (m[1] ?? '').trim();
  const quoted = /^"(.*)"$/.exec(name);
  if (quoted) name = (quoted[1] ?? '').replace(/\\(.)/g, '$1');
  else if (UNQUOTED_SPECIAL.test(name.replace(/\([^)]*\)/g, ''))) return null;
  return { name, email: m[2] as string };
}

/**
 * Whether two addresses name the same mailbox as b4's LoreTrailer.email_eq judges it: case-insensitive, ignoring
 * a `+tag`, and accepting a domain that is one label more specific (`foo@linux.intel.com` = `foo@intel.com`).
 */
export function sameMailbox(a: string, b: string): boolean {
  const strip = (s: string) => s.toLowerCase().replace(/\+[^@]+@/, '@');
  const x = strip(a);
  const y = strip(b);
  if (x === y) return true;
  const [xl, xd] = x.split('@');
  const [yl, yd] = y.split('@');
  if (xl === undefined || yl === undefined || xd === undefined || yd === undefined || xl !== yl) return false;
  const dots = (d: string) => d.split('.').length;
  return Math.abs(dots(xd) - dots(yd)) === 1 && (xd.endsWith(`.${yd}`) || yd.endsWith(`.${xd}`));
}
