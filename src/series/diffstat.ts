import type { Diffstat } from './types.js';

// ` path | 12 +++---`, ` path | Bin 0 -> 1234 bytes`, ` path | 0` (mode change): git diff --stat lines.
const STAT_LINE = /^ (.+?)\s+\|\s+(?:(\d+)(?: [+-]*)?|(Bin)\b.*)$/;
const SUMMARY = /^ (\d+) files? changed(?:, (\d+) insertions?\(\+\))?(?:, (\d+) deletions?\(-\))?\s*$/;

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
    const stat = STAT_LINE.exec(line);
    if (stat) files.push({ path: statPath((stat[1] as string).trim()), changes: Number(stat[2] ?? 0), binary: stat[3] === 'Bin' });
  }
  return null;
}

/** Whether a stat path (possibly `.../tail`) names `path`. */
export function statPathMatches(statName: string, path: string): boolean {
  if (statName === path) return true;
  return statName.startsWith('...') && path.endsWith(statName.slice(3));
}
