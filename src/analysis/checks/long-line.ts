import type { Patch } from '../../series/index.js';
import type { PatchCheckContext } from './check.js';
import { COMMENT, sanitizedLines } from './c-sanitize.js';
import { patchCheck } from './check.js';
import { addedLineHit, addedLines, displayColumns, hasUrl, type AddedLine } from './diff-lines.js';

/** Files whose line length checkpatch judges. */
const LENGTH_CHECKED = /\.(?:h|c|rs|s|S|sh|dtsi|dts)$/;
/** checkpatch's $logFunctions: a call that ends in its message string may run long. */
// Every pattern here runs on a line trimmed at its end and is anchored or starts at a quote: mail is untrusted, and
// adjacent `\s*` over a long run of blanks would be quadratic (hostile-input.test.ts).
const LOG_CALL = /^\s*(?:printk(?:_ratelimited|_once|_deferred_once|_deferred|)|(?:[a-z0-9]+_){1,2}(?:printk|emerg|alert|crit|err|warning|warn|notice|info|debug|dbg|vdbg|devel|cont|WARN)(?:_ratelimited|_once|)|TP_printk|WARN(?:_RATELIMIT|_ONCE|)|panic|MODULE_[A-Z_]+|seq_vprintf|seq_printf|seq_puts)\s*\(\s*(?:KERN_\S+\s*|[^"]*)?((?:\b[Lu])?"X*"(?:\s*,|\s*\)\s*;)?)$/;
const STRING_ONLY = /^\s*(?:\b[Lu])?"X*"(?:\s*,|\s*\)\s*;)?$|^\s*#\s*define\s+\w+\s+(?:\b[Lu])?"X*"$/;
const EXEMPT = /\bEFI_GUID\s*\(|^\s*(?:\w+\s*)?DEFINE_PER_CPU/;
const TRAILING_STRING = /((?:\b[Lu])?"X*"(?:\s*(?:\\|,|\)\s*;))?)$/;

/** Length of the comment that ends the line (checkpatch's `($;[\s$;]*)$`), found by one scan back from the end. */
function trailingCommentLength(line: string): number {
  let start = -1;
  for (let i = line.length - 1; i >= 0; i--) {
    if (line[i] === COMMENT) start = i;
    else if (!/\s/.test(line[i]!)) break;
  }
  return start < 0 ? 0 : line.length - start;
}

export type LongLineKind = 'code' | 'string' | 'comment';

/** Columns of `text` before its last `tailLength` characters (where a trailing string or comment starts). */
function startsWithin(text: string, tailLength: number, limit: number): boolean {
  return displayColumns(text.slice(0, text.length - tailLength)) <= limit;
}

/**
 * checkpatch's three kinds of long line (LONG_LINE, LONG_LINE_STRING, LONG_LINE_COMMENT), or null for a short line or
 * one it lets run long: a log call or a line that ends in its message string, a URL, EFI_GUID and DEFINE_PER_CPU.
 */
export function longLineKind(raw: string, sanitized: string, limit: number): LongLineKind | null {
  if (displayColumns(raw) <= limit) return null;
  const line = sanitized.trimEnd();
  const log = LOG_CALL.exec(line);
  if (log && startsWithin(line, log[1]!.length, limit)) return null;
  if (STRING_ONLY.test(line) || EXEMPT.test(line) || hasUrl(raw)) return null;
  const comment = trailingCommentLength(sanitized);
  if (comment > 0 && startsWithin(sanitized, comment, limit)) return 'comment';
  const string = TRAILING_STRING.exec(line);
  if (string && startsWithin(line, string[1]!.length, limit)) return 'string';
  return 'code';
}

function longLines(kind: LongLineKind) {
  return (patch: Patch, { options }: PatchCheckContext) => {
    const sanitized = sanitizedLines(patch);
    return addedLines(patch).flatMap((added: AddedLine) => {
      if (!LENGTH_CHECKED.test(added.file.path)) return [];
      const text = added.line.text;
      if (longLineKind(text, sanitized.get(added.line) ?? text, options.maxLineLength) !== kind) return [];
      return [addedLineHit(added, `line length of ${displayColumns(text)} exceeds ${options.maxLineLength} columns`)];
    });
  };
}

export const longLine = patchCheck({
  id: 'long-line',
  severity: 'warning',
  description: 'an added source line is wider than 100 columns (tabs at 8)',
  run: longLines('code'),
});

export const longLineString = patchCheck({
  id: 'long-line-string',
  severity: 'warning',
  description: 'an added line is wider than 100 columns because of a string that starts within them',
  run: longLines('string'),
});

export const longLineComment = patchCheck({
  id: 'long-line-comment',
  severity: 'warning',
  description: 'an added line is wider than 100 columns because of a comment that starts within them',
  run: longLines('comment'),
});
