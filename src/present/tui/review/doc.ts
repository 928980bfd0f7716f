import { locate, type CommentTarget, type Review, type ReviewComment } from '../../../review/index.js';
import type { Cover, Patch } from '../../../series/index.js';
import { clean, line, type DocLine } from '../state/lines.js';

/** Row index by body line: the message's rows (first of each) and the diff's (last of each), built once per document. */
interface RowIndex {
  message: Map<number, number>;
  diff: Map<number, number>;
}

function indexRows(rows: readonly DocLine[], firstDiffRow: number): RowIndex {
  const message = new Map<number, number>();
  const diff = new Map<number, number>();
  rows.forEach((r, i) => {
    if (r.bodyLine === undefined) return;
    if (i < firstDiffRow) { if (!message.has(r.bodyLine)) message.set(r.bodyLine, i); } else diff.set(r.bodyLine, i);
  });
  return { message, diff };
}

/** Where a comment's rows go: under the row of its line, hunk header or message line; -1 for the top, -2 when gone. */
function rowOf(m: Patch | Cover, index: RowIndex, target: CommentTarget): number {
  const r = locate(m, target);
  if (!r.ok) return -2;
  const at = r.at;
  if (at.kind === 'patch') return -1;
  if (at.kind === 'message') return index.message.get(at.line) ?? -2;
  const h = (m as Patch).files[at.fileIndex]!.hunks[at.hunkIndex]!;
  const bodyLine = at.kind === 'hunk' ? h.bodyLine : h.lines[at.lineIndex]!.bodyLine;
  return index.diff.get(bodyLine) ?? -2;
}

/** The last document built per patch document: a keystroke that changes nothing in the review reuses it. */
const built = new WeakMap<readonly DocLine[], { review: Review; patch: number; out: DocLine[] }>();

/** The first row of the diff (`diff --git`), or the end: rows before it are the message. */
export function firstDiffRow(rows: readonly DocLine[]): number {
  const i = rows.findIndex((l) => l.text.startsWith('diff --git '));
  return i < 0 ? rows.length : i;
}

function commentRows(c: ReviewComment, indent: string): DocLine[] {
  const lines = c.text.split('\n');
  return lines.map((t, i) => line([[i === 0 ? `${indent}✎ ` : `${indent}  `, 'accent'], [clean(t), 'pass']], { reviewCommentId: c.id }));
}

/**
 * The patch document with the reviewer's own comments under the lines they concern (✎ rows, which
 * `c` edits and `d` deletes) and, at the top, the trailers they give and their remarks on the whole patch.
 * A comment whose line is not in this patch is listed at the top too, so nothing written is hidden.
 */
export function withReviewRows(rows: readonly DocLine[], m: Patch | Cover | undefined, patch: number, review: Review): DocLine[] {
  const comments = review.comments.filter((c) => c.patch === patch);
  const trailers = review.trailers.filter((t) => t.patch === patch);
  if (!m || (comments.length === 0 && trailers.length === 0)) return rows as DocLine[];
  const hit = built.get(rows);
  if (hit && hit.review === review && hit.patch === patch) return hit.out;
  const index = indexRows(rows, firstDiffRow(rows));
  const under = new Map<number, ReviewComment[]>();
  const top: DocLine[] = trailers.map((t) => line([['✎ ', 'accent'], [clean(`${t.key}: ${t.value}`), 'trailer'], ['  (yours, in the reply)', 'dim']]));
  for (const c of comments) {
    const i = rowOf(m, index, c.target);
    if (i < 0) { top.push(...commentRows(c, i === -2 ? '(line gone) ' : '')); continue; }
    under.set(i, [...(under.get(i) ?? []), c]);
  }
  const out: DocLine[] = [...top];
  rows.forEach((r, i) => {
    out.push(r);
    for (const c of under.get(i) ?? []) for (const x of commentRows(c, '    ')) out.push(x);
  });
  built.set(rows, { review, patch, out });
  return out;
}

/** Where a comment sits, short: `23 pages.c:120 (old)`, `cover message line 4`. */
export function describePlace(patch: number, t: CommentTarget): string {
  const base = (f: string) => f.slice(f.lastIndexOf('/') + 1);
  const where = t.kind === 'line' ? `${base(t.file)}:${t.line}${t.side === 'old' ? ' (old)' : ''}`
    : t.kind === 'hunk' ? `${base(t.file)} hunk ${t.hunk}` : t.kind === 'message' ? `message line ${t.line}` : 'whole patch';
  return `${patch === 0 ? 'cover' : patch} ${where}`;
}

/**
 * The list `u` opens: each unmatched comment with where it was in the older version, the line it was
 * on and its whole text; every row of a comment carries its id, so Enter (or `c`) takes it and `d` drops it.
 */
export function unmatchedListRows(u: { from: number; comments: ReviewComment[] } | undefined): DocLine[] {
  if (!u) return [];
  return u.comments.flatMap((c) => {
    const id = { reviewCommentId: c.id };
    const t = c.target;
    const file = t.kind === 'line' || t.kind === 'hunk' ? `  ${t.file}` : '';
    return [
      line([['✎ ', 'accent'], [`v${u.from} ${describePlace(c.patch, t)}`, 'heading'], [clean(file), 'dim']], id),
      ...(c.anchor !== undefined ? [line([['    was on: ', 'dim'], [clean(c.anchor), 'plain']], id)] : []),
      ...c.text.split('\n').map((x) => line([['    ', 'plain'], [clean(x), 'pass']], id)),
    ];
  });
}

/** Comments of an older version with no place in this one: listed under the series header, never dropped. */
export function unmatchedRows(u: { from: number; comments: ReviewComment[] } | undefined): DocLine[] {
  if (!u || u.comments.length === 0) return [];
  const where = (c: ReviewComment) => {
    const t = c.target;
    return t.kind === 'line' ? `${t.file}:${t.line}` : t.kind === 'hunk' ? `${t.file} hunk ${t.hunk}` : t.kind === 'message' ? `message line ${t.line}` : 'whole patch';
  };
  return [
    line([[`${u.comments.length} comment${u.comments.length > 1 ? 's' : ''} of v${u.from} found no place in this version (u: re-attach or drop):`, 'warning']]),
    ...u.comments.map((c) => line([['  ✎ ', 'accent'], [clean(`v${u.from} ${c.patch === 0 ? 'cover' : `patch ${c.patch}`} ${where(c)}: ${c.text.split('\n')[0]}`), 'dim']])),
  ];
}

/** What the cursor row of a patch document is about: a comment of the reviewer's, or a place to comment on. */
export type RowSubject =
  | { kind: 'comment'; id: string }
  | { kind: 'place'; target: CommentTarget; prefill: string };

/** A finding row (`▲ E id: message (#N)`): its text becomes the comment's first draft. */
function findingText(row: DocLine): string | null {
  const m = /^\s*▲ [EWC] (.*?)(?: \(#\d+\))?$/.exec(row.text);
  return m ? m[1]! : null;
}

/**
 * The place to comment on at row `index` of patch `m`'s document (`rows` as shown, comment rows included):
 * a diff line (its side: old for a removed line), a hunk header, a message line, else the whole patch.
 * A finding or reply row stands for the line above it, a finding's text becomes the draft.
 */
export function subjectAt(m: Patch | Cover, rows: readonly DocLine[], index: number): RowSubject {
  const row = rows[index];
  if (row?.reviewCommentId) return { kind: 'comment', id: row.reviewCommentId };
  const prefill = row ? findingText(row) ?? '' : '';
  let i = index;
  while (i >= 0 && rows[i]?.bodyLine === undefined) i--;
  if (i < 0) return { kind: 'place', target: { kind: 'patch' }, prefill };
  const bodyLine = rows[i]!.bodyLine!;
  if (i >= firstDiffRow(rows) && 'files' in m) {
    for (const f of m.files) {
      for (const [hi, h] of f.hunks.entries()) {
        if (h.bodyLine === bodyLine) return { kind: 'place', target: { kind: 'hunk', file: f.path, hunk: hi + 1 }, prefill };
        for (const l of h.lines) {
          if (l.bodyLine !== bodyLine || l.kind === 'no-newline') continue;
          const side = l.kind === 'remove' ? 'old' : 'new';
          return { kind: 'place', target: { kind: 'line', file: f.path, line: (side === 'old' ? l.oldLine : l.newLine)!, side }, prefill };
        }
      }
    }
    return { kind: 'place', target: { kind: 'patch' }, prefill };
  }
  return { kind: 'place', target: { kind: 'message', line: bodyLine }, prefill };
}

/** The series view's "you" cell: comments written and trailers given on a patch (`✎3 RA`), `·` for nothing yet. */
export function reviewCell(review: Review, patch: number): string {
  const n = review.comments.filter((c) => c.patch === patch).length;
  const keys = review.trailers.filter((t) => t.patch === patch).map((t) => t.key[0]).join('');
  const text = `${n ? `✎${n}` : ''}${n && keys ? ' ' : ''}${keys}`;
  return (text || '·').padEnd(6).slice(0, 6);
}

/**
 * The series rows with the "you" column in front (the header gets its title), once the reviewer has
 * written anything on this version: until then the table keeps its width for the subjects.
 */
export function withReviewColumn(header: readonly DocLine[], rows: readonly DocLine[], review: Review): { header: DocLine[]; rows: DocLine[] } {
  if (review.comments.length === 0 && review.trailers.length === 0) return { header: [...header], rows: rows as DocLine[] };
  const mark = (r: DocLine, cell: string, style: 'pass' | 'dim' | 'heading'): DocLine => ({ ...r, segs: [{ text: cell, style }, ...r.segs], text: cell + r.text });
  return {
    header: header.map((h) => mark(h, 'you   ', 'heading')),
    rows: rows.map((r) => {
      if (r.target?.kind !== 'patch') return r;
      const cell = reviewCell(review, r.target.patch);
      return mark(r, cell, cell.startsWith('·') ? 'dim' : 'pass');
    }),
  };
}
