/**
 * Turns `git apply` complaints into a located failure: which file, which hunk, what git said.
 * git prints, for a hunk whose context is not found:
 *   error: patch failed: drivers/dma-buf/dma-buf.c:120
 *   error: drivers/dma-buf/dma-buf.c: patch does not apply
 * where 120 is the hunk's old start line (apply.c, `apply_one_fragment`).
 */
import type { Hunk, Patch } from '../../series/index.js';

export interface ApplyFailure {
  /** git's own words, trimmed, without simple-git's wrapping. */
  gitMessage: string;
  file: string | null;
  /** The old-side start line git reported, or null. */
  line: number | null;
  /** The hunk of the patch that git could not place, when it can be identified. */
  hunk: Hunk | null;
}

/** Rows of (pattern, what it tells) for git apply's error lines, each regex written once. */
const ERROR_LINES: readonly { re: RegExp; file: number; line?: number }[] = [
  { re: /^error: patch failed: (.+):(\d+)$/, file: 1, line: 2 },
  { re: /^error: (.+): (?:patch does not apply|does not exist in index|already exists in (?:index|working directory)|No such file or directory|does not match index|wrong type)$/, file: 1 },
];

function locate(stderr: string): { file: string | null; line: number | null } {
  for (const raw of stderr.split('\n')) {
    const text = raw.trim();
    for (const row of ERROR_LINES) {
      const m = row.re.exec(text);
      if (m) return { file: m[row.file]!, line: row.line ? Number(m[row.line]) : null };
    }
  }
  return { file: null, line: null };
}

/** The hunk of `file` that starts at old line `line`; else the first hunk of the file. */
export function findHunk(patch: Patch, file: string | null, line: number | null): Hunk | null {
  if (file === null) return null;
  const diff = patch.files.find((f) => f.path === file || f.oldPath === file || f.newPath === file);
  if (!diff) return null;
  return diff.hunks.find((h) => h.oldStart === line) ?? diff.hunks[0] ?? null;
}

// `git apply --verbose` progress lines (asked for in git.ts): not part of what went wrong.
const VERBOSE_PROGRESS = /^(Checking patch |Applied patch |Skipped patch |Hunk #\d+ applied cleanly)/;

export function parseApplyFailure(patch: Patch, stderr: string): ApplyFailure {
  const { file, line } = locate(stderr);
  const gitMessage = stderr
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.length > 0 && !VERBOSE_PROGRESS.test(l))
    .join('\n');
  return { gitMessage, file, line, hunk: findHunk(patch, file, line) };
}

/**
 * git's verdict lines (`error:`, `fatal:`, `warning:`) out of its message: `apply --verbose` also
 * echoes the context it searched for (after `error: while searching for:`), which the hunk shows better. The whole message when it has none.
 */
export function gitVerdictLines(gitMessage: string): string[] {
  const all = gitMessage.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  const verdicts = all.filter((l) => /^(error|fatal|warning):/.test(l) && !/^error: while searching for:$/.test(l));
  return verdicts.length > 0 ? verdicts : all;
}

/** The hunk as a reviewer wants to see it: header and lines, capped so a finding stays short. */
export function formatHunk(hunk: Hunk, maxLines = 12): string {
  const marks = { context: ' ', add: '+', remove: '-', 'no-newline': '\\' } as const;
  const body = hunk.lines.slice(0, maxLines).map((l) => `${marks[l.kind]}${l.text}`);
  if (hunk.lines.length > maxLines) body.push(`… ${hunk.lines.length - maxLines} more lines`);
  return [hunk.header, ...body].join('\n');
}
