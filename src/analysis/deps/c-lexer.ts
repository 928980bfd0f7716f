/**
 * A light C lexer, enough to find identifiers: comments, string and character literals are
 * blanked (keeping columns), a block comment may span lines. No preprocessing, no parsing.
 */

export interface LexState {
  inBlockComment: boolean;
}

export const START: LexState = { inBlockComment: false };

/** Blanks comments and literals in one line; returns the code that is left and the state after. */
export function stripLine(text: string, state: LexState): { code: string; state: LexState } {
  let out = '';
  let inBlock = state.inBlockComment;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (inBlock) {
      if (ch === '*' && next === '/') { inBlock = false; out += '  '; i++; } else out += ' ';
      continue;
    }
    if (ch === '/' && next === '*') { inBlock = true; out += '  '; i++; continue; }
    if (ch === '/' && next === '/') { out += ' '.repeat(text.length - i); break; }
    if (ch === '"' || ch === "'") {
      const end = literalEnd(text, i, ch);
      out += ch + ' '.repeat(Math.max(0, end - i - 1)) + (end < text.length ? ch : '');
      i = end;
      continue;
    }
    out += ch;
  }
  return { code: out, state: { inBlockComment: inBlock } };
}

/** Index of the closing quote of the literal opened at `start` (or the line's end). */
function literalEnd(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') { i++; continue; }
    if (text[i] === quote) return i;
  }
  return text.length;
}

export interface Ident {
  name: string;
  col: number;
  /** The code before the identifier on its line, trimmed at the end. */
  before: string;
  /** The first non-blank character after it on the line ('' at the end). */
  after: string;
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/g;

/** The identifiers of a stripped line, skipping numbers' suffixes (`10UL`) and hex digits. */
export function identifiers(code: string): Ident[] {
  const out: Ident[] = [];
  for (const m of code.matchAll(IDENT)) {
    const col = m.index;
    if (col > 0 && /[0-9.]/.test(code[col - 1]!) && /[0-9]/.test(numberStart(code, col))) continue;
    const rest = code.slice(col + m[0].length).trimStart();
    out.push({ name: m[0], col, before: code.slice(0, col).trimEnd(), after: rest[0] ?? '' });
  }
  return out;
}

/** The first character of the run of word characters and dots that ends just before `col`. */
function numberStart(code: string, col: number): string {
  let i = col;
  while (i > 0 && /[A-Za-z0-9_.]/.test(code[i - 1]!)) i--;
  return code[i] ?? '';
}

/** True when the identifier is a member name: after `.` or `->`. */
export function isMember(id: Ident): boolean {
  return id.before.endsWith('.') || id.before.endsWith('->');
}

/** C keywords and the kernel's builtin type words: never symbols of a series. */
export const C_KEYWORDS: ReadonlySet<string> = new Set([
  'auto', 'break', 'case', 'char', 'const', 'continue', 'default', 'do', 'double', 'else', 'enum', 'extern',
  'float', 'for', 'goto', 'if', 'inline', 'int', 'long', 'register', 'restrict', 'return', 'short', 'signed',
  'sizeof', 'static', 'struct', 'switch', 'typedef', 'union', 'unsigned', 'void', 'volatile', 'while', 'bool',
  'true', 'false', 'NULL', '_Bool', '__always_inline', '__init', '__exit', '__user', '__iomem', '__rcu',
  'typeof', '__typeof__', 'asm', '__asm__', 'defined', 'include', 'define', 'undef', 'ifdef', 'ifndef', 'endif',
  'elif', 'pragma', 'error', 'noinline', '__maybe_unused', '__must_check',
]);
