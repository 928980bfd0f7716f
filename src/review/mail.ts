import { randomBytes } from 'node:crypto';
import * as mimeFuncs from 'nodemailer/lib/mime-funcs';
import * as qp from 'nodemailer/lib/qp';
import type { Cover, Patch, Person } from '../series/index.js';
import type { Recipients } from './recipients.js';

/** SMTP's line limit (RFC 5321 4.5.3.1.6) without CRLF: a longer body line needs quoted-printable. */
const MAX_LINE_OCTETS = 998;
/** Header lines are folded here (RFC 5322's recommended 78, as git format-patch does). */
const HEADER_COLUMNS = 76;

/** One reply, its headers and body ready to be written as a message. */
export interface ReplyMail {
  /** 1-based patch answered; 0 the cover. */
  patch: number;
  /** Without angle brackets. */
  messageId: string;
  inReplyTo: string;
  subject: string;
  from: Person;
  recipients: Recipients;
  date: Date;
  body: string;
}

/** Clock and randomness of the mails: injected by tests that want the same bytes twice. */
export interface MailClock {
  now: () => Date;
  /** Distinct per call: the local part of each fresh Message-ID. */
  uniqueId: () => string;
}

export const SYSTEM_CLOCK: MailClock = {
  now: () => new Date(),
  uniqueId: () => randomBytes(9).toString('base64url'),
};

/**
 * Mail is untrusted: a decoded subject or name may carry CR, LF or other controls (an encoded word
 * can hide `\r\nBcc: …`). In a header they become one space, so a reply never grows a header the
 * original smuggled in.
 */
export function headerText(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]+/g, ' ');
}

/** A Message-ID as it may stand between angle brackets: no blanks, controls or brackets. */
export function safeId(id: string): string {
  return id.replace(/[\x00-\x20\x7f<>]/g, '');
}

/** `Re: ` and the original subject as it was sent (list tags such as `[Linaro-mm-sig]` kept), one `Re:` only. */
export function replySubject(m: Patch | Cover): string {
  return `Re: ${headerText(m.rawSubject).replace(/^\s*(?:re\s*:\s*)+/i, '')}`;
}

/** A fresh Message-ID on the reviewer's domain, in the shape b4 makes (`<date-what-unique@domain>`). */
export function freshMessageId(from: Person, date: Date, unique: string): string {
  const domain = from.email.slice(from.email.lastIndexOf('@') + 1) || 'localhost';
  const stamp = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `${stamp}-patchscope-${unique}@${domain}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date in UTC (`Fri, 04 Dec 2026 21:08:36 +0000`), as `git format-patch` writes with TZ=UTC. */
export function rfc5322Date(d: Date): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

/** RFC 5322 specials (and the dot) that need a quoted display name. */
const SPECIALS = /[()<>[\]:;@\\,."]/;

/** `Name <addr>` for a header: non-ASCII names as encoded words (RFC 2047), names with specials quoted. */
export function formatAddress(p: Person): string {
  const name = headerText(p.name).trim();
  const email = safeId(p.email);
  if (!name) return email;
  if (/[^\x20-\x7e]/.test(name)) return `${mimeFuncs.encodeWord(name, 'Q', 52)} <${email}>`;
  if (SPECIALS.test(name)) return `"${name.replace(/(["\\])/g, '\\$1')}" <${email}>`;
  return `${name} <${email}>`;
}

/** An address header folded between addresses, never inside a name (as git send-email and mutt fold them). */
function addressHeader(name: string, people: readonly Person[]): string {
  const parts = people.map(formatAddress);
  const lines: string[] = [];
  let cur = `${name}:`;
  parts.forEach((p, i) => {
    const piece = i < parts.length - 1 ? `${p},` : p;
    if (cur.length + 1 + piece.length > HEADER_COLUMNS && cur.length > name.length + 1) {
      lines.push(cur);
      cur = ` ${piece}`;
    } else {
      cur = `${cur} ${piece}`;
    }
  });
  lines.push(cur);
  return lines.join('\n');
}

function header(name: string, value: string): string {
  return mimeFuncs.foldLines(`${name}: ${value}`, HEADER_COLUMNS).replace(/\r\n/g, '\n');
}

/** How the body travels: as it is (7bit/8bit), or quoted-printable when some line is too long for SMTP. */
function bodyEncoding(body: string): { cte: '7bit' | '8bit' | 'quoted-printable'; text: string } {
  const tooLong = body.split('\n').some((l) => Buffer.byteLength(l) > MAX_LINE_OCTETS);
  if (tooLong) return { cte: 'quoted-printable', text: `${qp.wrap(qp.encode(body), 76).replace(/\r\n/g, '\n')}` };
  return { cte: /[^\x00-\x7f]/.test(body) ? '8bit' : '7bit', text: body };
}

/** The message as sent (LF line ends; SMTP and sendmail turn them into CRLF): headers, blank line, UTF-8 body. */
export function renderMail(mail: ReplyMail, references: string[]): string {
  const { cte, text } = bodyEncoding(mail.body);
  const lines = [
    addressHeader('From', [mail.from]),
    addressHeader('To', mail.recipients.to),
    ...(mail.recipients.cc.length ? [addressHeader('Cc', mail.recipients.cc)] : []),
    header('Subject', mimeFuncs.encodeWords(mail.subject, 'Q', 52)),
    header('Date', rfc5322Date(mail.date)),
    header('Message-ID', `<${safeId(mail.messageId)}>`),
    header('In-Reply-To', `<${safeId(mail.inReplyTo)}>`),
    header('References', references.map((r) => `<${safeId(r)}>`).filter((r) => r !== '<>').join(' ')),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Transfer-Encoding: ${cte}`,
  ];
  return `${lines.join('\n')}\n\n${text.endsWith('\n') ? text : `${text}\n`}`;
}

/** The References of a reply: the original's chain, then the original itself (RFC 5322 3.6.4). */
export function replyReferences(m: Patch | Cover): string[] {
  const chain = (m.mail?.references ?? []).filter((r) => r !== m.messageId);
  return [...chain, m.messageId];
}
