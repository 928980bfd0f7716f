import type { HunkLine } from '../../series/index.js';
import { sanitizedLines } from './c-sanitize.js';
import { patchCheck, type CheckHit } from './check.js';
import { addedLineHit } from './diff-lines.js';

/** checkpatch's `$String` at the start of a sanitised line: a literal (contents already X) opening the line. */
const STARTS_WITH_STRING = /^\s*(?:\b[Lu])?"[X\t]*"/;
/** The previous line's literal ends on purpose: a newline, tab, CR, octal or hex escape, or inline asm's `;`/`{`. */
const DELIBERATE_END = /(?:\\(?:[ntr]|[0-7]{1,3}|x[0-9a-fA-F]{1,2})|;\s*|\{\s*)"\s*$/;

/**
 * checkpatch's SPLIT_STRING: an added line that starts with a string literal right after a line ending in one, so
 * the message cannot be grepped for. The previous line is the one before on the new side (context or added), carried
 * over hunks of one file as checkpatch carries it; C sources and headers only.
 */
export const splitString = patchCheck({
  id: 'split-string',
  severity: 'warning',
  checkpatchType: 'SPLIT_STRING',
  description: 'a quoted string split across lines',
  run(patch) {
    const sanitized = sanitizedLines(patch);
    const hits: CheckHit[] = [];
    for (const file of patch.files) {
      if (!/\.[ch]$/.test(file.path)) continue;
      let previous: HunkLine | null = null;
      for (const hunk of file.hunks) {
        for (const [i, line] of hunk.lines.entries()) {
          if (line.kind !== 'add' && line.kind !== 'context') continue;
          const prevCode = previous === null ? '' : sanitized.get(previous) ?? previous.text;
          if (line.kind === 'add' && previous !== null && STARTS_WITH_STRING.test(sanitized.get(line) ?? line.text) &&
            /"\s*$/.test(prevCode) && !DELIBERATE_END.test(previous.text)) {
            hits.push(addedLineHit({ file, line, previous: hunk.lines[i - 1] ?? null }, 'quoted string split across lines'));
          }
          previous = line;
        }
      }
    }
    return hits;
  },
});
