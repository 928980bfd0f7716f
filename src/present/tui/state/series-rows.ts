import type { PatchSeries, Patch, SeriesSet } from '../../../series/index.js';
import type { ReviewData } from '../data.js';
import { clean, line, mailLine, padEnd, padStart, type DocLine, type Seg, type Style } from './lines.js';
import { bisectFor, countBySeverity, findingsForPatch, personName, shortDate, stepOf, trailerBadges } from './lookups.js';

/** Column header of the patch table; widths match `patchRow`. */
export const SERIES_COLUMNS = line([
  [`${padEnd('#', 3)}${padStart('+/−', 10)}  ${padEnd('R A T', 9)}${padEnd('re', 4)}${padEnd('E W', 7)}${padEnd('bis', 4)}${padEnd('step', 5)}${padEnd('author', 17)}subject`, 'heading'],
]);

/** The cover summary; `seriesFindings` counts findings about no single patch. */
export function seriesHeader(series: PatchSeries, set: SeriesSet, steps?: string, seriesFindings = 0): DocLine[] {
  const cover = series.cover;
  const tags = [series.rfc ? 'RFC' : '', `v${series.version}`, series.resend ? 'RESEND' : ''].filter(Boolean).join(' ');
  const replies = series.patches.reduce((n, p) => n + p.replies.length, cover?.replies.length ?? 0);
  const facts = [
    `${series.patches.length}/${series.total} patches`,
    series.missing.length ? `missing ${series.missing.join(',')}` : '',
    `${replies} replies`,
    cover?.baseCommit ? `base ${cover.baseCommit.slice(0, 12)}` : '',
    set.series.length > 1 ? `${set.series.length} versions/series in set (v: next)` : '',
    steps ? `step: ${clean(steps)}` : '',
    seriesFindings ? `${seriesFindings} series findings (f)` : '',
  ].filter(Boolean).join(' · ');
  const intro = (cover?.body ?? '').trim().split(/\n\s*\n/)[0]?.split('\n').slice(0, 2) ?? [];
  return [
    line([[clean(series.title), 'title'], [`  [${tags}]`, 'accent']]),
    line([[clean(`${personName(cover?.author ?? series.patches[0]?.author ?? null)}  ${shortDate(cover?.date ?? null)}`), 'dim'], [`  ${facts}`, 'dim']]),
    ...intro.filter((l) => !l.startsWith('base-commit:')).map((l) => mailLine(`  ${l}`, 'plain')),
  ];
}

function trailerCell(patch: Patch): Seg {
  const b = trailerBadges(patch);
  const cell = (l: string, n: number) => `${l}${n > 0 ? n : '·'}`;
  return { text: padEnd(`${cell('R', b.R)} ${cell('A', b.A)} ${cell('T', b.T)}`, 9), style: b.R + b.A + b.T > 0 ? 'pass' : 'dim' };
}

function findingsCell(data: ReviewData, patch: Patch): Seg {
  const c = countBySeverity(findingsForPatch(data.findings, patch));
  const style: Style = c.error > 0 ? 'error' : c.warning > 0 ? 'warning' : 'dim';
  return { text: padEnd(`${c.error || '·'} ${c.warning || '·'}`, 7), style };
}

function bisectCell(data: ReviewData, series: PatchSeries, patch: Patch): Seg {
  const r = bisectFor(data, series, patch.index);
  if (!r) return { text: padEnd('·', 4), style: 'dim' };
  const styles = { ok: ['✓', 'pass'], fail: ['✗', 'fail'], skip: ['-', 'dim'] } as const;
  const [text, style] = styles[r.status];
  return { text: padEnd(text, 4), style };
}

export function patchRow(data: ReviewData, series: PatchSeries, patch: Patch): DocLine {
  const added = patch.files.reduce((n, f) => n + f.added, 0);
  const removed = patch.files.reduce((n, f) => n + f.removed, 0);
  const step = stepOf(data, patch.index);
  const segs: Seg[] = [
    { text: padEnd(String(patch.index).padStart(2, '0'), 3), style: 'accent' },
    { text: padStart(`+${added}`, 6), style: 'add' },
    { text: padEnd(`/−${removed}`, 6), style: 'remove' },
    trailerCell(patch),
    { text: padEnd(patch.replies.length ? `✉${patch.replies.length}` : '', 4), style: 'reply-head' },
    findingsCell(data, patch),
    bisectCell(data, series, patch),
    { text: padEnd(step ? `S${step.number}` : '', 5), style: 'accent' },
    { text: padEnd(clean(personName(patch.author)), 16) + ' ', style: 'dim' },
    { text: clean(patch.subject), style: 'plain' },
  ];
  return { segs, text: segs.map((s) => s.text).join(''), target: { kind: 'patch', patch: patch.index } };
}

/** One row per patch, the cover first (as 00) when the series has one. */
export function seriesRows(data: ReviewData, series: PatchSeries): DocLine[] {
  const rows: DocLine[] = [];
  if (series.cover) {
    const c = series.cover;
    rows.push(line([
      [padEnd('00', 3), 'accent'], [padEnd('', 12 + 9), 'dim'], [padEnd(c.replies.length ? `✉${c.replies.length}` : '', 4), 'reply-head'],
      [padEnd('', 7 + 4 + 5), 'dim'], [padEnd(clean(personName(c.author)), 16) + ' ', 'dim'], [`cover: ${clean(c.subject)}`, 'plain'],
    ], { target: { kind: 'patch', patch: 0 } }));
  }
  for (const p of series.patches) rows.push(patchRow(data, series, p));
  return rows;
}

/** The version selector's rows: one per series of the set. */
export function versionRows(set: SeriesSet): DocLine[] {
  return set.series.map((s, index) => line([
    [`v${s.version}${s.rfc ? ' RFC' : ''}`, 'accent'], [` ${s.patches.length}p `, 'dim'], [clean(s.title), 'plain'],
  ], { target: { kind: 'version', index } }));
}
