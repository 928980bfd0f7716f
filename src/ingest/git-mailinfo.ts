/**
 * The two places where patchscope follows `git mailinfo` (mailinfo.c, git 2.39) rather than a
 * MIME library, because reviewers compare our output with what `git am` records:
 * - header unfolding: the line before a fold loses trailing blanks and the continuation's first
 *   blank becomes one space (so a folded tab reads as a space, as in `git am`'s subject);
 * - the author: comments and quoted strings stay in the name ("A (zzz) U Thor (Comment)"), an
 *   empty, over-long or address-like name is replaced by the address (`get_sane_name`).
 * Conformance: test/conformance-ingest.test.ts checks both against git's t5100 expectations.
 */
import type { Person } from './types.js';

/**
 * Unfold a raw header value the way mailinfo's `read_one_header_line` does. Written as a loop,
 * not a regex: `[ \t]*\n` backtracks quadratically on a long run of blanks (a 1 MB header).
 */
export function unfoldLikeGit(raw: string): string {
  if (!raw.includes('\n')) return raw;
  const parts: string[] = [];
  for (const [i, piece] of raw.split('\n').entries()) {
    const line = piece.endsWith('\r') ? piece.slice(0, -1) : piece;
    if (i > 0 && (line[0] === ' ' || line[0] === '\t')) {
      trimTrailingBlanks(parts);
      parts.push(' ', line.slice(1));
    } else parts.push(line);
  }
  return parts.join('');
}

/** Drop blanks at the end of the text held in `parts` (git's `strbuf_rtrim`). */
function trimTrailingBlanks(parts: string[]): void {
  while (parts.length) {
    const last = parts[parts.length - 1]!;
    let end = last.length;
    while (end > 0 && (last[end - 1] === ' ' || last[end - 1] === '\t')) end--;
    if (end > 0) {
      parts[parts.length - 1] = last.slice(0, end);
      return;
    }
    parts.pop();
  }
}

/** Longest name git keeps (bytes); longer names are replaced by the address. */
const MAX_NAME_BYTES = 60;

/**
 * The author of a decoded, unfolded From value, as `handle_from()` computes it. Without an `@`,
 * only `Name <addr>` is understood (git's `parse_bogus_from`); anything else gives null.
 */
export function authorLikeGit(from: string): Person | null {
  const f = unquoteQuotedPairs(from);
  const at = f.indexOf('@');
  if (at < 0) return bogusFrom(from);
  // The address is the run of non-blanks around '@', possibly opened by '<'.
  let start = at;
  let opened = false;
  while (start > 0) {
    const c = f[start - 1]!;
    if (/\s/.test(c)) break;
    if (c === '<') {
      opened = true;
      break;
    }
    start--;
  }
  const len = /^[^ \n\t\r\v\f>]*/.exec(f.slice(start))![0].length;
  const email = f.slice(start, start + len);
  const after = start + len < f.length ? start + len + 1 : start + len;
  let name = (f.slice(0, opened ? start - 1 : start) + ' ' + f.slice(after)).replace(/\s+/g, ' ').trim();
  if (name.startsWith('(') && name.endsWith(')')) name = name.slice(1, -1);
  return { name: saneName(name, email), email };
}

function bogusFrom(from: string): Person | null {
  const bra = from.indexOf('<');
  const ket = bra < 0 ? -1 : from.indexOf('>', bra);
  if (ket < 0) return null;
  const email = from.slice(bra + 1, ket);
  return { name: saneName(from.slice(0, bra).trim(), email), email };
}

function saneName(name: string, email: string): string {
  const tooLong = Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES;
  return name.length === 0 || tooLong || /[@<>]/.test(name) ? email : name;
}

/**
 * mailinfo's `unquote_quoted_pair`: quoted strings lose their quotes and backslashes; comments
 * keep their parentheses (nested ones too) but lose backslashes.
 */
function unquoteQuotedPairs(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i++]!;
    if (c === '"') i = copyQuoted(s, i, (ch) => (out += ch));
    else if (c === '(') {
      out += '(';
      i = copyComment(s, i, (ch) => (out += ch));
    } else out += c;
  }
  return out;
}

function copyQuoted(s: string, i: number, emit: (c: string) => void): number {
  while (i < s.length) {
    const c = s[i++]!;
    if (c === '\\' && i < s.length) emit(s[i++]!);
    else if (c === '"') return i;
    else emit(c);
  }
  return i;
}

function copyComment(s: string, i: number, emit: (c: string) => void): number {
  let depth = 1;
  while (i < s.length) {
    const c = s[i++]!;
    if (c === '\\' && i < s.length) {
      emit(s[i++]!);
      continue;
    }
    emit(c);
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return i;
}

/** CRLF → LF, as git mailsplit does for every line (a lone CR is content and is kept). */
export function normaliseNewlines(text: string): string {
  return text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
}

const CRLF = Buffer.from('\r\n');

/**
 * normaliseNewlines on bytes, for a text in a charset where CR and LF are those bytes and never part of another
 * character (ASCII, UTF-8, the single-byte sets): decoding then gives normaliseNewlines' string without first
 * building the CRLF one (issue 18: a large body's every copy costs). `bytes` itself when it has no CRLF, else
 * the bytes in `out` (as long as `bytes` at least; `bytes` itself will do, as the text only moves forward).
 */
export function normaliseNewlineBytes(bytes: Buffer, out?: Buffer): Buffer {
  const cr = bytes.indexOf(CRLF);
  if (cr < 0) return bytes;
  out ??= Buffer.allocUnsafe(bytes.length);
  if (out.buffer !== bytes.buffer || out.byteOffset !== bytes.byteOffset) bytes.copy(out, 0, 0, cr);
  // A byte loop: a copy per line made a typed-array view per line.
  let o = cr;
  for (let i = cr; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c !== 0x0d || bytes[i + 1] !== 0x0a) out[o++] = c;
  }
  return out.subarray(0, o);
}
