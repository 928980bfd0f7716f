import type { Patch } from '../../series/index.js';
import { commitMessageEnd, splitBodyLines } from './commit-message.js';
import { patchSignOffs, type RawTrailer } from './trailer-lines.js';

/** A person as checkpatch's parse_email takes `Name (comment) <addr> # comment` apart: quotes dropped, blanks trimmed. */
export interface MailPerson {
  name: string;
  address: string;
  /** `(comment)` after the name and text after the address, kept to tell "comments mismatch" apart. */
  comment: string;
}

export function parseMailPerson(text: string): MailPerson | null {
  const m = /^\s*(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*(.*)$/.exec(text);
  if (m) {
    const named = /^(.*?)\s*(\(.*\))?$/.exec(m[1]!.replace(/"/g, ''))!;
    return { name: named[1]!.trim(), address: m[2]!, comment: `${named[2] ?? ''}${m[3]!.trim()}` };
  }
  const bare = /^\s*([^\s<>@]+@[^\s<>@]+)\s*(.*)$/.exec(text);
  return bare ? { name: '', address: bare[1]!, comment: bare[2]!.trim() } : null;
}

/**
 * The in-body `From:` (format-patch writes one at the top when sender ≠ author), as written. Like checkpatch, one
 * below a preface counts too: a stable review mail puts "6.12-stable review patch" and a rule above it.
 */
function inBodyFrom(patch: Pick<Patch, 'body'>): string | null {
  const lines = splitBodyLines(patch.body);
  for (const line of lines.slice(0, commitMessageEnd(lines))) {
    const m = /^From:\s*(.*)$/.exec(line.text);
    if (m) return m[1]!;
  }
  return null;
}

/** Who wrote the change, as checkpatch reads it: the in-body `From:` when there is one, else the mail's From:. */
export function patchAuthor(patch: Pick<Patch, 'body' | 'author'>): MailPerson | null {
  const inBody = inBodyFrom(patch);
  if (inBody !== null) return parseMailPerson(inBody);
  if (!patch.author?.email) return null;
  // Read as a sign-off is read, so `Rob Herring (Arm)` has the same name and comment on both sides.
  return parseMailPerson(`${patch.author.name} <${patch.author.email}>`);
}

/** How the author's sign-off matches, in checkpatch's terms ($authorsignoff 0-5). */
export type AuthorSignOff =
  | { kind: 'signed' }
  | { kind: 'none' }
  | { kind: 'mismatch'; what: 'comments' | 'name' | 'address' | 'subaddress'; signOff: RawTrailer };

const withoutSubaddress = (address: string): string => address.replace(/^([^+@]+)\+[^@]*(@.*)$/, '$1$2');

/** checkpatch's rule: an identical sign-off wins; else the last one that shares the name or the address says how. */
export function authorSignOff(author: MailPerson, signOffs: readonly RawTrailer[]): AuthorSignOff {
  let found: AuthorSignOff = { kind: 'none' };
  for (const s of signOffs) {
    const p = parseMailPerson(s.value);
    if (p === null) continue;
    const sameAddress = p.address.toLowerCase() === author.address.toLowerCase();
    const sameName = p.name === author.name;
    if (sameAddress && sameName && p.comment === author.comment) return { kind: 'signed' };
    if (sameAddress && sameName) found = { kind: 'mismatch', what: 'comments', signOff: s };
    else if (sameAddress) found = { kind: 'mismatch', what: 'name', signOff: s };
    else if (sameName && p.name !== '') {
      const sub = withoutSubaddress(p.address) === withoutSubaddress(author.address);
      found = { kind: 'mismatch', what: sub ? 'subaddress' : 'address', signOff: s };
    }
  }
  return found;
}

const signOffsOf = new WeakMap<object, AuthorSignOff | null>();

/** The author sign-off verdict of a patch (null when there is no author or no sign-off: other checks speak). */
export function patchAuthorSignOff(patch: Pick<Patch, 'body' | 'author'>): AuthorSignOff | null {
  if (signOffsOf.has(patch)) return signOffsOf.get(patch)!;
  const author = patchAuthor(patch);
  const signOffs = patchSignOffs(patch);
  const verdict = author === null || signOffs.length === 0 ? null : authorSignOff(author, signOffs);
  signOffsOf.set(patch, verdict);
  return verdict;
}

/** `Name <addr>` as checkpatch prints the From: side. */
export function formatPerson(p: MailPerson): string {
  return p.name === '' ? p.address : `${p.name} <${p.address}>`;
}
