// The parser alone: jsdiff's index loads every diff algorithm, which costs `show` and `am` start-up time.
import { parsePatch } from 'diff/lib/patch/parse.js';
import type { StructuredPatch } from 'diff';
import type { DiffFile, Diffstat, DiffstatMismatch, FileStatus, Hunk, HunkLine } from './types.js';
import { statPathMatches } from './diffstat.js';

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;
const SIMILARITY = /^(?:similarity|dissimilarity) index (\d+)%$/;

export interface ParsedDiff {
  files: DiffFile[];
  /** jsdiff's complaint when the diff cannot be parsed (wrong hunk counts …); files is then empty. */
  error: string | null;
}

function stripPrefix(name: string | undefined): string | null {
  if (name === undefined || name === '/dev/null') return null;
  return name.replace(/^[ab]\//, '');
}

function statusOf(p: StructuredPatch): FileStatus {
  if (p.isRename) return 'renamed';
  if (p.isCopy) return 'copied';
  if (p.isCreate || p.oldFileName === '/dev/null') return 'added';
  if (p.isDelete || p.newFileName === '/dev/null') return 'deleted';
  return 'modified';
}

/**
 * The lines of a diff text as `split('\n')` numbers them, held as their start offsets: a line is cut out of the
 * text only when it is read, and the scans below read the first character of most (hunk bodies, the bulk) and whole
 * only header lines. Splitting every diff into lines made a quarter of what building a series from an archive
 * allocated (issue 18).
 */
class DiffLines {
  /** Line i starts at starts[i]; starts[length] is one past the end, as if the text ended in a newline. */
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) this.starts.push(nl + 1);
    this.starts.push(text.length + 1);
  }

  get length(): number {
    return this.starts.length - 1;
  }

  line(i: number): string | undefined {
    return i >= 0 && i < this.length ? this.text.slice(this.starts[i], this.starts[i + 1]! - 1) : undefined;
  }

  /** The code of line i's first character; a newline or NaN for an empty line. */
  first(i: number): number {
    return this.text.charCodeAt(this.starts[i]!);
  }

  /** `line(i).startsWith(prefix)` for a prefix without a newline, no line cut out; false past the last line. */
  startsWith(prefix: string, i: number): boolean {
    return i >= 0 && i < this.length && this.text.startsWith(prefix, this.starts[i]);
  }
}

const PLUS = 0x2b;
const MINUS = 0x2d;
const BACKSLASH = 0x5c;

/** The last line of the hunk whose header is at `at`, counting lines as the header states them. */
function hunkEnd(lines: DiffLines, at: number, oldCount: number, newCount: number): number {
  let i = at;
  while ((oldCount > 0 || newCount > 0) && i + 1 < lines.length) {
    const c = lines.first(++i);
    if (c === PLUS) newCount--;
    else if (c === MINUS) oldCount--;
    else if (c !== BACKSLASH) {
      oldCount--;
      newCount--;
    }
  }
  while (lines.startsWith('\\', i + 1)) i++;
  return i;
}

/**
 * Line numbers of each file header and hunk header in the diff text, in order (jsdiff does not keep them). Hunk
 * bodies are skipped by their counts, so a `--- ` line inside a hunk is never taken for a file header.
 */
function headerLines(lines: DiffLines): { files: number[]; hunks: number[] } {
  const files: number[] = [];
  const hunks: number[] = [];
  let inFileHeader = false;
  for (let i = 0; i < lines.length; i++) {
    const h = lines.startsWith('@@ -', i) ? HUNK_HEADER.exec(lines.line(i)!) : null;
    if (h) {
      hunks.push(i);
      i = hunkEnd(lines, i, Number(h[2] ?? 1), Number(h[4] ?? 1));
      inFileHeader = false;
    } else if (lines.startsWith('diff -', i) || lines.startsWith('Index: ', i) || (!inFileHeader && lines.startsWith('--- ', i) && lines.startsWith('+++ ', i + 1))) {
      files.push(i);
      inFileHeader = true;
    }
  }
  return { files, hunks };
}

/** Hunk lines with their line numbers; `counts` gets the number of added and removed lines (one pass, no copies). */
function hunkLines(raw: string[], oldStart: number, newStart: number, bodyLine: number, counts: { added: number; removed: number }): HunkLine[] {
  let oldLine = oldStart;
  let newLine = newStart;
  const out: HunkLine[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const l = raw[i]!;
    const at = bodyLine + 1 + i;
    const c = l[0];
    if (c === '+') {
      counts.added++;
      out[i] = { kind: 'add', text: l.slice(1), oldLine: null, newLine: newLine++, bodyLine: at };
    } else if (c === '-') {
      counts.removed++;
      out[i] = { kind: 'remove', text: l.slice(1), oldLine: oldLine++, newLine: null, bodyLine: at };
    } else if (c === '\\') out[i] = { kind: 'no-newline', text: l, oldLine: null, newLine: null, bodyLine: at };
    else out[i] = { kind: 'context', text: l.slice(1), oldLine: oldLine++, newLine: newLine++, bodyLine: at };
  }
  return out;
}

const LOWER_S = 0x73;
const LOWER_D = 0x64;

function similarity(lines: DiffLines, from: number, to: number): number | null {
  for (let i = from; i < to && i < lines.length; i++) {
    const c = lines.first(i);
    // Only a line starting `s` or `d` can match: no other line is cut out.
    const m = c === LOWER_S || c === LOWER_D ? SIMILARITY.exec(lines.line(i)!) : null;
    if (m) return Number(m[1]);
  }
  return null;
}

/** Where in the diff text a file's header and its hunks' headers stand (0-based lines of the diff text). */
interface FilePlace {
  lines: DiffLines;
  start: number;
  end: number;
  hunkHeaders: number[];
  firstBodyLine: number;
}

function toHunks(p: StructuredPatch, place: FilePlace, counts: { added: number; removed: number }): Hunk[] {
  return p.hunks.map((h, i): Hunk => {
    const headerAt = place.hunkHeaders[i] ?? place.start;
    const header = place.lines.line(headerAt) ?? '';
    const bodyLine = place.firstBodyLine + headerAt;
    const section = HUNK_HEADER.exec(header)?.[5] ?? '';
    // Built field by field in the order `{ ...h, section, header, bodyLine, lines }` gives (jsdiff's hunk keys
    // first), without copying jsdiff's raw line array only to replace it.
    return {
      oldStart: h.oldStart,
      oldLines: h.oldLines,
      newStart: h.newStart,
      newLines: h.newLines,
      lines: hunkLines(h.lines, h.oldStart, h.newStart, bodyLine, counts),
      section,
      header,
      bodyLine,
    };
  });
}

function toDiffFile(p: StructuredPatch, place: FilePlace): DiffFile {
  const status = statusOf(p);
  const oldPath = status === 'added' ? null : stripPrefix(p.oldFileName);
  const newPath = status === 'deleted' ? null : stripPrefix(p.newFileName);
  const counts = { added: 0, removed: 0 };
  const hunks = toHunks(p, place, counts);
  return {
    path: newPath ?? oldPath ?? '',
    oldPath,
    newPath,
    status,
    binary: p.isBinary === true,
    oldMode: p.oldMode ?? null,
    newMode: p.newMode ?? null,
    similarity: similarity(place.lines, place.start, place.end),
    added: counts.added,
    removed: counts.removed,
    hunks,
    bodyLine: place.firstBodyLine + place.start,
  };
}

/**
 * Parses a diff with jsdiff into files and hunks, filling in from git's extended headers what jsdiff leaves out
 * (similarity, hunk section text, body line numbers). `firstBodyLine` is the body line where diffText starts.
 * A diff jsdiff rejects is a value (`error`), never an exception.
 */
export function parseDiff(diffText: string, firstBodyLine: number): ParsedDiff {
  if (diffText.trim() === '') return { files: [], error: null };
  let patches: StructuredPatch[];
  try {
    patches = parsePatch(diffText);
  } catch (e) {
    return { files: [], error: e instanceof Error ? e.message : String(e) };
  }
  const lines = new DiffLines(diffText);
  const at = headerLines(lines);
  let hunkIndex = 0;
  const files = patches.map((p, fi) => {
    const hunkHeaders = at.hunks.slice(hunkIndex, hunkIndex + p.hunks.length);
    hunkIndex += p.hunks.length;
    const place = { lines, start: at.files[fi] ?? 0, end: at.files[fi + 1] ?? lines.length, hunkHeaders, firstBodyLine };
    return toDiffFile(p, place);
  });
  return { files, error: null };
}

/** Where the diffstat the sender printed disagrees with the parsed diff: per file and in the totals. */
export function diffstatMismatches(stat: Diffstat | null, files: DiffFile[]): DiffstatMismatch[] {
  if (!stat) return [];
  const out: DiffstatMismatch[] = [];
  const matched = new Set<DiffFile>();
  for (const s of stat.files) {
    const file = files.find((f) => !matched.has(f) && statPathMatches(s.path, f.path));
    if (file) matched.add(file);
    const actual = file ? file.added + file.removed : null;
    if (file && (s.binary || file.binary)) continue; // a binary stat counts bytes, not lines
    if (actual !== s.changes) out.push({ path: s.path, stated: s.changes, actual });
  }
  if (stat.files.length > 0) for (const f of files) if (!matched.has(f)) out.push({ path: f.path, stated: null, actual: f.added + f.removed });
  const added = files.reduce((n, f) => n + f.added, 0);
  const removed = files.reduce((n, f) => n + f.removed, 0);
  if (stat.insertions !== added) out.push({ path: '(insertions)', stated: stat.insertions, actual: added });
  if (stat.deletions !== removed) out.push({ path: '(deletions)', stated: stat.deletions, actual: removed });
  if (stat.filesChanged !== files.length) out.push({ path: '(files changed)', stated: stat.filesChanged, actual: files.length });
  return out;
}
