import type { DiffFile, Patch } from '../../series/index.js';
import { sanitizedLines } from './c-sanitize.js';
import type { AddedLine } from './diff-lines.js';

/** One line of an added function: where it is, and its code with comments and literals blanked (checkpatch's view). */
export interface CodeLine {
  at: AddedLine;
  code: string;
}

/**
 * A C function the patch adds whole: head, `{` and `}` at column 0 (kernel style) and every line between them are
 * `+` lines of one hunk. Checks that reason about a function's body read only these, so they never guess at lines
 * the patch does not show.
 */
export interface AddedFunction {
  file: DiffFile;
  name: string;
  /** The head joined into one line: `static int foo_map(struct dma_buf_attachment *a, …)`. */
  head: string;
  headLine: AddedLine;
  /** The added `/** … *\/` comment just above the head (its raw text), or '' when there is none. */
  doc: string;
  /** The lines between `{` and `}`. */
  body: CodeLine[];
}

/** A head's first line: storage and type words, then `name(` at the start of the line (no `;`, no preprocessor). */
const HEAD = /^(?!\s|#|typedef\b|return\b|else\b|if\b|for\b|while\b|switch\b|do\b)[\w\s*]*?\b([A-Za-z_]\w*)\s*\(/;

const functionsOf = new WeakMap<object, AddedFunction[]>();

/** Every function a patch adds whole, in C sources and headers. */
export function addedFunctions(patch: Pick<Patch, 'files'>): AddedFunction[] {
  let found = functionsOf.get(patch);
  if (found !== undefined) return found;
  found = [];
  const sanitized = sanitizedLines(patch);
  for (const file of patch.files) {
    if (!/\.[ch]$/.test(file.path)) continue;
    for (const hunk of file.hunks) {
      const lines = hunk.lines.map((line, i): CodeLine => ({
        at: { file, line, previous: hunk.lines[i - 1] ?? null },
        code: sanitized.get(line) ?? line.text,
      }));
      for (let i = 0; i < lines.length; i++) {
        const fn = functionAt(lines, i, file);
        if (fn === null) continue;
        if (fn.fn !== null) found.push(fn.fn);
        i = fn.end;
      }
    }
  }
  functionsOf.set(patch, found);
  return found;
}

/**
 * The function whose head starts at `lines[i]` and the index of its closing `}`; null when no head and `{` start
 * there. A body that never closes in added lines gives fn null and the index where it stopped: no function can
 * start and close before it either (its `}` would have closed this one), so the caller skips there — a hunk of
 * unclosed heads costs one pass, not one per head.
 */
function functionAt(lines: CodeLine[], i: number, file: DiffFile): { fn: AddedFunction | null; end: number } | null {
  const first = lines[i]!;
  const name = HEAD.exec(first.code)?.[1];
  if (first.at.line.kind !== 'add' || name === undefined || /;\s*$/.test(first.code)) return null;
  // The head runs to the line that closes its parameter list; `{` must follow alone on the next line.
  let j = i;
  // Kernel style may put the return type on its own line above the name (`static struct sg_table *`).
  const typeLine = lines[i - 1];
  const typeAbove = typeLine !== undefined && typeLine.at.line.kind === 'add' && /^[A-Za-z_][\w\s*]*$/.test(typeLine.code.trimEnd()) &&
    !/^(?:return|else|do|goto)\b/.test(typeLine.code);
  let head = `${typeAbove ? `${typeLine.code.trim()} ` : ''}${first.code.trim()}`;
  let depth = parenDepth(first.code);
  while (depth > 0 && j + 1 < lines.length && j - i < 8 && lines[j + 1]!.at.line.kind === 'add') {
    j++;
    head += ` ${lines[j]!.code.trim()}`;
    depth += parenDepth(lines[j]!.code);
  }
  const open = lines[j + 1];
  if (depth !== 0 || open === undefined || open.at.line.kind !== 'add' || open.code.trimEnd() !== '{') return null;
  const body: CodeLine[] = [];
  for (let k = j + 2; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.at.line.kind !== 'add') return { fn: null, end: k };
    if (/^}/.test(line.code)) return { fn: { file, name, head, headLine: first.at, doc: docAbove(lines, typeAbove ? i - 1 : i), body }, end: k };
    body.push(line);
  }
  return { fn: null, end: lines.length };
}

/** The kernel-doc comment whose `*\/` is the line above `lines[i]`, all of it added; '' when there is none. */
function docAbove(lines: CodeLine[], i: number): string {
  const end = lines[i - 1];
  if (end === undefined || end.at.line.kind !== 'add' || !/\*\/\s*$/.test(end.at.line.text)) return '';
  for (let k = i - 1; k >= 0 && lines[k]!.at.line.kind === 'add'; k--) {
    const text = lines[k]!.at.line.text;
    if (/^\s*\/\*\*/.test(text)) return lines.slice(k, i).map((l) => l.at.line.text).join('\n');
    // Another comment's end, or code: the line above the head closes a plain comment, not kernel-doc.
    if (k < i - 1 && (/\*\/\s*$/.test(text) || !/^\s*\*/.test(text))) return '';
  }
  return '';
}

function parenDepth(code: string): number {
  let d = 0;
  for (const ch of code) d += ch === '(' ? 1 : ch === ')' ? -1 : 0;
  return d;
}

/** The body's code as one string, comments and blank lines gone (for matching calls across lines). */
export function bodyCode(fn: AddedFunction): string {
  return fn.body.map((l) => l.code.replace(/\u0001+/g, ' ').trim()).filter((t) => t !== '').join('\n');
}
