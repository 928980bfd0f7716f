import type { DiffFile, HunkLine, Patch } from '../../series/index.js';
import type { BodyLine } from './commit-message.js';
import type { CheckHit } from './check.js';

export interface AddedLine {
  file: DiffFile;
  line: HunkLine;
  /** The hunk line before this one (for `\ No newline` and space-before-tab context), or null. */
  previous: HunkLine | null;
}

/** Several checks walk the same hunks; the walk is made once per patch object. */
const hunkLinesOf = new WeakMap<object, AddedLine[]>();

/** Every line of the patch's hunks with the line before it, in order. */
function hunkLines(patch: Pick<Patch, 'files'>): AddedLine[] {
  let lines = hunkLinesOf.get(patch);
  if (lines === undefined) {
    lines = patch.files.flatMap((file) =>
      file.hunks.flatMap((hunk) => hunk.lines.map((line, i) => ({ file, line, previous: hunk.lines[i - 1] ?? null }))),
    );
    hunkLinesOf.set(patch, lines);
  }
  return lines;
}

/** The `+` lines of every hunk: checkpatch looks only at what a patch adds. */
export function addedLines(patch: Pick<Patch, 'files'>): AddedLine[] {
  return hunkLines(patch).filter((a) => a.line.kind === 'add');
}

/** `\ No newline at end of file` markers that follow an added line (the new side lacks the final newline). */
export function noNewlineAfterAdd(patch: Pick<Patch, 'files'>): AddedLine[] {
  return hunkLines(patch).filter((a) => a.line.kind === 'no-newline' && a.previous?.kind === 'add');
}

/**
 * Files whose code style checkpatch judges (it skips the rest after its whitespace checks):
 * C, assembler, shell, device trees, Rust, Perl and Python.
 */
export function isSourceFile(path: string): boolean {
  return /\.(?:[chsS]|sh|dtsi?|rs|pl|py)$/.test(path);
}

/** Width on a terminal with tab stops every 8 columns, as checkpatch's `expand_tabs` counts. */
export function displayColumns(text: string): number {
  let column = 0;
  for (const ch of text) column = ch === '\t' ? column + 8 - (column % 8) : column + 1;
  return column;
}

/** A finding on an added line: file, new-side line number, `#N`, and the line as excerpt. */
export function addedLineHit(added: AddedLine, message: string): CheckHit {
  return {
    message,
    where: { file: added.file.path, line: added.line.newLine ?? undefined, bodyLine: added.line.bodyLine },
    excerpt: added.line.text,
  };
}

/** A finding on a commit-message line: `#N` and the line as excerpt. */
export function bodyLineHit(line: BodyLine, message: string): CheckHit {
  return { message, where: { bodyLine: line.bodyLine }, excerpt: line.text };
}

/**
 * Whether a line holds a URL (`scheme://x`), as checkpatch exempts them from length limits. Found from each `://`
 * with a bounded look back: an unanchored `\b[a-z][\w.+-]*:\/\/` would be quadratic on a long dotted word.
 */
export function hasUrl(text: string): boolean {
  for (let at = text.indexOf('://'); at > 0; at = text.indexOf('://', at + 3)) {
    if (/(?:^|[^\w.+-])[a-z][\w.+-]{0,31}$/i.test(text.slice(Math.max(0, at - 33), at)) && /^\S/.test(text.slice(at + 3))) {
      return true;
    }
  }
  return false;
}
