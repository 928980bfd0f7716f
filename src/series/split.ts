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

// Scissors in the common forms git mailinfo's is_scissors_line accepts: dashes around `>8` / `8<` / `>%` / `%<`.
const SCISSORS = /^\s*-+\s*(?:>8|8<|>%|%<)\s*-+/;
const DIFF_CONTENT = /^(?:@@ |diff -|[+ -])/;

/**
 * The lines of `body` as `body.split('\n')` gives them, read one at a time where a scan needs them: a patch mail is
 * decided by its first lines (message, notes) and its last (signature), and the diff between them, most of the body,
 * is never cut into lines (issue 18: splitting whole bodies was most of this step, and its garbage). Lines are
 * named by the offset they start at; `body.length + 1` stands for the line after the last.
 */
class BodyLines {
  /** Where the line after the last would start. */
  readonly end: number;

  constructor(readonly body: string) {
    this.end = body.length + 1;
  }

  /** The offset just past the line starting at `at` (its newline, or the end of the body). */
  lineEnd(at: number): number {
    const nl = this.body.indexOf('\n', at);
    return nl < 0 ? this.body.length : nl;
  }

  line(at: number): string {
    return this.body.slice(at, this.lineEnd(at));
  }

  /** The start of the line after the one starting at `at` (`end` after the last line). */
  next(at: number): number {
    return this.lineEnd(at) + 1;
  }

  /** The start of the line before the one starting at `at` (`at` > 0), `end` included. */
  previous(at: number): number {
    return at <= 1 ? 0 : this.body.lastIndexOf('\n', at - 2) + 1;
  }

  /** `lines.slice(from, to).join('\n')`, as a slice of the body. */
  joined(from: number, to: number): string {
    return to <= from ? '' : this.body.slice(from, to - 1);
  }

  /** `${joined(from, to) without its trailing newlines}\n`, as a slice of the body when it can be. */
  diffText(from: number, to: number): string {
    if (to <= from) return '\n';
    const body = this.body;
    // A scan from the end, not the regex `\n*$` (quadratic on a long inner run).
    let end = to - 1;
    while (end > from && body[end - 1] === '\n') end--;
    // body[end] is the first newline cut off, or the newline that ended the range: the one to keep.
    return end < body.length ? body.slice(from, end + 1) : `${body.slice(from, end)}\n`;
  }
}

/** A diff starts at `diff -`, `Index: `, or a `--- x` line directly followed by `+++ `. */
function isDiffStart(lines: BodyLines, at: number): boolean {
  const line = lines.line(at);
  if (line.startsWith('diff -') || line.startsWith('Index: ')) return true;
  return /^--- \S/.test(line) && lines.body.startsWith('+++ ', lines.next(at));
}

/** The signature git format-patch appends (`-- ` then the git version): cut at the last `-- ` line at or after `from`. */
function signatureStart(lines: BodyLines, from: number): number {
  for (let at = lines.previous(lines.end); at >= from; at = lines.previous(at)) {
    const l = lines.line(at);
    if (l === '-- ' || l === '--') return at;
    if (l !== '' && DIFF_CONTENT.test(l)) return lines.end; // diff content after: no signature
    if (at === 0) break;
  }
  return lines.end;
}

/** `scissors`: honour scissors lines, as `git mailinfo --scissors` does (off by default, as in git). */
export function splitPatchBody(body: string, opts: { scissors?: boolean } = {}): PatchBodySplit {
  const lines = new BodyLines(body);
  // Line numbers are counted in the forward scans only: break and diff lie in them.
  let msgStart = 0;
  let msgLine = 0;
  let breakAt = lines.end;
  let breakLine = 0;
  let n = 0;
  for (let at = 0; at < lines.end; at = lines.next(at), n++) {
    const line = lines.line(at);
    if (isPatchBreak(line)) {
      breakAt = at;
      breakLine = n;
      break;
    }
    if (opts.scissors && SCISSORS.test(line)) {
      msgStart = lines.next(at);
      msgLine = n + 1;
    }
  }
  let diffAt = -1;
  let diffLine = 0;
  for (let at = breakAt, i = breakLine; at < lines.end; at = lines.next(at), i++) {
    if (isDiffStart(lines, at)) {
      diffAt = at;
      diffLine = i;
      break;
    }
  }
  const hasBreak = breakAt < lines.end;
  const sig = diffAt >= 0 ? signatureStart(lines, diffAt) : lines.end;
  const notesEnd = diffAt >= 0 ? diffAt : signatureStart(lines, breakAt);
  return {
    commitMessage: lines.joined(msgStart, breakAt),
    commitBodyLine: msgLine + 1,
    patchSection: hasBreak ? lines.joined(breakAt, lines.end) : '',
    breakBodyLine: hasBreak ? breakLine + 1 : null,
    notes: hasBreak && body.startsWith('---', breakAt) && diffAt !== breakAt ? lines.joined(lines.next(breakAt), notesEnd) : '',
    diffText: diffAt >= 0 ? lines.diffText(diffAt, sig) : '',
    diffBodyLine: diffAt >= 0 ? diffLine + 1 : null,
  };
}
