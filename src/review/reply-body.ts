import type { Cover, DiffFile, Patch } from '../series/index.js';
import { locate, markerOf, messageText, type Located } from './locate.js';
import type { ReviewComment, ReviewTrailer } from './types.js';
import { wrapProse } from './wrap.js';
import { headerText } from './mail.js';

/** Quoted lines kept above a commented line (git's own diff context is three). */
export const CONTEXT_LINES = 3;
/** A hunk commented as a whole is quoted whole up to this many lines; longer ones are cut in the middle. */
export const WHOLE_HUNK_LINES = 12;
/** The reviewer's mark for quoted text left out, on a line of its own. */
export const CUT = '[...]';

/** A comment with its place found (the caller has refused comments that have none). */
export interface PlacedComment {
  comment: ReviewComment;
  at: Located;
}

export function placeAll(m: Patch | Cover, comments: readonly ReviewComment[]): PlacedComment[] {
  return comments.flatMap((comment) => {
    const r = locate(m, comment.target);
    return r.ok ? [{ comment, at: r.at }] : [];
  });
}

/** `On DATE, NAME wrote:`: the Date header as sent (as b4 ty and mutt quote it), the sender's name or address. */
export function attribution(m: Patch | Cover): string {
  const who = m.mail?.from ?? m.author;
  // Untrusted: one line, whatever the header decoded to (a line break would start an unquoted line).
  const name = headerText(who?.name || who?.email || 'the author');
  const date = m.mail?.dateHeader ? headerText(m.mail.dateHeader) : m.date;
  return date ? `On ${date}, ${name} wrote:` : `${name} wrote:`;
}

function quote(text: string): string {
  return text === '' ? '>' : `> ${text}`;
}

/** The reviewer's words under the quoted lines: a blank line either side, prose wrapped at 72. */
function commentBlock(c: ReviewComment): string[] {
  const lines = wrapProse(c.text.trim());
  return ['', ...lines, ''];
}

/**
 * Quotes `count` lines through `pick`, keeping `CONTEXT_LINES` above each commented index and the
 * commented line itself, each comment under its line, `[...]` where lines are skipped. Indices
 * not commented on are cut unless they are context; `always` lines (the summary) are kept.
 */
function quoteLines(
  count: number, text: (i: number) => string, notesAt: Map<number, ReviewComment[]>, keep: (i: number) => boolean,
  cutBefore: boolean,
): string[] {
  const out: string[] = [];
  const shown = new Set<number>();
  for (const i of notesAt.keys()) for (let k = Math.max(0, i - CONTEXT_LINES); k <= i; k++) shown.add(k);
  for (let i = 0; i < count; i++) if (keep(i)) shown.add(i);
  let last = -1;
  for (let i = 0; i < count; i++) {
    if (!shown.has(i)) continue;
    if (i > last + 1 && (last >= 0 || cutBefore)) out.push(CUT);
    out.push(quote(text(i)));
    for (const c of notesAt.get(i) ?? []) out.push(...commentBlock(c));
    last = i;
  }
  if (last >= 0 && last < count - 1 && notesAt.size > 0 && !notesAt.has(last)) out.push(CUT);
  return out;
}

function groupBy<K>(placed: PlacedComment[], key: (p: PlacedComment) => K | null): Map<K, ReviewComment[]> {
  const m = new Map<K, ReviewComment[]>();
  for (const p of placed) {
    const k = key(p);
    if (k !== null) m.set(k, [...(m.get(k) ?? []), p.comment]);
  }
  return m;
}

/** The message's first paragraph (what the patch says it does), then the commented message lines with their context. */
function messageQuote(m: Patch | Cover, placed: PlacedComment[]): string[] {
  const lines = messageText(m).replace(/\n+$/, '').split('\n');
  const firstBlank = lines.findIndex((l) => l.trim() === '');
  const summaryEnd = firstBlank < 0 ? lines.length : firstBlank;
  const notes = groupBy(placed, (p) => (p.at.kind === 'message' ? p.at.line - 1 : null));
  const out = quoteLines(lines.length, (i) => lines[i]!, notes, (i) => i < summaryEnd, false);
  const lastShown = out.length ? out[out.length - 1] : undefined;
  if (lastShown !== CUT && notes.size === 0 && summaryEnd < lines.length) out.push(CUT);
  return out;
}

function hunkQuote(f: DiffFile, hunkIndex: number, lineNotes: Map<number, ReviewComment[]>, hunkNotes: ReviewComment[]): string[] {
  const h = f.hunks[hunkIndex]!;
  const text = (i: number) => { const l = h.lines[i]!; return markerOf(l) + l.text; };
  const out = [quote(h.header)];
  if (hunkNotes.length > 0) {
    const n = h.lines.length;
    const half = Math.floor(WHOLE_HUNK_LINES / 2);
    const keep = (i: number) => n <= WHOLE_HUNK_LINES || i < half || i >= n - half;
    out.push(...quoteLines(n, text, lineNotes, keep, false));
    for (const c of hunkNotes) out.push(...commentBlock(c));
    return out;
  }
  out.push(...quoteLines(h.lines.length, text, lineNotes, () => false, true));
  return out;
}

/** Every commented hunk of every file, in patch order, each file under its `diff --git` line. */
function diffQuote(p: Patch, placed: PlacedComment[]): string[] {
  const out: string[] = [];
  let lastFile = -1;
  p.files.forEach((f, fi) => {
    const inFile = placed.filter((x) => (x.at.kind === 'line' || x.at.kind === 'hunk') && x.at.fileIndex === fi);
    if (inFile.length === 0) return;
    if (lastFile >= 0 || out.length === 0) out.push(CUT);
    out.push(quote(`diff --git a/${f.oldPath ?? f.path} b/${f.newPath ?? f.path}`));
    let lastHunk = -1;
    f.hunks.forEach((_, hi) => {
      const lineNotes = groupBy(inFile, (x) => (x.at.kind === 'line' && x.at.hunkIndex === hi ? x.at.lineIndex : null));
      const hunkNotes = inFile.filter((x) => x.at.kind === 'hunk' && x.at.hunkIndex === hi).map((x) => x.comment);
      if (lineNotes.size === 0 && hunkNotes.length === 0) return;
      if (hi > lastHunk + 1 && lastHunk >= 0) out.push(CUT);
      out.push(...hunkQuote(f, hi, lineNotes, hunkNotes));
      lastHunk = hi;
    });
    lastFile = fi;
  });
  return out;
}

/**
 * The body of one reply, as a careful reviewer writes it: the attribution line, the message's
 * summary paragraph quoted (with any commented message lines), whole-patch remarks, the commented
 * hunks trimmed to the context of each comment, then the trailers. No signature: the trailers end it.
 */
export function replyBody(m: Patch | Cover, comments: readonly ReviewComment[], trailers: readonly ReviewTrailer[]): string {
  const placed = placeAll(m, comments);
  const out: string[] = [attribution(m), ...messageQuote(m, placed)];
  for (const p of placed) if (p.at.kind === 'patch') out.push(...commentBlock(p.comment));
  if ('files' in m) out.push(...diffQuote(m, placed));
  // One blank line between blocks and one cut mark between quotes: collapse the doubles that blocks leave.
  const body: string[] = [];
  for (const l of out) if (!((l === '' || l === CUT) && body[body.length - 1] === l)) body.push(l);
  while (body[body.length - 1] === '') body.pop();
  if (trailers.length > 0) body.push('', ...trailers.map((t) => `${t.key}: ${t.value}`));
  return `${body.join('\n')}\n`;
}
