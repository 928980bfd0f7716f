import type { Hunk, HunkLine, Patch, Reply } from '../../../series/index.js';

/** What a reviewer wrote under one quoted block, to show beside the diff line it quotes. */
export interface ReplyChunk {
  reply: Reply;
  /** The last quoted lines before the comment (at most three), for context. */
  quote: string[];
  text: string[];
}

export interface ReplyAnchoring {
  /** Keyed by `hunkLineKey(file, hunk, line)`. */
  chunks: Map<string, ReplyChunk[]>;
  /** Replies none of whose quoted blocks match a hunk line: listed under the patch. */
  unmatched: Reply[];
}

export function hunkLineKey(file: number, hunk: number, line: number): string {
  return `${file}:${hunk}:${line}`;
}

/** Quotes lose or keep the diff marker and re-indent; compare the code alone, whitespace folded. */
function contentKey(text: string): string {
  return text.replace(/^[+\- ]/, '').replace(/\s+/g, ' ').trim();
}

/** Lines too short or too common to identify a hunk (`}`, `return 0;`). */
function isDistinctive(key: string): boolean {
  return key.replace(/[\s{}();]/g, '').length >= 6;
}

interface HunkIndex { file: number; hunk: number; keys: Map<string, number>; lines: string[] }

function indexHunks(patch: Patch): HunkIndex[] {
  const out: HunkIndex[] = [];
  patch.files.forEach((f, fi) => f.hunks.forEach((h: Hunk, hi) => {
    const keys = new Map<string, number>();
    h.lines.forEach((l: HunkLine, li) => { if (l.kind !== 'no-newline') keys.set(contentKey(l.text), li); });
    out.push({ file: fi, hunk: hi, keys, lines: h.lines.map((l) => contentKey(l.text)) });
  }));
  return out;
}

/**
 * The hunk sharing the most distinctive lines with the block, and the line the block ends on: the
 * last distinctive line found, then as far as the quote goes on line for line with the hunk, so
 * a quote ending in `+};` or `}` anchors under it and not one line early (issue 17, bug 2).
 */
function anchorBlock(lines: string[], hunks: HunkIndex[]): string | null {
  const keys = lines.map(contentKey);
  let best: { score: number; hunk: HunkIndex; last: number } | null = null;
  for (const h of hunks) {
    let score = 0;
    let last = -1;
    keys.forEach((k, i) => { if (isDistinctive(k) && h.keys.has(k)) { score++; last = i; } });
    if (score === 0 || (best && best.score >= score)) continue;
    best = { score, hunk: h, last };
  }
  if (!best) return null;
  const { hunk } = best;
  let at = hunk.keys.get(keys[best.last]!)!;
  let i = best.last + 1;
  // Trailing empty quote lines (`>` alone) end the quote; they match no hunk line.
  while (i < keys.length && at + 1 < hunk.lines.length && keys[i] === hunk.lines[at + 1]) { at++; i++; }
  return hunkLineKey(hunk.file, hunk.hunk, at);
}

function trimBlank(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.trim() === '') a++;
  while (b > a && lines[b - 1]!.trim() === '') b--;
  return lines.slice(a, b);
}

/**
 * Place each reply's comments after the diff line its quote ends on, as a reviewer reads them in
 * the mail. A block's comment is the new text up to the next block (`QuotedBlock.beforeNewLine`).
 */
export function anchorReplies(patch: Patch): ReplyAnchoring {
  if (!patch.replies.some((r) => r.quoted.length > 0)) return { chunks: new Map(), unmatched: [...patch.replies] };
  const hunks = indexHunks(patch);
  const chunks = new Map<string, ReplyChunk[]>();
  const unmatched: Reply[] = [];
  for (const reply of patch.replies) {
    const text = reply.newText.split('\n');
    let anchored = false;
    // A block followed by no comment (a quote of a quote) still helps place the next one.
    let pending: string[] = [];
    reply.quoted.forEach((block, i) => {
      pending = [...pending, ...block.lines];
      const end = reply.quoted[i + 1]?.beforeNewLine ?? text.length;
      const comment = trimBlank(text.slice(block.beforeNewLine, end));
      if (comment.length === 0) return;
      const key = anchorBlock(pending, hunks);
      const quote = trimBlank(pending).slice(-3);
      pending = [];
      if (!key) return;
      anchored = true;
      chunks.set(key, [...(chunks.get(key) ?? []), { reply, quote, text: comment }]);
    });
    if (!anchored) unmatched.push(reply);
  }
  return { chunks, unmatched };
}
