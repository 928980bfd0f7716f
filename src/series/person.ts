import type { Person } from '../ingest/index.js';

/**
 * RFC 5322 specials that may not stand unquoted in a display name. b4 reads trailer persons with Python's
 * `email.utils.parseaddr`, which gives up on such names (`Tester2, Followup <x>`, `Tester1 [corp] <x>`):
 * we refuse them the same way, so a reply's trailer with such a name is not attributed to its sender.
 */
const UNQUOTED_SPECIAL = /[[\]<>:;@\\,]/;

/** `local@domain.tld` with no blanks or angle brackets (a linear check: mail is untrusted). */
export function isAddress(text: string): boolean {
  const at = text.indexOf('@');
  if (at <= 0 || text.indexOf('@', at + 1) >= 0 || /[\s<>]/.test(text)) return false;
  const dot = text.indexOf('.', at + 2);
  return dot > 0 && dot < text.length - 1;
}

/** Whether some blank-separated word of `text` looks like an address (b4's `\S+@\S+\.\S+`, without backtracking). */
export function mentionsAddress(text: string): boolean {
  return text.split(/\s+/).some((word) => {
    const at = word.indexOf('@');
    return at > 0 && word.indexOf('.', at + 2) > 0 && word.lastIndexOf('.') < word.length - 1;
  });
}

/** The value without b4's trailing `# comment` (extinfo). */
function withoutComment(text: string): string {
  const hash = text.indexOf(' #');
  return (hash >= 0 ? text.slice(0, hash) : text).trim();
}

/** Parses a person as trailers and From headers write them; null when the value is not one address. */
export function parsePerson(value: string): Person | null {
  // `Name <addr> (LSM/SELinux)`: a comment after the address, as Python's parseaddr (b4) reads it.
  const text = withoutComment(value.trim()).replace(/>\s*\([^()<>]*\)$/, '>');
  if (isAddress(text)) return { name: '', email: text };
  if (!text.endsWith('>')) return null;
  const open = text.lastIndexOf('<');
  const email = text.slice(open + 1, -1);
  if (open < 0 || !isAddress(email)) return null;
  let name = text.slice(0, open).trim();
  if (name.length >= 2 && name.startsWith('"') && name.endsWith('"')) name = name.slice(1, -1).replace(/\\(.)/g, '$1');
  else if (UNQUOTED_SPECIAL.test(name.replace(/\([^()]*\)/g, ''))) return null;
  return { name, email };
}

/**
 * Whether two addresses name the same mailbox as b4's LoreTrailer.email_eq judges it: case-insensitive, ignoring
 * a `+tag`, and accepting a domain that is one label more specific (`foo@linux.intel.com` = `foo@intel.com`).
 */
export function sameMailbox(a: string, b: string): boolean {
  const strip = (s: string) => s.toLowerCase().replace(/\+[^@]*@/, '@');
  const x = strip(a);
  const y = strip(b);
  if (x === y) return true;
  const [xl, xd] = x.split('@');
  const [yl, yd] = y.split('@');
  if (xl === undefined || yl === undefined || xd === undefined || yd === undefined || xl !== yl) return false;
  const dots = (d: string) => d.split('.').length;
  return Math.abs(dots(xd) - dots(yd)) === 1 && (xd.endsWith(`.${yd}`) || yd.endsWith(`.${xd}`));
}
