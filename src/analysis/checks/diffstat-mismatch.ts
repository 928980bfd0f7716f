import type { DiffstatMismatch, Patch } from '../../series/types.js';
import { patchCheck, type CheckHit } from './check.js';
import { commitMessageEnd, splitBodyLines, type BodyLine } from './commit-message.js';

/** ` path | 12 +++--`; git shortens long paths to `.../tail`. */
const STAT_LINE = /^\s*(.+?)\s+\|\s+(?:\d+|Bin)/;

function statLineFor(lines: readonly BodyLine[], path: string): BodyLine | undefined {
  return lines.find((l) => {
    const shown = STAT_LINE.exec(l.text)?.[1];
    if (shown === undefined) return false;
    return shown === path || (shown.startsWith('.../') && path.endsWith(shown.slice(3)));
  });
}

function describe(m: DiffstatMismatch): string {
  if (m.stated === null) return `${m.path} is changed by the diff but not listed in the diffstat`;
  if (m.actual === null) return `${m.path} is listed in the diffstat (${m.stated} lines) but the diff does not change it`;
  return `diffstat says ${m.path} changes ${m.stated} lines, the diff changes ${m.actual}`;
}

function hitFor(patch: Patch, statLines: readonly BodyLine[], m: DiffstatMismatch): CheckHit {
  const line = statLineFor(statLines, m.path);
  const where = line ? { file: m.path, bodyLine: line.bodyLine } : { file: m.path };
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
