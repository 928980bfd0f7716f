import type { Cover, Patch, PatchSeries, Person } from '../series/index.js';
import { parsePerson } from '../series/index.js';
import { locate } from './locate.js';
import { freshMessageId, renderMail, replyReferences, replySubject, SYSTEM_CLOCK, type MailClock, type ReplyMail } from './mail.js';
import { toMbox } from './mbox.js';
import { replyRecipients } from './recipients.js';
import { replyBody } from './reply-body.js';
import type { Review, ReviewComment, ReviewTrailer } from './types.js';

/** Why one comment or trailer of a review cannot be written, naming what it points at. */
export interface Refusal {
  /** `comments` or `trailers`, and the index in that list. */
  list: 'comments' | 'trailers';
  index: number;
  message: string;
}

function messageOf(series: PatchSeries, patch: number): Patch | Cover | undefined {
  return patch === 0 ? series.cover ?? undefined : series.patches.find((p) => p.index === patch);
}

function patchName(series: PatchSeries, patch: number): string {
  return patch === 0 ? 'the cover letter (patch 0)' : `patch ${patch}/${series.total}`;
}

function refuseComment(series: PatchSeries, c: ReviewComment): string | null {
  const m = messageOf(series, c.patch);
  if (!m) return c.patch === 0 ? 'the series has no cover letter (patch 0)' : `patch ${c.patch} is not in the series (v${series.version} has ${series.patches.map((p) => p.index).join(', ') || 'no patches'})`;
  if (c.text.trim() === '') return `${patchName(series, c.patch)}: the comment is empty`;
  const r = locate(m, c.target);
  return r.ok ? null : `${patchName(series, c.patch)}, ${r.why}`;
}

function refuseTrailer(series: PatchSeries, t: ReviewTrailer): string | null {
  if (t.patch !== 0 && !messageOf(series, t.patch)) return `patch ${t.patch} is not in the series`;
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(t.key)) return `"${t.key}" is not a trailer key`;
  if (!parsePerson(t.value)) return `${t.key}: "${t.value}" is not "Name <address>"`;
  return null;
}

/** Every comment and trailer that does not fit the series; empty when the review can be written. */
export function checkReview(series: PatchSeries, review: Review): Refusal[] {
  const out: Refusal[] = [];
  review.comments.forEach((c, index) => { const m = refuseComment(series, c); if (m) out.push({ list: 'comments', index, message: m }); });
  review.trailers.forEach((t, index) => { const m = refuseTrailer(series, t); if (m) out.push({ list: 'trailers', index, message: m }); });
  return out;
}

export interface WrittenReplies {
  mails: ReplyMail[];
  /** Each mail as sent, in `mails` order. */
  texts: string[];
  /** All of them as one mboxrd file. */
  mbox: string;
}

/**
 * One reply per patch the reviewer commented on or gave a trailer to, and one to the cover for
 * series-wide trailers and cover comments (cover first, then patches in order). Series-wide trailers
 * of a series without a cover go on every patch's reply instead, so `am` still collects them.
 * The caller has checked the review (checkReview): refused items would be left out here.
 */
export function writeReplies(series: PatchSeries, review: Review, me: Person, clock: MailClock = SYSTEM_CLOCK): WrittenReplies {
  const wide = review.trailers.filter((t) => t.patch === 0);
  const targets: (Patch | Cover)[] = [...(series.cover ? [series.cover] : []), ...series.patches];
  const mails: ReplyMail[] = [];
  const texts: string[] = [];
  for (const m of targets) {
    const patch = 'index' in m ? m.index : 0;
    const comments = review.comments.filter((c) => c.patch === patch);
    const own = review.trailers.filter((t) => t.patch === patch && (patch !== 0 || series.cover));
    const trailers = patch !== 0 && !series.cover ? [...own, ...wide.filter((w) => !own.some((o) => o.key === w.key && o.value === w.value))] : own;
    if (comments.length === 0 && trailers.length === 0) continue;
    const date = clock.now();
    const mail: ReplyMail = {
      patch, messageId: freshMessageId(me, date, clock.uniqueId()), inReplyTo: m.messageId, subject: replySubject(m),
      from: me, recipients: replyRecipients(m, me), date, body: replyBody(m, comments, trailers),
    };
    mails.push(mail);
    texts.push(renderMail(mail, replyReferences(m)));
  }
  return { mails, texts, mbox: toMbox(mails.map((mail, i) => ({ mail, text: texts[i]! }))) };
}
