import type { HunkLine, Patch } from '../../series/index.js';

/** What checkpatch's sanitise_line puts in place of comment text (its `$;`). */
export const COMMENT = '\u0001';

/**
 * A source line as checkpatch's `sanitise_line` sees it: string and character literal contents become `X`, comment
 * text becomes COMMENT, each character in place (so columns stay). `inComment` carries a block comment over lines.
 */
export function sanitizeLine(text: string, inComment: boolean): { text: string; inComment: boolean } {
  // Most code lines have no comment or literal: nothing to replace.
  if (!inComment && !/["'/]/.test(text)) return { text, inComment };
  let out = '';
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inComment) {
      if (ch === '*' && text[i + 1] === '/') {
        out += COMMENT + COMMENT;
        i++;
        inComment = false;
      } else out += COMMENT;
    } else if (quote !== null) {
      if (ch === '\\' && i + 1 < text.length) {
        out += 'XX';
        i++;
      } else if (ch === quote) {
        out += ch;
        quote = null;
      } else out += 'X';
    } else if (ch === '/' && text[i + 1] === '*') {
      out += COMMENT + COMMENT;
      i++;
      inComment = true;
    } else if (ch === '/' && text[i + 1] === '/') {
      out += COMMENT.repeat(text.length - i);
      break;
    } else {
      if (ch === '"' || ch === "'") quote = ch;
      out += ch;
    }
  }
  return { text: out, inComment };
}

/**
 * The prose of a source line: its comment text (and, with `strings`, its string literals), every other character a
 * blank so columns stay. Identifiers are spelled on purpose; prose is where typos and TODO markers live.
 */
export function proseOf(raw: string, sanitized: string, strings: boolean): string {
  if (sanitized === raw) return '';
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const kept = sanitized[i] === COMMENT || (strings && sanitized[i] === 'X' && raw[i] !== 'X');
    out += kept ? raw[i] : ' ';
  }
  return out;
}

const sanitizedOf = new WeakMap<object, Map<HunkLine, string>>();

/** The sanitised text of every added and context line of a patch, comment state followed down each hunk. */
export function sanitizedLines(patch: Pick<Patch, 'files'>): Map<HunkLine, string> {
  let lines = sanitizedOf.get(patch);
  if (lines !== undefined) return lines;
  lines = new Map();
  for (const file of patch.files) {
    for (const hunk of file.hunks) {
      // A hunk that starts inside a block comment shows it by its first line (` * text` or `*/`).
      let inComment = /^\s*\*(?!\/\S)/.test(hunk.lines.find((l) => l.kind !== 'remove')?.text ?? '');
      for (const line of hunk.lines) {
        if (line.kind === 'remove' || line.kind === 'no-newline') continue;
        const s = sanitizeLine(line.text, inComment);
        inComment = s.inComment;
        lines.set(line, s.text);
      }
    }
  }
  sanitizedOf.set(patch, lines);
  return lines;
}
