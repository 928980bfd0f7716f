import { addedLineCheck } from './line-checks.js';

/**
 * Characters that make code read differently from how it compiles: bidi overrides and isolates (Trojan Source,
 * CVE-2021-42574), invisible separators that split or join tokens unseen (zero-width space, a BOM inside a file,
 * the line and paragraph separators JavaScript reads as newlines), and C0/C1 controls other than tab and form feed
 * (old sources use ^L as a page break; a trailing CR is dos-line-endings).
 */
const NAMES: Record<number, string> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE', 0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE',
  0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK', 0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE', 0xfeff: 'ZERO WIDTH NO-BREAK SPACE (BOM)', 0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
};
const CONTROL = /[\u202a-\u202e\u2066-\u2069\u200b\u200e\u200f\u061c\ufeff\u2028\u2029\x00-\x08\x0b\x0d-\x1f\x7f-\x9f]/u;

function describe(ch: string): string {
  const code = ch.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return NAMES[code] ? `${hex} ${NAMES[code]}` : `${hex} control character`;
}

export const unicodeControlChar = addedLineCheck({
  id: 'unicode-control-char',
  severity: 'error',
  description: 'an added line contains a Unicode bidi override/isolate or a control character',
  problem(text) {
    const m = CONTROL.exec(text.replace(/\r$/, ''));
    return m ? `invisible ${describe(m[0])} can make the code read differently than it compiles` : null;
  },
});
