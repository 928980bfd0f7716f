import type { QuotedBlock } from './types.js';
import type { NumberedLine } from './trailers.js';

export interface SplitReply {
  /** The replier's own text, without quotes, attribution and signature; blank lines at either end trimmed. */
  newText: string;
  /** The same lines with their 1-based body line numbers (trailers point at these). */
  newLines: NumberedLine[];
  quoted: QuotedBlock[];
  /** The "On …, X wrote:" line(s) before the first quote, if any. */
  attribution: string | null;
  /** What followed the `-- ` signature separator (RFC 3676 §4.3), if any. */
  signature: string | null;
}

/** What `.` in the quote pattern does not match besides `\n`: a line holding one is no quote (no match at all). */
const NOT_DOT = /[\r\u2028\u2029]/;
/**
 * An attribution line as mail clients write it: "On …, X wrote:", "X writes:", Thunderbird's German
 * "Am 22.04.26 um 13:53 schrieb X:", French "… a écrit :". The verb, then anything, then a final colon.
 */
const ATTRIBUTION_VERB = /\b(?:wrote|writes|schrieb|a écrit)\b/i;

/** Checked in two linear steps: a regex `verb[^:]*:$` rescans the line once per verb on a hostile line. */
function isAttribution(line: string): boolean {
  return line.trimEnd().endsWith(':') && ATTRIBUTION_VERB.test(line);
}
const ATTRIBUTION_START = /^(?:On|Am|Le)\s/;

/**
 * `>`, `> >`, `>>`: the quote depth of a line is the number of markers, blanks between them allowed; 0 when it is no
 * quote. `textAt` gets where the quoted text starts (after one space). As the regex `^((?:[ \t]?>)+)[ ]?(.*)$` reads
 * it (replies.test.ts checks that on every line of the real corpus), by one scan of the markers: a regex match per
 * line, and again for the line before, cost more than the rest of splitting a reply (issue 18: replies on a list
 * quote whole patches). `mayBreak`: false when the caller knows the line holds none of NOT_DOT.
 */
export function quoteDepth(line: string, textAt?: { at: number }, mayBreak = true): number {
  let depth = 0;
  let i = 0;
  for (;;) {
    const c = line.charCodeAt(i);
    if (c === 0x3e) i += 1;
    else if ((c === 0x20 || c === 0x09) && line.charCodeAt(i + 1) === 0x3e) i += 2;
    else break;
    depth++;
  }
  if (depth === 0 || (mayBreak && NOT_DOT.test(line))) return 0;
  if (textAt) textAt.at = line.charCodeAt(i) === 0x20 ? i + 1 : i;
  return depth;
}

/** Index of the signature separator: the last `-- ` (or bare `--`) line that no quoted line follows. */
function signatureStart(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (quoteDepth(line) > 0) return lines.length;
    if (line === '-- ' || line === '--') return i;
  }
  return lines.length;
}

/** Lines of the attribution that sits just before a quote at `quoteAt` (a blank line between allowed). */
function attributionLines(own: NumberedLine[]): number {
  let end = own.length;
  while (end > 0 && (own[end - 1] as NumberedLine).text.trim() === '') end--;
  const last = own[end - 1];
  if (!last || !isAttribution(last.text)) return 0;
  const before = own[end - 2];
  const twoLines = before && ATTRIBUTION_START.test(before.text) && !ATTRIBUTION_START.test(last.text);
  return own.length - (end - (twoLines ? 2 : 1));
}

/** A blank line right after a removed quote that a blank line already precedes: one blank is enough. */
function blankAfterQuote(own: NumberedLine[], quoted: QuotedBlock[], text: string): boolean {
  const prev = own[own.length - 1];
  const last = quoted[quoted.length - 1];
  // Where the last quote stood first: it rules out most lines without trimming two of them.
  return last?.beforeNewLine === own.length && prev !== undefined && text.trim() === '' && prev.text.trim() === '';
}

function trimBlankEnds(lines: NumberedLine[], quoted: QuotedBlock[]): NumberedLine[] {
  let start = 0;
  while (start < lines.length && (lines[start] as NumberedLine).text.trim() === '') start++;
  let end = lines.length;
  while (end > start && (lines[end - 1] as NumberedLine).text.trim() === '') end--;
  for (const q of quoted) q.beforeNewLine = Math.min(Math.max(0, q.beforeNewLine - start), end - start);
  return lines.slice(start, end);
}

/**
 * Separates what a replier wrote from what they quoted: quoted blocks (with depth and where they stood), the
 * attribution line before the first quote, and the signature. Replies are plain text; nothing here is rendered.
 */
export function splitReply(body: string, firstLine = 1): SplitReply {
  const all = body.split('\n');
  const sigAt = signatureStart(all);
  const own: NumberedLine[] = [];
  const quoted: QuotedBlock[] = [];
  let attribution: string | null = null;
  const textAt = { at: 0 };
  // Once for the body, not for each quoted line; indexOf finds one character faster than a class regex.
  const mayBreak = body.includes('\r') || body.includes('\u2028') || body.includes('\u2029');
  let previous = 0; // the quote depth of line i - 1
  for (let i = 0; i < sigAt; i++) {
    const text = all[i]!;
    const depth = quoteDepth(text, textAt, mayBreak);
    const before = previous;
    previous = depth;
    if (depth === 0) {
      if (!blankAfterQuote(own, quoted, text)) own.push({ text, line: firstLine + i });
      continue;
    }
    const quote = textAt.at === 0 ? text : text.slice(textAt.at);
    const open = quoted[quoted.length - 1];
    if (open && open.depth === depth && before === depth) {
      open.lines.push(quote);
      continue;
    }
    if (attribution === null && quoted.length === 0) {
      const n = attributionLines(own);
      if (n > 0) attribution = own.splice(own.length - n, n).map((l) => l.text).join('\n').trim();
    }
    quoted.push({ depth, lines: [quote], beforeNewLine: own.length });
  }
  const newLines = trimBlankEnds(own, quoted);
  const signature = sigAt < all.length ? all.slice(sigAt + 1).join('\n').trimEnd() : null;
  return { newText: newLines.map((l) => l.text).join('\n'), newLines, quoted, attribution, signature };
}
