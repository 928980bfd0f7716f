import type { Patch, PatchSeries, Person, Trailer } from '../../series/index.js';
import { sanitizeForTerminal } from '../sanitize.js';
import { isFromLine, localIsoDate } from '../../ingest/index.js';
import { addedTrailers, isSameTrailer, type IgnoredTrailer } from '../../series/index.js';

/**
 * A series as an mbox for `git am`, with the review trailers from the replies folded into each
 * commit message as `b4 am` (0.12) does: the patch's own trailers stay as they are, in order;
 * trailers given in replies by their sender follow, without duplicates; trailers given for someone
 * else are left out and reported. The cover letter is not part of it. A `Link:` trailer is added
 * only when asked. What the author wrote comes back through a default `git am` unchanged (see bodyForMailsplit).
 */
export interface AmMboxOptions {
  /** Add `Link: <mask with %s = Message-ID>`; `true` uses https://lore.kernel.org/r/%s (b4's linkmask). */
  addLink?: boolean | string;
  /** b4 `am -t`: apply trailers given on the cover letter to every patch. */
  applyCoverTrailers?: boolean;
}

export interface AmPatchReport {
  index: number;
  subject: string;
  /** Trailers added from replies (and `Link:` when asked), in the order written. */
  added: Trailer[];
  ignored: IgnoredTrailer[];
}

export interface AmMbox {
  mbox: string;
  patches: AmPatchReport[];
  /** Patch numbers the series lacks: the mbox skips them, `git am` will likely fail after the gap. */
  missing: number[];
}

const DEFAULT_LINK_MASK = 'https://lore.kernel.org/r/%s';
const TRAILER_LINE = /^[A-Za-z0-9][A-Za-z0-9-]*:\s*\S/;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Header values come from mail: no line breaks may survive into our headers. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

/** RFC 2047 B-encoding for non-ASCII header text; ASCII passes unchanged. */
function encodeWord(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?utf-8?b?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

function formatAddress(person: Person | null): string {
  if (!person) return 'Unknown <unknown@unknown.invalid>';
  const name = oneLine(person.name).trim();
  const email = oneLine(person.email).trim();
  if (!name) return `<${email}>`;
  if (!/^[\x20-\x7e]*$/.test(name)) return `${encodeWord(name)} <${email}>`;
  // RFC 5322 specials in a display name need a quoted string ("Doe, Jane").
  return /[()<>@,;:\\".[\]]/.test(name) ? `"${name.replace(/(["\\])/g, '\\$1')}" <${email}>` : `${name} <${email}>`;
}

/**
 * The Date in the sender's own zone, as git am records it (and spelled as b4 writes it, RFC 5322 with a two-digit
 * day: `Tue, 06 Aug 2019 17:01:27 +0200`); in UTC when the mail had no readable Date.
 */
function amDate(patch: Patch): string {
  const local = localIsoDate(patch.dateWritten ?? null);
  const m = local === null ? null : /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})([+-]\d{2}):(\d{2})$/.exec(local);
  const iso = patch.date ?? new Date(0).toISOString();
  const [y, mo, d, time, zh, zm] = m ? m.slice(1) : [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10), iso.slice(11, 19), '+00', '00'];
  const day = DAYS[new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay()];
  return `${day}, ${d} ${MONTHS[Number(mo) - 1]} ${y} ${time} ${zh}${zm}`;
}

/** b4 `get_am_subject`: `[PATCH RFC v2 3/26] summary` (git am strips the brackets). */
function amSubject(series: PatchSeries, patch: Patch): string {
  const parts = ['PATCH', ...(series.rfc ? ['RFC'] : []), ...(patch.subjectInfo.versionInferred ? [] : [`v${series.version}`])];
  if (!patch.subjectInfo.counterInferred) parts.push(`${patch.index}/${series.total}`);
  return `[${parts.join(' ')}] ${oneLine(patch.subject)}`;
}

/** Splits the body into the commit message and what follows it (`---`, diffstat, diff). */
function splitBody(patch: Patch): { message: string; rest: string } {
  if (patch.commitMessage && patch.body.startsWith(patch.commitMessage)) {
    return { message: patch.commitMessage, rest: patch.body.slice(patch.commitMessage.length) };
  }
  return { message: patch.commitMessage, rest: `---\n${patch.diffText}` };
}

/**
 * b4 `find_trailers` repairs two common wraps in the trailer paragraph before rewriting it:
 * `Fixes: abc (subject` + `rest)` and `Signed-off-by: Name` + `<mail>` on the next line.
 */
export function unwrapTrailers(message: string): string {
  const trimmed = message.replace(/\s+$/, '');
  const cut = trimmed.lastIndexOf('\n\n');
  const head = cut < 0 ? '' : trimmed.slice(0, cut + 2);
  const last = (cut < 0 ? trimmed : trimmed.slice(cut + 2))
    .replace(/^(\S+:\s+[\da-f]+\s+\([^)\n]+)\n([^\n]+\))/gm, '$1 $2')
    .replace(/^(\S+:\s+[^<\n]+)\n(<[^>\n]+>)$/gm, '$1 $2');
  return `${head}${last}\n`;
}

/** The commit message with `added` appended to its trailer block (or as a new block). */
export function appendTrailers(message: string, added: readonly Pick<Trailer, 'key' | 'value'>[]): string {
  const trimmed = message.replace(/\s+$/, '');
  if (!added.length) return `${trimmed}\n`;
  const lines = trimmed.split('\n');
  const last = lines[lines.length - 1] ?? '';
  const block = added.map((t) => `${t.key}: ${oneLine(t.value)}`).join('\n');
  const joiner = trimmed === '' ? '' : TRAILER_LINE.test(last) ? '\n' : '\n\n';
  return `${trimmed}${joiner}${block}\n`;
}

function linkTrailer(patch: Patch, addLink: boolean | string): Trailer {
  const mask = typeof addLink === 'string' ? addLink : DEFAULT_LINK_MASK;
  return { key: 'Link', value: mask.replace('%s', patch.messageId), from: patch.messageId, origin: 'patch', person: null, line: 0 };
}

/**
 * The body as git mailsplit (default mode, what a plain `git am` runs) will give it back. A `From ` line in a
 * commit message is left as it is: mailsplit cuts only at a line its is_from_line() takes for a separator, and
 * `>From ` quoting would stay in the commit (git am does not un-quote by default). A body that does hold such a
 * line is sent base64, which mailinfo decodes, so the commit is still exactly what the author sent.
 */
function bodyForMailsplit(body: string): { text: string; encoding: '8bit' | 'base64' } {
  const lines = body.split('\n');
  if (!lines.some((l) => l.startsWith('From ') && isFromLine(Buffer.from(`${l}\n`)))) return { text: body, encoding: '8bit' };
  return { text: `${Buffer.from(body, 'utf8').toString('base64').replace(/.{1,76}/g, '$&\n')}`, encoding: 'base64' };
}

/** The reply trailers the series model collected for the patch, then (b4 `-t`) the series-wide cover ones. */
function trailersToAdd(series: PatchSeries, patch: Patch, opts: AmMboxOptions): { added: Trailer[]; ignored: IgnoredTrailer[] } {
  const added = addedTrailers(patch);
  const ignored = patch.replies.flatMap((r) => r.ignoredTrailers ?? []);
  if (opts.applyCoverTrailers && series.cover) {
    for (const t of series.coverTrailers ?? []) if (!patch.trailers.some((p) => isSameTrailer(p, t)) && !added.some((a) => isSameTrailer(a, t))) added.push(t);
    ignored.push(...series.cover.replies.flatMap((r) => r.ignoredTrailers ?? []));
  }
  if (opts.addLink) added.push(linkTrailer(patch, opts.addLink));
  return { added, ignored };
}

function amMessage(series: PatchSeries, patch: Patch, opts: AmMboxOptions): { text: string; report: AmPatchReport } {
  const { added, ignored } = trailersToAdd(series, patch, opts);
  const { message, rest } = splitBody(patch);
  const body = bodyForMailsplit(`${appendTrailers(unwrapTrailers(message), added)}${rest.replace(/^\n*/, '')}`.replace(/\n*$/, '\n'));
  const headers = [
    'From git@z Thu Jan  1 00:00:00 1970',
    `Subject: ${encodeWord(amSubject(series, patch))}`,
    `From: ${formatAddress(patch.author)}`,
    `Date: ${amDate(patch)}`,
    `Message-Id: <${oneLine(patch.messageId)}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="utf-8"',
    `Content-Transfer-Encoding: ${body.encoding}`,
  ];
  return {
    text: `${headers.join('\n')}\n\n${body.text}\n`,
    report: { index: patch.index, subject: patch.subject, added, ignored },
  };
}

/** The series as an am-ready mbox, with what was added and ignored per patch. */
export function buildAmMbox(series: PatchSeries, opts: AmMboxOptions = {}): AmMbox {
  const messages = series.patches.map((p) => amMessage(series, p, opts));
  return { mbox: messages.map((m) => m.text).join(''), patches: messages.map((m) => m.report), missing: [...series.missing] };
}

/** The series as an mbox ready for `git am`. */
export function toAmMbox(series: PatchSeries, opts: AmMboxOptions = {}): string {
  return buildAmMbox(series, opts).mbox;
}

/** What `am` did, for stderr, in b4's words: `+ Reviewed-by: …` per added trailer, `! …` per ignored one. */
export function formatAmSummary(am: AmMbox): string {
  const lines: string[] = [];
  for (const p of am.patches) {
    lines.push(`  ${p.index}: ${sanitizeForTerminal(oneLine(p.subject))}`);
    for (const t of p.added) lines.push(`    + ${sanitizeForTerminal(oneLine(`${t.key}: ${t.value}`))}`);
    for (const i of p.ignored) {
      const by = i.sender ? ` (from ${sanitizeForTerminal(oneLine(i.sender.email))})` : '';
      lines.push(`    ! ${sanitizeForTerminal(oneLine(`${i.trailer.key}: ${i.trailer.value}`))}: ${i.reason}${by}`);
    }
  }
  if (am.missing.length) lines.push(`missing patches: ${am.missing.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
