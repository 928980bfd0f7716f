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

/** `>`, `> >`, `>>`: the quote depth is the number of markers, blanks between them allowed. */
const QUOTE = /^((?:[ \t]?>)+)[ ]?(.*)$/;
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

function quoteDepth(line: string): { depth: number; text: string } | null {
  const m = QUOTE.exec(line);
  if (!m) return null;
  return { depth: (m[1] ?? '').replace(/[ \t]/g, '').length, text: m[2] ?? '' };
}

/** Index of the signature separator: the last `-- ` (or bare `--`) line that no quoted line follows. */
function signatureStart(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (quoteDepth(line)) return lines.length;
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
  return text.trim() === '' && prev !== undefined && prev.text.trim() === '' && last?.beforeNewLine === own.length;
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
  for (let i = 0; i < sigAt; i++) {
    const text = all[i]!;
    const q = quoteDepth(text);
    if (!q) {
      if (!blankAfterQuote(own, quoted, text)) own.push({ text, line: firstLine + i });
      continue;
    }
    const open = quoted[quoted.length - 1];
    const continues = open && open.depth === q.depth && i > 0 && quoteDepth(all[i - 1]!)?.depth === q.depth;
    if (continues) {
      open.lines.push(q.text);
      continue;
    }
    if (attribution === null && quoted.length === 0) {
      const n = attributionLines(own);
      if (n > 0) attribution = own.splice(own.length - n, n).map((l) => l.text).join('\n').trim();
    }
    quoted.push({ depth: q.depth, lines: [q.text], beforeNewLine: own.length });
  }
  const newLines = trimBlankEnds(own, quoted);
  const signature = sigAt < all.length ? all.slice(sigAt + 1).join('\n').trimEnd() : null;
  return { newText: newLines.map((l) => l.text).join('\n'), newLines, quoted, attribution, signature };
}
