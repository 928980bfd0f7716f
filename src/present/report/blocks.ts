/**
 * The report as a few kinds of blocks, so Markdown and plain text are two renderings of one
 * document and cannot drift apart. Text in blocks is already sanitised; renderers only lay it out.
 */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  /** Items may hold several lines: the first is the bullet line, the others continue it. */
  | { kind: 'list'; items: string[][] }
  /** Small tables only (a few short columns): they must stay readable as plain text. */
  | { kind: 'table'; header: string[]; rows: string[][] }
  /**
   * Shown as is (traces, commands), indented by CODE_INDENT; never wrapped by the renderers, so a
   * line that must stay whole (a replay string) stays copyable. Whoever builds the block fits
   * the other lines to CODE_WIDTH (see wrapCodeLine).
   */
  | { kind: 'pre'; lines: string[] };

export const WIDTH = 72;

/** Code lines are indented by four spaces in both renderings (a Markdown indented code block). */
export const CODE_INDENT = '    ';

/** The room a code line has once indented, for the report to stay within WIDTH. */
export const CODE_WIDTH = WIDTH - CODE_INDENT.length;

/**
 * A code line fitted to `width`: kept as is when it fits; otherwise wrapped at spaces under its
 * own indentation, continuation lines two columns further in. A word longer than the room left
 * gets a line of its own, unbroken.
 */
export function wrapCodeLine(line: string, width = CODE_WIDTH): string[] {
  if (line.length <= width) return [line];
  const indent = /^ */.exec(line)![0];
  return wrap(line.slice(indent.length), width, indent, `${indent}  `);
}

/** Greedy word wrap; a word longer than the width (a URL) gets a line of its own, unbroken. */
export function wrap(text: string, width: number, firstIndent = '', nextIndent = firstIndent): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let line = firstIndent;
  let empty = true;
  for (const word of words) {
    if (!empty && line.length + 1 + word.length > width) {
      out.push(line);
      line = nextIndent + word;
    } else {
      line = empty ? line + word : `${line} ${word}`;
    }
    empty = false;
  }
  out.push(line);
  return out.map((l) => l.replace(/\s+$/, ''));
}

/** Columns padded to their widest cell and joined by `separator`; the rule row uses `-` for its spaces. */
export function alignTable(header: string[], rows: string[][], separator: string): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c]!)).join(separator);
  const rule = widths.map((w) => '-'.repeat(w)).join(separator.replace(/ /g, '-'));
  return [line(header), rule, ...rows.map(line)];
}
