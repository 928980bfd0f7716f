/**
 * What a patch shows of a C file after the change: its hunks' new-side lines (context and added),
 * each with its line number and the function it sits in, and the functions whose whole body a hunk
 * shows. Enough to read ops tables, match entries and short callbacks out of a diff; not a C parser.
 */
import type { DiffFile } from '../../series/index.js';

export interface CLine {
  text: string;
  /** Line number in the new file. */
  line: number;
  added: boolean;
  /** The function the line is in, when the hunk shows where it starts (or git names it in the header). */
  fn: string | null;
}

export interface CFragments {
  path: string;
  /** New-side lines of every hunk, in order. */
  lines: CLine[];
  /** Lines the patch removes (old side), with the function git names for their hunk. */
  removed: CLine[];
  /** Functions whose definition and closing brace are both in one hunk: their body lines. */
  bodies: Map<string, CLine[]>;
}

/**
 * A function definition's first line: a name and `(` at column 0 or after a return type, no `=`
 * (an initialiser) and no `;` (a prototype). `static struct sg_table *\nfoo(` puts the name alone.
 */
const DEFINITION = /^(?:[A-Za-z_][\w \t*]*?[\s*])?([A-Za-z_]\w*)\s*\([^;=]*$/;
const KEYWORDS = new Set(['if', 'for', 'while', 'switch', 'return', 'sizeof', 'do']);

export function definedFunction(text: string): string | null {
  if (/^\s/.test(text) || text.startsWith('#')) return null;
  const m = DEFINITION.exec(text);
  return m && !KEYWORDS.has(m[1]!) ? m[1]! : null;
}

export function cFragments(file: DiffFile): CFragments {
  const lines: CLine[] = [];
  const removed: CLine[] = [];
  const bodies = new Map<string, CLine[]>();
  for (const hunk of file.hunks) {
    let fn = definedFunction(hunk.section.trim());
    let body: CLine[] | null = null;
    let bodyOf: string | null = null;
    for (const l of hunk.lines) {
      if (l.kind === 'remove') {
        removed.push({ text: l.text, line: l.oldLine ?? 0, added: false, fn });
        continue;
      }
      if (l.kind !== 'add' && l.kind !== 'context') continue;
      const defined = definedFunction(l.text);
      if (defined) {
        fn = defined;
        body = [];
        bodyOf = defined;
      }
      const cl: CLine = { text: l.text, line: l.newLine ?? 0, added: l.kind === 'add', fn };
      lines.push(cl);
      if (body) body.push(cl);
      if (l.text === '}' && body && bodyOf) {
        bodies.set(bodyOf, body);
        body = null;
        fn = null;
      }
    }
  }
  return { path: file.path, lines, removed, bodies };
}

/** The statements of a function body: lines inside its braces that are not blank, braces or comments. */
export function statements(body: readonly CLine[]): CLine[] {
  const open = body.findIndex((l) => l.text.startsWith('{'));
  return body.slice(open + 1, -1).filter((l) => {
    const t = l.text.trim();
    return t !== '' && t !== '{' && t !== '}' && !t.startsWith('/*') && !t.startsWith('*') && !t.startsWith('//');
  });
}
