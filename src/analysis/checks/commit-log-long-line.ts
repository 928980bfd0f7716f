import { patchCheck } from './check.js';
import { commitMessageLines, type BodyLine } from './commit-message.js';
import { bodyLineHit, hasUrl } from './diff-lines.js';
import { readTrailerBlock } from './trailer-lines.js';

/**
 * Lines checkpatch lets run long: a URL, a diffstat or `path/file:` line, and quoted logs (indented, `>`-quoted
 * or with a printk timestamp), which must stay verbatim to be searchable.
 */
const EXEMPT = [
  /^\s*[\w/.-]+\s+\|\s+\d+/,
  /^\s*(?:[\w.+-]*\/)+[\w.+-]+:/,
  /^\s/,
  /^>/,
  /^\[\s*\d+\.\d+\]/,
];

/**
 * True when `text` has more than `limit` code points, counted only as far as needed: `[...text].length`
 * built a 10-million-element array for a 10 MB one-line body (found by test/growth.test.ts).
 */
function longerThan(text: string, limit: number): boolean {
  if (text.length <= limit) return false; // never more code points than UTF-16 units
  let points = 0;
  for (const _ of text) if (++points > limit) return true;
  return false;
}

function isExempt(line: BodyLine): boolean {
  return hasUrl(line.text) || EXEMPT.some((pattern) => pattern.test(line.text));
}

/** Warns once per patch, at the first long line, as checkpatch does. */
export const commitLogLongLine = patchCheck({
  id: 'commit-log-long-line',
  severity: 'warning',
  description: 'a commit-message line is longer than 75 characters (trailers, URLs and quoted logs exempt)',
  run(patch, { options }) {
    const lines = commitMessageLines(patch);
    const prose = lines.slice(0, readTrailerBlock(lines).start);
    const limit = options.maxCommitLineLength;
    const first = prose.find((l) => longerThan(l.text, limit) && !isExempt(l));
    if (!first) return [];
    return [bodyLineHit(first, `Prefer a maximum ${limit} chars per line (possible unwrapped commit description?)`)];
  },
});
