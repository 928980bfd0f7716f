import type { Diffstat } from './types.js';

// The part after ` | ` of a git diff --stat line: `12 +++---`, `Bin 0 -> 1234 bytes`, `0` (mode change).
const STAT_COUNT = /^(?:(\d+)(?: [+-]*)?|(Bin)\b.*)$/;
const SUMMARY = /^ (\d+) files? changed(?:, (\d+) insertions?\(\+\))?(?:, (\d+) deletions?\(-\))?\s*$/;

/** A stat line, split at its last `|` (paths may hold anything but a newline; no regex backtracking over them). */
function statLine(line: string): Diffstat['files'][number] | null {
  const bar = line.lastIndexOf('|');
  if (!line.startsWith(' ') || bar < 2) return null;
  const count = STAT_COUNT.exec(line.slice(bar + 1).trim());
  const path = line.slice(1, bar).trim();
  if (!count || path === '') return null;
  return { path: statPath(path), changes: Number(count[1] ?? 0), binary: count[2] === 'Bin' };
}

/**
 * The path a stat line names after the change: `old => new` and `dir/{a => b}/f` are git's rename forms.
 * A leading `.../` (git shortens long paths) is kept: matching then goes by suffix.
 */
export function statPath(raw: string): string {
  const braces = /^(.*)\{(.*) => (.*)\}(.*)$/.exec(raw);
  if (braces) return `${braces[1]}${braces[3]}${braces[4]}`.replace(/\/\//g, '/');
  const arrow = raw.indexOf(' => ');
  return arrow >= 0 ? raw.slice(arrow + 4) : raw;
}

/** Parses the diffstat of a patch's `---` section; null when the section has no summary line. */
export function parseDiffstat(notes: string): Diffstat | null {
  const files: Diffstat['files'] = [];
  for (const line of notes.split('\n')) {
    const summary = SUMMARY.exec(line);
    if (summary) {
      return {
        files,
        filesChanged: Number(summary[1]),
        insertions: Number(summary[2] ?? 0),
        deletions: Number(summary[3] ?? 0),
      };
    }
    const stat = statLine(line);
    if (stat) files.push(stat);
  }
  return null;
}

/** Whether a stat path (possibly `.../tail`) names `path`. */
export function statPathMatches(statName: string, path: string): boolean {
  if (statName === path) return true;
  return statName.startsWith('...') && path.endsWith(statName.slice(3));
}
