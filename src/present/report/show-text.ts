import type { Cover, Patch, PatchSeries, Person, Reply, SeriesSet } from '../../series/index.js';
import { sanitizeForTerminal } from '../sanitize.js';

/**
 * `patchscope show` as plain text: per series a title line, the cover, one line per patch (index, subject,
 * author, +/− lines, b4-style trailer badges, replies), then what is missing or stray. Every string taken from
 * mail goes through sanitizeForTerminal: a subject must not be able to move the cursor or reorder the line.
 */
export function formatShowText(set: SeriesSet): string {
  return set.series.map(showSeriesText).join('') + showTextTail({ ...set, series: set.series.length, unthreaded: set.unthreaded.length, skipped: set.skipped.length });
}

/** One series as formatShowText writes it: its lines and the blank line after them (a piece of a streamed `show`). */
export function showSeriesText(series: PatchSeries): string {
  return `${seriesLines(series).join('\n')}\n\n`;
}

/** What formatShowText writes after the series: the counts of the whole input and its notes. */
export function showTextTail(t: { series: number; messages: number; unthreaded: number; skipped: number; notes: readonly string[] }): string {
  const out: string[] = [];
  if (t.series === 0) out.push('No patch series found.', '');
  const tail = [`${t.messages} message${t.messages === 1 ? '' : 's'} read`];
  if (t.unthreaded > 0) tail.push(`${t.unthreaded} outside any series`);
  if (t.skipped > 0) tail.push(`${t.skipped} undecodable`);
  out.push(tail.join(', '));
  for (const note of t.notes) out.push(`note: ${clean(note)}`);
  return `${out.join('\n')}\n`;
}

function clean(text: string): string {
  return sanitizeForTerminal(text).replace(/\s+/g, ' ').trim();
}

function person(p: Person | null): string {
  if (!p) return '(unknown author)';
  return clean(p.name || p.email);
}

function badge(trailers: Patch['trailers']): string {
  const count = (key: string) => trailers.filter((t) => t.key === key).length;
  const parts = [['R', count('Reviewed-by')], ['A', count('Acked-by')], ['T', count('Tested-by')]] as const;
  const shown = parts.filter(([, n]) => n > 0).map(([k, n]) => `${k}${n}`);
  return shown.length > 0 ? `[${shown.join(' ')}]` : '';
}

function replies(list: Reply[]): string {
  return list.length === 0 ? '' : `${list.length} repl${list.length === 1 ? 'y' : 'ies'}`;
}

function seriesLines(s: PatchSeries): string[] {
  const flags = [`v${s.version}`, ...(s.rfc ? ['RFC'] : []), ...(s.resend ? ['RESEND'] : [])].join(' ');
  const lines = [`${clean(s.title)}  (${flags}, ${s.patches.length}/${s.total} patches)`];
  if (s.cover) lines.push(coverLine(s.cover));
  const width = String(s.total).length;
  for (const p of s.patches) lines.push(patchLine(p, width));
  if (s.missing.length > 0) lines.push(`  missing: ${s.missing.join(', ')}`);
  if (s.duplicates.length > 0) lines.push(`  sent twice: ${s.duplicates.map((d) => d.index).join(', ')}`);
  if (s.partialReroll) lines.push(`  partial reroll: ${s.partialReroll.standIns.map((x) => x.index).join(', ') || 'none'} taken from v${s.partialReroll.from}`);
  return lines;
}

function coverLine(c: Cover): string {
  const parts = [`  00 cover: ${clean(c.subject)}`, person(c.author), badge(c.trailers), replies(c.replies)];
  if (c.baseCommit) parts.push(`base ${c.baseCommit.slice(0, 12)}`);
  return parts.filter((x) => x !== '').join('  ');
}

function patchLine(p: Patch, width: number): string {
  const added = p.files.reduce((n, f) => n + f.added, 0);
  const removed = p.files.reduce((n, f) => n + f.removed, 0);
  const diff = p.diffError ? 'diff unreadable' : `+${added}/\u2212${removed}`;
  const index = String(p.index).padStart(Math.max(2, width), '0');
  return [`  ${index} ${clean(p.subject)}`, person(p.author), diff, badge(p.trailers), replies(p.replies)].filter((x) => x !== '').join('  ');
}
