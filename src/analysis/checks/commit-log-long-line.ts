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
    const first = prose.find((l) => [...l.text].length > limit && !isExempt(l));
    if (!first) return [];
    return [bodyLineHit(first, `Prefer a maximum ${limit} chars per line (possible unwrapped commit description?)`)];
  },
});
