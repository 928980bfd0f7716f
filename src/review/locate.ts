import type { Cover, DiffFile, Hunk, HunkLine, Patch } from '../series/index.js';
import type { CommentTarget, Side } from './types.js';

/** A comment's place in its patch, found: the file, hunk and line of the diff (or a message line). */
export type Located =
  | { kind: 'line'; fileIndex: number; hunkIndex: number; lineIndex: number }
  | { kind: 'hunk'; fileIndex: number; hunkIndex: number }
  | { kind: 'message'; line: number }
  | { kind: 'patch' };

export type LocateResult = { ok: true; at: Located } | { ok: false; why: string };

/** The file a path names: its path after the patch, or before it (a rename or deletion). */
export function findFile(patch: Patch, path: string): number {
  const exact = patch.files.findIndex((f) => f.path === path || f.newPath === path);
  return exact >= 0 ? exact : patch.files.findIndex((f) => f.oldPath === path);
}

function lineOn(l: HunkLine, side: Side): number | null {
  if (side === 'new') return l.kind === 'remove' ? null : l.newLine;
  return l.kind === 'add' ? null : l.oldLine;
}

/** What a side of a file's hunks covers (`new lines 10-16, 40-52`), for the refusal. */
function coverage(f: DiffFile, side: Side): string {
  const spans = f.hunks.map((h: Hunk) => {
    const nums = h.lines.map((l) => lineOn(l, side)).filter((n): n is number => n !== null);
    return nums.length ? `${nums[0]}-${nums[nums.length - 1]}` : null;
  }).filter((s): s is string => s !== null);
  return spans.length ? `its hunks show ${side} lines ${spans.join(', ')}` : `it has no ${side} lines`;
}

/** The message text a message comment counts lines in: the commit message, or the cover's body. */
export function messageText(m: Patch | Cover): string {
  return 'commitMessage' in m ? m.commitMessage : m.body;
}

/** Where `target` is in `m`, or why it is not there (the caller names the patch). */
export function locate(m: Patch | Cover, target: CommentTarget): LocateResult {
  if (target.kind === 'patch') return { ok: true, at: { kind: 'patch' } };
  if (target.kind === 'message') {
    const count = messageText(m).replace(/\n$/, '').split('\n').length;
    if (target.line < 1 || target.line > count) return { ok: false, why: `message line ${target.line} is not in it (the message has ${count} lines)` };
    return { ok: true, at: { kind: 'message', line: target.line } };
  }
  if (!('files' in m)) return { ok: false, why: `the cover letter has no diff (comment on a message line or the whole cover)` };
  const fileIndex = findFile(m, target.file);
  if (fileIndex < 0) {
    const files = m.files.map((f) => f.path);
    return { ok: false, why: `${target.file} is not in the patch${files.length ? ` (it changes ${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''})` : ' (it has no diff)'}` };
  }
  const f = m.files[fileIndex]!;
  if (target.kind === 'hunk') {
    if (target.hunk < 1 || target.hunk > f.hunks.length) return { ok: false, why: `${target.file}: hunk ${target.hunk} is not in the patch (the file has ${f.hunks.length} hunks)` };
    return { ok: true, at: { kind: 'hunk', fileIndex, hunkIndex: target.hunk - 1 } };
  }
  for (let hunkIndex = 0; hunkIndex < f.hunks.length; hunkIndex++) {
    const lines = f.hunks[hunkIndex]!.lines;
    for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
      if (lineOn(lines[lineIndex]!, target.side) === target.line) return { ok: true, at: { kind: 'line', fileIndex, hunkIndex, lineIndex } };
    }
  }
  return { ok: false, why: `${target.file}: line ${target.line} (${target.side} side) is not in the patch (${coverage(f, target.side)})` };
}

/** The text a comment is anchored to: the diff line as sent (marker included), the hunk header, or the message line. */
export function anchorText(m: Patch | Cover, at: Located): string | undefined {
  if (at.kind === 'message') return messageText(m).split('\n')[at.line - 1];
  if (at.kind === 'patch' || !('files' in m)) return undefined;
  const h = m.files[at.fileIndex]?.hunks[at.hunkIndex];
  if (!h) return undefined;
  if (at.kind === 'hunk') return h.header;
  const l = h.lines[at.lineIndex];
  return l ? markerOf(l) + l.text : undefined;
}

export function markerOf(l: HunkLine): string {
  return l.kind === 'add' ? '+' : l.kind === 'remove' ? '-' : l.kind === 'context' ? ' ' : '';
}
