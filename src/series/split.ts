/**
 * Where a patch mail's body splits into commit message and patch, as `git mailinfo` decides it
 * (git mailinfo.c, patchbreak()): the first line that starts with `diff -` or `Index: `, or is `---` followed only by
 * blanks, or is `--- <name>`. With `scissors`, the message starts after the last scissors line (`-- >8 --`).
 */
export interface PatchBodySplit {
  /** The commit message: body lines before the break (after the last scissors line, if any). */
  commitMessage: string;
  /** 1-based body line where commitMessage starts. */
  commitBodyLine: number;
  /** Everything from the break line to the end of the body, as mailinfo writes its `patch` file. */
  patchSection: string;
  /** 1-based body line of the break; null when the body has no patch. */
  breakBodyLine: number | null;
  /** The `---` section between the break and the first diff: notes and the diffstat (empty when none). */
  notes: string;
  /** From the first diff header to the end, the signature cut off: what `git apply` would be given. */
  diffText: string;
  /** 1-based body line where diffText starts; null when there is no diff. */
  diffBodyLine: number | null;
}

export function isPatchBreak(line: string): boolean {
  if (line.startsWith('diff -') || line.startsWith('Index: ')) return true;
  if (!line.startsWith('---')) return false;
  if (line[3] === ' ' && line.length > 4 && !/\s/.test(line[4]!)) return true;
  return /^---\s*$/.test(line);
}

/** A diff starts at `diff -`, `Index: `, or a `--- x` line directly followed by `+++ `. */
function isDiffStart(lines: string[], i: number): boolean {
  const line = lines[i]!;
  if (line.startsWith('diff -') || line.startsWith('Index: ')) return true;
  return /^--- \S/.test(line) && (lines[i + 1] ?? '').startsWith('+++ ');
}

// Scissors in the common forms git mailinfo's is_scissors_line accepts: dashes around `>8` / `8<` / `>%` / `%<`.
const SCISSORS = /^\s*-+\s*(?:>8|8<|>%|%<)\s*-+/;

/** The signature git format-patch appends (`-- ` then the git version): cut at the last `-- ` line. */
function signatureStart(lines: string[], from: number): number {
  for (let i = lines.length - 1; i >= from; i--) {
    if (lines[i] === '-- ' || lines[i] === '--') return i;
    const l = lines[i]!;
    if (/^(?:@@ |diff -|[+ -])/.test(l) && l !== '') return lines.length; // diff content after: no signature
  }
  return lines.length;
}

/**
 * `lines.slice(from, to).join('\n')` taken as a slice of `body` (lines being `body.split('\n')`, `starts[i]` the
 * offset of line i): the same text, without building a copy of it line by line.
 */
function joinedRange(body: string, starts: number[], from: number, to: number): string {
  if (to <= from) return '';
  return body.slice(starts[from], to < starts.length ? starts[to]! - 1 : body.length);
}

/** `${text without its trailing newlines}\n` for text = joinedRange(body, starts, from, to), as a slice of body when it can be. */
function diffTextOf(body: string, starts: number[], from: number, to: number): string {
  if (to <= from) return '\n';
  const start = starts[from]!;
  // A scan from the end, not the regex `\n*$` (quadratic on a long inner run).
  let end = to < starts.length ? starts[to]! - 1 : body.length;
  while (end > start && body[end - 1] === '\n') end--;
  // body[end] is the first newline cut off, or the newline that ended the range: the one to keep.
  return end < body.length ? body.slice(start, end + 1) : `${body.slice(start, end)}\n`;
}

/** `scissors`: honour scissors lines, as `git mailinfo --scissors` does (off by default, as in git). */
export function splitPatchBody(body: string, opts: { scissors?: boolean } = {}): PatchBodySplit {
  const lines = body.split('\n');
  const starts: number[] = new Array(lines.length);
  for (let i = 0, at = 0; i < lines.length; i++) {
    starts[i] = at;
    at += lines[i]!.length + 1;
  }
  let msgStart = 0;
  let breakAt = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isPatchBreak(line)) {
      breakAt = i;
      break;
    }
    if (opts.scissors && SCISSORS.test(line)) msgStart = i + 1;
  }
  let diffAt = -1;
  for (let i = breakAt; i < lines.length; i++) if (isDiffStart(lines, i)) { diffAt = i; break; }
  const sig = diffAt >= 0 ? signatureStart(lines, diffAt) : lines.length;
  const notesEnd = diffAt >= 0 ? diffAt : signatureStart(lines, breakAt);
  return {
    commitMessage: joinedRange(body, starts, msgStart, breakAt),
    commitBodyLine: msgStart + 1,
    patchSection: breakAt < lines.length ? joinedRange(body, starts, breakAt, lines.length) : '',
    breakBodyLine: breakAt < lines.length ? breakAt + 1 : null,
    notes: breakAt < lines.length && lines[breakAt]?.startsWith('---') && diffAt !== breakAt ? joinedRange(body, starts, breakAt + 1, notesEnd) : '',
    diffText: diffAt >= 0 ? diffTextOf(body, starts, diffAt, sig) : '',
    diffBodyLine: diffAt >= 0 ? diffAt + 1 : null,
  };
}
