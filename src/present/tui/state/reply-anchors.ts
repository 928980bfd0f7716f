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

interface HunkIndex { file: number; hunk: number; keys: Map<string, number> }

function indexHunks(patch: Patch): HunkIndex[] {
  const out: HunkIndex[] = [];
  patch.files.forEach((f, fi) => f.hunks.forEach((h: Hunk, hi) => {
    const keys = new Map<string, number>();
    h.lines.forEach((l: HunkLine, li) => { if (l.kind !== 'no-newline') keys.set(contentKey(l.text), li); });
    out.push({ file: fi, hunk: hi, keys });
  }));
  return out;
}

/** The hunk sharing the most distinctive lines with the block, and its line the block ends on. */
function anchorBlock(lines: string[], hunks: HunkIndex[]): string | null {
  const keys = lines.map(contentKey).filter(isDistinctive);
  let best: { score: number; key: string } | null = null;
  for (const h of hunks) {
    const hits = keys.filter((k) => h.keys.has(k));
    if (hits.length === 0 || (best && best.score >= hits.length)) continue;
    best = { score: hits.length, key: hunkLineKey(h.file, h.hunk, h.keys.get(hits[hits.length - 1]!)!) };
  }
  return best?.key ?? null;
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
