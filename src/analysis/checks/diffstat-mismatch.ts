import type { DiffstatMismatch, Patch } from '../../series/index.js';
import { patchCheck, type CheckHit } from './check.js';
import { commitMessageEnd, splitBodyLines, type BodyLine } from './commit-message.js';

/** The path of a ` path | 12 +++--` line (git shortens long paths to `.../tail`); split by hand, it stays linear. */
function statLinePath(text: string): string | undefined {
  const bar = text.indexOf('|');
  if (bar < 0 || !/^\s*(?:\d+|Bin)\b/.test(text.slice(bar + 1))) return undefined;
  const path = text.slice(0, bar).trim();
  return path === '' ? undefined : path;
}
/** ` 3 files changed, 140 insertions(+)` */
const SUMMARY_LINE = /^\s*\d+ files? changed/;

function statLineFor(lines: readonly BodyLine[], path: string): BodyLine | undefined {
  return lines.find((l) => {
    const shown = statLinePath(l.text);
    if (shown === undefined) return false;
    return shown === path || (shown.startsWith('.../') && path.endsWith(shown.slice(3)));
  });
}

/** The series model reports the summary line's totals as `(insertions)`, `(deletions)`, `(files changed)`. */
const TOTAL = /^\((.+)\)$/;

function describe(m: DiffstatMismatch): string {
  const total = TOTAL.exec(m.path)?.[1];
  if (total !== undefined) return `diffstat summary says ${m.stated} ${total}, the diff has ${m.actual}`;
  if (m.stated === null) return `${m.path} is changed by the diff but not listed in the diffstat`;
  if (m.actual === null) return `${m.path} is listed in the diffstat (${m.stated} lines) but the diff does not change it`;
  return `diffstat says ${m.path} changes ${m.stated} lines, the diff changes ${m.actual}`;
}

function hitFor(patch: Patch, statLines: readonly BodyLine[], m: DiffstatMismatch): CheckHit {
  const line = TOTAL.test(m.path) ? statLines.find((l) => SUMMARY_LINE.test(l.text)) : statLineFor(statLines, m.path);
  const file = TOTAL.test(m.path) ? {} : { file: m.path };
  const where = line ? { ...file, bodyLine: line.bodyLine } : file;
  return line ? { message: describe(m), where, excerpt: line.text } : { message: describe(m), where };
}

/** A diffstat that disagrees with its diff means the mail was edited after format-patch wrote it. */
export const diffstatMismatch = patchCheck({
  id: 'diffstat-mismatch',
  severity: 'warning',
  description: 'the diffstat below --- disagrees with the diff (files or line counts)',
  run(patch) {
    if (patch.diffstatMismatches.length === 0) return [];
    const lines = splitBodyLines(patch.body);
    const statLines = lines.slice(commitMessageEnd(lines), Math.max(patch.diffBodyLine - 1, 0));
    return patch.diffstatMismatches.map((m) => hitFor(patch, statLines, m));
  },
});
