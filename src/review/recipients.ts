import { addressParser } from 'postal-mime';
import type { Cover, Patch, Person } from '../series/index.js';

export interface Recipients {
  to: Person[];
  cc: Person[];
}

/** Every qualified address of a header value (groups flattened), in order. */
export function parseAddressList(value: string): Person[] {
  if (!value.trim()) return [];
  return addressParser(value, { flatten: true })
    .flatMap((a) => (a.address && a.address.includes('@') ? [{ name: a.name ?? '', email: a.address }] : []));
}

const key = (p: Person) => p.email.toLowerCase();

/**
 * Reply-all as b4 ty builds it (make_reply): the author (Reply-To when set, else From) is written to, and
 * everyone else the original was sent to is kept; addresses without an `@` dropped (b4's
 * cleanup_email_addrs), the reviewer's own address and duplicates left out. Where b4 ty keeps the
 * original To in To, we put them in Cc: the reply answers the author, the rest follow it.
 */
export function replyRecipients(m: Patch | Cover, me: Person): Recipients {
  const mail = m.mail;
  const from = mail?.from ?? m.author;
  const replyTo = mail ? parseAddressList(mail.replyTo) : [];
  const author = replyTo.length ? replyTo : from ? [from] : [];
  const seen = new Set<string>([key(me)]);
  const take = (list: Person[]) => list.filter((p) => { const k = key(p); if (seen.has(k)) return false; seen.add(k); return true; });
  const to = take(author);
  const cc = take([...(mail ? parseAddressList(mail.to) : []), ...(mail ? parseAddressList(mail.cc) : []), ...(replyTo.length && from ? [from] : [])]);
  // Answering one's own patch: the list and Cc still get it, so the first of them becomes To.
  if (to.length === 0 && cc.length > 0) to.push(cc.shift()!);
  return { to, cc };
}
