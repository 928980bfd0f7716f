import type { Patch, PatchSeries, Person, Reply, Trailer } from '../../series/index.js';

/**
 * The trailers reviewers gave in replies, collected as b4 0.12 does (mricon/b4 src/b4/__init__.py:
 * `LoreMailbox.get_series`, `LoreMessage.get_trailers`, `LoreMessage.find_trailers(followup=True)`,
 * `LoreMessage.fix_trailers` with the default `trailer-order = *`):
 * - a reply's trailers count for the patch (or cover) its thread hangs under;
 * - `From:`/`Author:`/`Cc:`/`To:` lines in replies are commit metadata, never review trailers;
 * - in a reply, a value with an http(s) link is not a trailer, and a trailer naming nobody must be
 *   one of the known utility keys (`Fixes:` …);
 * - a person trailer counts only when the reply's sender gave it (same address, allowing `+tag`
 *   and one extra domain level, or the same name); others are reported as mismatches, not applied;
 * - the patch keeps its own trailers in order, new ones go after them, and a trailer equal to one
 *   already there (key and value, case-insensitive) is not added twice.
 */
export type IgnoredReason = 'sender-mismatch' | 'metadata-key' | 'not-a-review-trailer';

export interface IgnoredTrailer {
  trailer: Trailer;
  reason: IgnoredReason;
  sender: Person | null;
}

export interface CollectedTrailers {
  /** The reply trailers to add, deduplicated among themselves, in mbox order of the replies. */
  accepted: Trailer[];
  ignored: IgnoredTrailer[];
}

export interface CollectOptions {
  /** b4 `am -t`: trailers given on the cover letter apply to every patch (after the patch's own). */
  applyCoverTrailers?: boolean;
}

const METADATA_KEYS = new Set(['from', 'author', 'cc', 'to']);
const NON_PERSON_KEYS = new Set(['fixes', 'subject', 'date', 'link', 'buglink', 'obsoleted-by', 'change-id', 'base-commit']);
const UTILITY_KEYS = new Set(['fixes', 'link', 'buglink', 'obsoleted-by', 'message-id', 'change-id', 'base-commit']);
const HAS_ADDRESS = /\S+@\S+\.\S+/;
const ANGLE_ADDRESS = /<([^<>\s]+)>\s*$/;

/** b4's LoreTrailer `__eq__`: same key and value, ignoring case. */
export function isSameTrailer(a: Pick<Trailer, 'key' | 'value'>, b: Pick<Trailer, 'key' | 'value'>): boolean {
  return a.key.toLowerCase() === b.key.toLowerCase() && a.value.toLowerCase() === b.value.toLowerCase();
}

function isPersonTrailer(t: Trailer): boolean {
  const key = t.key.toLowerCase();
  return !UTILITY_KEYS.has(key) && !t.value.includes('://') && HAS_ADDRESS.test(t.value);
}

/** The address a person trailer names: the `<…>` part, else the bare value. */
function trailerAddress(t: Trailer): { name: string; email: string } {
  if (t.person) return t.person;
  const m = ANGLE_ADDRESS.exec(t.value);
  if (m) return { name: t.value.slice(0, m.index).trim().replace(/^"|"$/g, ''), email: m[1]! };
  return { name: '', email: t.value.trim() };
}

function stripPlusTag(email: string): string {
  return email.replace(/\+[^@]+@/, '@');
}

/** b4's `email_eq(fuzzy=True)`: equal, equal without `+tag`, or same local part with one domain nested in the other. */
export function isSameAddress(a: string, b: string): boolean {
  const ours = stripPlusTag(a.toLowerCase());
  const theirs = stripPlusTag(b.toLowerCase());
  if (ours === theirs) return true;
  const [ol, od] = ours.split('@', 2);
  const [tl, td] = theirs.split('@', 2);
  if (od === undefined || td === undefined || ol !== tl) return false;
  const dots = (s: string) => s.split('.').length - 1;
  return Math.abs(dots(od) - dots(td)) === 1 && (od.endsWith(`.${td}`) || td.endsWith(`.${od}`));
}

/** True when the sender of a reply may give this person trailer (b4 `get_trailers`, not sloppy). */
export function isGivenBySender(t: Trailer, sender: Person | null): boolean {
  if (!isPersonTrailer(t)) return true;
  if (!sender) return false;
  const named = trailerAddress(t);
  if (isSameAddress(named.email, sender.email)) return true;
  const senderName = (sender.name.trim() || sender.email).toLowerCase();
  // b4 accepts any trailer when the From name has a comma ("Doe, Jane"): its chunk test compares the
  // header name with itself. Reproduced so that our output equals b4's on such mail.
  return named.name.toLowerCase() === senderName || senderName.indexOf(',') > 0;
}

function classify(t: Trailer, sender: Person | null): IgnoredReason | null {
  const key = t.key.toLowerCase();
  if (METADATA_KEYS.has(key)) return 'metadata-key';
  if (/https?:\/\//.test(t.value) || (!HAS_ADDRESS.test(t.value) && !NON_PERSON_KEYS.has(key))) return 'not-a-review-trailer';
  return isGivenBySender(t, sender) ? null : 'sender-mismatch';
}

function byMboxOrder(a: Reply, b: Reply): number {
  return a.origin.index - b.origin.index;
}

/** Splits the trailers of some replies into those to apply and those b4 would not apply. */
export function collectFromReplies(replies: readonly Reply[]): CollectedTrailers {
  const out: CollectedTrailers = { accepted: [], ignored: [] };
  for (const reply of [...replies].sort(byMboxOrder)) {
    for (const t of reply.trailers) {
      const reason = classify(t, reply.author);
      if (reason) out.ignored.push({ trailer: t, reason, sender: reply.author });
      else if (!out.accepted.some((a) => isSameTrailer(a, t))) out.accepted.push(t);
    }
  }
  return out;
}

/** The reply trailers for one patch of `series`: its own replies', then (with `applyCoverTrailers`) the cover's. */
export function collectFollowupTrailers(series: PatchSeries, patch: Patch, opts: CollectOptions = {}): CollectedTrailers {
  const own = collectFromReplies(patch.replies);
  if (!opts.applyCoverTrailers || !series.cover) return own;
  const cover = collectFromReplies(series.cover.replies);
  const accepted = [...own.accepted];
  for (const t of cover.accepted) if (!accepted.some((a) => isSameTrailer(a, t))) accepted.push(t);
  return { accepted, ignored: [...own.ignored, ...cover.ignored] };
}

/** The patch's own trailers (origin `patch`) in their order. */
export function ownTrailers(patch: Patch): Trailer[] {
  return patch.trailers.filter((t) => t.origin === 'patch');
}

/** b4 `fix_trailers` with trailer-order `*`: own trailers kept, new ones appended unless already present. */
export function mergeTrailers(own: readonly Trailer[], followups: readonly Trailer[]): { merged: Trailer[]; added: Trailer[] } {
  const merged = [...own];
  const added: Trailer[] = [];
  for (const t of followups) {
    if (merged.some((m) => isSameTrailer(m, t))) continue;
    merged.push(t);
    added.push(t);
  }
  return { merged, added };
}
