import type { Finding } from '../../../analysis/index.js';
import type { Cover, DiffFile, Patch, Trailer } from '../../../series/index.js';
import { anchorReplies, hunkLineKey, type ReplyAnchoring } from './reply-anchors.js';
import { replyBody, replyHeading } from './replies-doc.js';
import { clean, line, mailLine, padEnd, BLANK, type DocLine, type Style } from './lines.js';
import { personName, shortDate } from './lookups.js';

const SEVERITY_MARK = { error: ['E', 'error'], warning: ['W', 'warning'], check: ['C', 'check'] } as const;

function findingLine(f: Finding, indent: string): DocLine {
  const [mark, style] = SEVERITY_MARK[f.severity];
  const at = f.where.bodyLine ? ` (#${f.where.bodyLine})` : '';
  return line([[`${indent}▲ ${mark} `, style], [clean(`${f.id}: ${f.message}`), style], [at, 'dim']]);
}

function headerLines(m: Patch | Cover, label: string): DocLine[] {
  return [
    line([[label, 'accent'], [clean(m.rawSubject), 'title']]),
    line([[clean(`From: ${personName(m.author)} <${m.author?.email ?? ''}>  ${shortDate(m.date)}`), 'dim']]),
    line([[clean(`Message-ID: <${m.messageId}>`), 'dim']]),
    BLANK,
  ];
}

/** Commit message rows; the patch's own trailers highlighted, findings shown under their line. */
function messageLines(text: string, trailers: Trailer[], byLine: Map<number, Finding[]>): DocLine[] {
  const own = new Set(trailers.filter((t) => t.origin !== 'reply').map((t) => t.line));
  const out: DocLine[] = [];
  text.replace(/\n$/, '').split('\n').forEach((t, i) => {
    const bodyLine = i + 1;
    const isTrailer = own.has(bodyLine) || /^(Signed-off-by|Reviewed-by|Acked-by|Tested-by|Fixes|Link|Cc|Reported-by|Suggested-by):\s/i.test(t);
    out.push(mailLine(t, isTrailer ? 'trailer' : 'plain', { bodyLine }));
    for (const f of byLine.get(bodyLine) ?? []) out.push(findingLine(f, '  '));
  });
  return out;
}

function replyTrailerLines(trailers: Trailer[]): DocLine[] {
  return trailers
    .filter((t) => t.origin === 'reply')
    .map((t) => line([['+ ', 'pass'], [clean(`${t.key}: ${t.value}`), 'trailer'], [clean(`  (given in <${t.from}>)`), 'dim']]));
}

function diffstatLines(p: Patch): DocLine[] {
  const rows = p.diffstat?.files ?? p.files.map((f) => ({ path: f.path, changes: f.added + f.removed, binary: f.binary }));
  const width = Math.min(60, rows.reduce((w, r) => Math.max(w, r.path.length), 0));
  const out = rows.map((r) => {
    const f = p.files.find((x) => x.path === r.path);
    const plus = f ? Math.min(f.added, 40) : 0;
    const minus = f ? Math.min(f.removed, 40) : 0;
    return line([[clean(` ${padEnd(r.path, width)} | ${String(r.changes).padStart(4)} `), 'plain'], ['+'.repeat(plus), 'add'], ['-'.repeat(minus), 'remove']]);
  });
  const ins = p.files.reduce((n, f) => n + f.added, 0);
  const del = p.files.reduce((n, f) => n + f.removed, 0);
  out.push(line([[` ${p.files.length} files changed, ${ins} insertions(+), ${del} deletions(-)`, 'dim']]));
  return out;
}

const KIND_STYLE: Record<string, [string, Style]> = { add: ['+', 'add'], remove: ['-', 'remove'], context: [' ', 'plain'], 'no-newline': ['', 'dim'] };

function inlineReplyLines(anchoring: ReplyAnchoring, key: string): DocLine[] {
  const out: DocLine[] = [];
  for (const c of anchoring.chunks.get(key) ?? []) {
    out.push({ ...replyHeading(c.reply, '    '), replyId: c.reply.messageId });
    for (const t of c.text) out.push(mailLine(`    │ ${t}`, 'reply', { wrap: '    │ ' }));
  }
  return out;
}

function fileLines(f: DiffFile, fi: number, anchoring: ReplyAnchoring, byLine: Map<number, Finding[]>, annotations: ReadonlyMap<string, DocLine[]>): DocLine[] {
  const status = f.status === 'modified' ? '' : ` (${f.status}${f.oldPath && f.oldPath !== f.path ? ` from ${f.oldPath}` : ''})`;
  const out: DocLine[] = [mailLine(`diff --git a/${f.oldPath ?? f.path} b/${f.newPath ?? f.path}${status}`, 'file', { bodyLine: f.bodyLine })];
  if (f.binary) out.push(line([['Binary file', 'dim']]));
  f.hunks.forEach((h, hi) => {
    out.push(mailLine(h.header, 'hunk', { bodyLine: h.bodyLine }));
    h.lines.forEach((l, li) => {
      const [marker, style] = KIND_STYLE[l.kind] ?? ['', 'plain'];
      // HunkLine.text is the line without its marker (src/series/diff.ts); no-newline keeps its backslash.
      const row = marker
        ? mailLine(marker + l.text, style, { bodyLine: l.bodyLine, pin: 1 })
        : mailLine(l.text, style, { bodyLine: l.bodyLine });
      if (l.newLine !== null) row.fileLine = `${f.path}:${l.newLine}`;
      out.push(row);
      for (const fd of byLine.get(l.bodyLine) ?? []) out.push(findingLine(fd, '    '));
      if (anchoring.chunks.size > 0) pushAll(out, inlineReplyLines(anchoring, hunkLineKey(fi, hi, li)));
      if (annotations.size > 0) pushAll(out, annotations.get(hunkLineKey(fi, hi, li)) ?? []);
    });
  });
  return out;
}

/**
 * Appends one line at a time: push(...lines) passes each line as an argument and overflowed the stack
 * on a patch of 200,000 diff lines (found by the hardening tests).
 */
function pushAll(out: DocLine[], lines: readonly DocLine[]): void {
  for (const l of lines) out.push(l);
}

function unmatchedLines(anchoring: ReplyAnchoring): DocLine[] {
  if (anchoring.unmatched.length === 0) return [];
  const out: DocLine[] = [BLANK, line([[`Replies not tied to a hunk (${anchoring.unmatched.length})`, 'heading']])];
  for (const r of anchoring.unmatched) {
    const indent = '  '.repeat(Math.max(0, r.depth - 1));
    out.push({ ...replyHeading(r, indent), replyId: r.messageId });
    pushAll(out, replyBody(r, indent));
    out.push(BLANK);
  }
  return out;
}

function indexByLine(findings: Finding[]): Map<number, Finding[]> {
  const m = new Map<number, Finding[]>();
  for (const f of findings) if (f.where.bodyLine) m.set(f.where.bodyLine, [...(m.get(f.where.bodyLine) ?? []), f]);
  return m;
}

/**
 * The patch view's document: header, commit message, trailers from replies, diffstat, diff with
 * replies inline; `annotations` are rows of ours (a model trace) to put under a diff line, keyed by
 * `hunkLineKey`.
 */
export function patchDoc(p: Patch, findings: Finding[], notes: DocLine[] = [], annotations: ReadonlyMap<string, DocLine[]> = new Map()): DocLine[] {
  const byLine = indexByLine(findings);
  const anchoring = anchorReplies(p);
  const unplaced = findings.filter((f) => !f.where.bodyLine);
  const out = [...headerLines(p, `${String(p.index).padStart(2, '0')} `), ...notes, ...unplaced.map((f) => findingLine(f, ''))];
  if (unplaced.length || notes.length) out.push(BLANK);
  pushAll(out, messageLines(p.commitMessage, p.trailers, byLine));
  pushAll(out, replyTrailerLines(p.trailers));
  out.push(BLANK);
  out.push(line([['---', 'dim']]), ...diffstatLines(p), BLANK);
  p.files.forEach((f, fi) => pushAll(out, fileLines(f, fi, anchoring, byLine, annotations)));
  if (p.files.length === 0 && p.diffText) pushAll(out, p.diffText.split('\n').map((t) => mailLine(t, 'plain')));
  return [...out, ...unmatchedLines(anchoring)];
}

/** The cover letter as a document: its body, then every reply to it. */
export function coverDoc(c: Cover, findings: Finding[]): DocLine[] {
  const out = [...headerLines(c, '00 '), ...findings.map((f) => findingLine(f, ''))];
  pushAll(out, messageLines(c.body, c.trailers, new Map()));
  return [...out, ...unmatchedLines({ chunks: new Map(), unmatched: c.replies })];
}
