/**
 * Findings in the shape `checkpatch.pl --show-types` prints them, so reviewers and scripts that read checkpatch
 * output read ours: per patch a header with its subject, per finding `LEVEL:TYPE: message`, `#N: FILE: path:line:`
 * and the offending line, then `total: …` and the verdict line. Mail-derived text goes through the terminal
 * sanitiser; JSON output is the Finding[] itself and does not come through here.
 */
import { findingType } from '../../analysis/checks/index.js';
import type { Finding, Severity } from '../../analysis/index.js';
import type { PatchSeries } from '../../series/index.js';
import { sanitizeForTerminal } from '../sanitize.js';

const LEVEL: Record<Severity, string> = { error: 'ERROR', warning: 'WARNING', check: 'CHECK' };

interface Counts {
  error: number;
  warning: number;
  check: number;
}

function count(findings: readonly Finding[]): Counts {
  const counts: Counts = { error: 0, warning: 0, check: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Controls (tab aside), bidi overrides and isolates, zero-width and separator characters a reader cannot see. */
const INVISIBLE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]/g;

/**
 * One line of mail text, made safe for a terminal: what a reader could not see is shown as `<U+202E>` (a finding
 * about a bidi override must show where it is), and the result still goes through the terminal sanitiser.
 */
function clean(text: string): string {
  const shown = text.replace(INVISIBLE, (ch) => `<U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
  return sanitizeForTerminal(shown);
}

/**
 * `#12: FILE: drivers/x.c:40:` — the parts checkpatch prints, each only when known. `#N` counts as checkpatch.pl
 * does on the mail file (its `From ` line and headers included) when `bodyOffset` is known, else from the body.
 */
function locationLine(f: Finding, bodyOffset: number): string | null {
  const { bodyLine, file, line } = f.where;
  if (bodyLine === undefined && file === undefined) return null;
  const at = bodyLine === undefined ? '' : `#${bodyLine + bodyOffset}: `;
  const where = file === undefined ? '' : `FILE: ${clean(file)}:${line === undefined ? '' : `${line}:`}`;
  return `${at}${where}`.trimEnd();
}

/**
 * The line to show under a finding: as checkpatch does, the raw line `#N` of the mail (an added line keeps its `+`),
 * else the excerpt — prefixed with `+` when it is an added line's text (it has a new-side line number).
 */
function shownLine(f: Finding, bodyLines: readonly string[] | undefined): string | null {
  const raw = f.where.bodyLine === undefined ? undefined : bodyLines?.[f.where.bodyLine - 1];
  if (raw !== undefined) return clean(raw);
  if (f.excerpt === undefined) return null;
  return `${f.where.line !== undefined ? '+' : ''}${clean(f.excerpt)}`;
}

/**
 * A finding as checkpatch prints it; `bodyLines` are the lines of the message it points into (for `#N`), and
 * `bodyOffset` the mail lines before that body (Patch.bodyOffsetLines), added to `#N` only: JSON keeps `bodyLine`.
 */
export function formatFinding(f: Finding, bodyLines?: readonly string[], bodyOffset = 0): string {
  // With checkpatch.pl run beside the native checks, each finding says which of the two found it.
  const source = f.source === undefined ? '' : f.source === 'checkpatch' ? ' [checkpatch]' : ' [patchscope]';
  const lines = [`${LEVEL[f.severity]}:${findingType(f)}: ${clean(f.message)}${source}`];
  const location = locationLine(f, bodyLines === undefined ? 0 : bodyOffset);
  if (location !== null) lines.push(location);
  const shown = shownLine(f, bodyLines);
  if (shown !== null) lines.push(shown);
  return `${lines.join('\n')}\n`;
}

function totalLine(counts: Counts, linesChecked: number): string {
  return `total: ${counts.error} errors, ${counts.warning} warnings, ${counts.check} checks, ${linesChecked} lines checked`;
}

/**
 * `body` is the message the findings point into, `bodyOffset` its mail lines before the body (0 when unknown);
 * a series-wide finding without a patch points into none.
 */
function section(
  name: string,
  findings: readonly Finding[],
  body: string,
  bodyOffset: number,
  isOwnBody: (f: Finding) => boolean,
): string {
  const rule = '-'.repeat(name.length);
  const verdict = findings.length === 0
    ? `${name} has no obvious style problems and is ready for submission.`
    : `${name} has style problems, please review.`;
  const lines = body.split('\n');
  const shown = findings.map((f) => formatFinding(f, isOwnBody(f) ? lines : undefined, bodyOffset)).join('\n');
  const total = totalLine(count(findings), linesOf(body));
  return [`${rule}\n${name}\n${rule}\n`, shown ? `${shown}\n` : '', `${total}\n\n${verdict}\n`].join('');
}

/** checkpatch counts the lines of what it was given: here the message body. */
function linesOf(body: string): number {
  return body === '' ? 0 : body.replace(/\n$/, '').split('\n').length;
}

function seriesName(series: PatchSeries): string {
  const subject = series.cover?.rawSubject ?? `series: ${series.title}`;
  return clean(subject.replace(/\s+/g, ' '));
}

/** Findings by patch index; those of no patch of this series (the series, the cover, a missing patch) under -1. */
function byPatch(series: PatchSeries, findings: readonly Finding[]): Map<number, Finding[]> {
  const known = new Set(series.patches.map((p) => p.index));
  const groups = new Map<number, Finding[]>();
  for (const f of findings) {
    const key = f.where.patch !== undefined && known.has(f.where.patch) ? f.where.patch : -1;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return groups;
}

/** The whole report: series-wide and cover findings first, then each patch in order, then the summary line. */
export function formatCheckpatch(series: PatchSeries, findings: readonly Finding[]): string {
  const groups = byPatch(series, findings);
  const seriesWide = groups.get(-1) ?? [];
  const parts: string[] = [];
  if (seriesWide.length > 0 || series.cover) {
    const cover = series.cover;
    parts.push(section(seriesName(series), seriesWide, cover?.body ?? '', cover?.bodyOffsetLines ?? 0, (f) => f.where.patch === 0));
  }
  for (const patch of series.patches) {
    const name = clean(patch.rawSubject.replace(/\s+/g, ' '));
    parts.push(section(name, groups.get(patch.index) ?? [], patch.body, patch.bodyOffsetLines ?? 0, () => true));
  }
  const all = count(findings);
  const withProblems = series.patches.filter((p) => groups.has(p.index)).length;
  parts.push(
    `${series.patches.length} patches checked, ${withProblems} with style problems: ` +
      `${all.error} errors, ${all.warning} warnings, ${all.check} checks in total\n`,
  );
  return parts.join('\n');
}
