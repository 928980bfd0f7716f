/**
 * Names local to a function: its parameters and the variables its body declares. A use of such
 * a name is not a use of a global symbol of the same name, so bisect must not count it.
 * Kernel style only (one declaration per line, at the top of a block); no parsing.
 */
import { C_KEYWORDS, identifiers } from './c-lexer.js';

const STATEMENT_WORDS = new Set(['return', 'goto', 'case', 'else', 'do', 'sizeof', 'typeof']);
/** `\tstruct foo *name = …;`, `\tint a, b;`, `\tu8 buf[4];` — the first declared name. */
const DECLARATION = /^\s+(?:(?:const|static|unsigned|signed|struct|union|enum|volatile|register)\s+)*([A-Za-z_]\w*)(?:\s+|\s*\*+\s*)([A-Za-z_]\w*)\s*(?:=|;|\[|,)/;

/** Splits at commas outside parentheses, brackets and braces. */
function topLevelParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) { parts.push(text.slice(start, i)); start = i + 1; }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The variables an indented line declares: the first name, then one per top-level comma. */
export function declaredLocals(code: string): string[] {
  const m = DECLARATION.exec(code);
  if (!m || STATEMENT_WORDS.has(m[1]!) || C_KEYWORDS.has(m[2]!)) return [];
  const more = topLevelParts(code.slice(m[0].length - 1).replace(/;\s*$/, '')).slice(1);
  const names = more.map((part) => /^\s*\**\s*([A-Za-z_]\w*)/.exec(part)?.[1]).filter((n): n is string => !!n);
  return [m[2]!, ...names];
}

/** The parameter names of a function header line: the last identifier of each comma-separated part. */
export function parameterNames(code: string): string[] {
  const open = code.indexOf('(');
  if (open < 0) return [];
  const close = code.lastIndexOf(')');
  const list = code.slice(open + 1, close > open ? close : undefined);
  return list.split(',').flatMap((part) => {
    const ids = identifiers(part.replace(/\(\s*\*\s*([A-Za-z_]\w*)\s*\)\s*\(.*$/, ' $1'));
    const last = ids[ids.length - 1];
    return ids.length >= 2 && last && !C_KEYWORDS.has(last.name) ? [last.name] : [];
  });
}
