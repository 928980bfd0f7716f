import type { PatchSeries, Patch, SeriesSet } from '../../../series/index.js';
import type { ReviewData } from '../data.js';
import { clean, line, mailLine, padEnd, padStart, type DocLine, type Seg, type Style } from './lines.js';
import { bisectFor, countBySeverity, modelDescribesSeries, findingsForPatch, personName, shortDate, stepOf, trailerBadges } from './lookups.js';
import { patchVerdict } from './verdicts.js';

/**
 * Which optional columns a series' table has, so the subject keeps the room: the author only when
 * the patches have more than one (the header line names the one author), the model verdict only
 * when there is a model result (at 80 columns the subject had ~18 characters: issue 17, bug 5).
 */
export interface SeriesColumns {
  author: boolean;
  model: boolean;
}

const AUTHOR_WIDTH = 16;
const MODEL_WIDTH = 13;

export function seriesColumns(data: ReviewData, series: PatchSeries): SeriesColumns {
  const authors = new Set(series.patches.map((p) => (p.author?.email ?? '').toLowerCase()));
  return { author: authors.size > 1, model: (data.verify?.sequences.length ?? 0) > 0 && series === data.set.series[0] && modelDescribesSeries(data) };
}

/** Column header of the patch table; widths match `patchRow`. */
export function seriesColumnsLine(cols: SeriesColumns): DocLine {
  const model = cols.model ? padEnd('model', MODEL_WIDTH) : '';
  const author = cols.author ? padEnd('author', AUTHOR_WIDTH + 1) : '';
  return line([[`${padEnd('#', 3)}${padStart('+/−', 10)}  ${padEnd('R A T', 9)}${padEnd('re', 4)}${padEnd('E W', 7)}${padEnd('bis', 4)}${padEnd('step', 5)}${model}${author}subject`, 'heading']]);
}

/** The model column: ✓ when the patch's step keeps every invariant, ✗ and the first it breaks. */
function modelCell(data: ReviewData, series: PatchSeries, patch: Patch): Seg {
  const v = patchVerdict(data, patch.index, series);
  if (!v || v.step.invariants.length === 0) return { text: padEnd('·', MODEL_WIDTH), style: 'dim' };
  if (v.ok) return { text: padEnd('✓', MODEL_WIDTH), style: 'pass' };
  const more = v.broken.length > 1 ? '+' : '';
  return { text: padEnd(`✗ ${v.broken[0]!.slice(0, MODEL_WIDTH - 3 - more.length)}${more}`, MODEL_WIDTH), style: 'fail' };
}

/** `series-wide A1 R1`: trailers given in replies to the cover, which stand for every patch (shown on row 00). */
function seriesWideBadges(series: PatchSeries): string {
  const b = trailerBadges({ trailers: series.coverTrailers ?? [] });
  const parts = (['R', 'A', 'T'] as const).filter((k) => b[k] > 0).map((k) => `${k}${b[k]}`);
  return parts.length ? `series-wide ${parts.join(' ')} (row 00)` : '';
}

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
    set.series.length > 1 ? `${set.series.length} versions/series in set (v: next, p: pick)` : '',
    seriesWideBadges(series),
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

function trailerCell(patch: Pick<Patch, 'trailers'>): Seg {
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
  const styles = { ok: ['✓', 'pass'], fail: ['✗', 'fail'], unknown: ['?', 'dim'], skip: ['-', 'dim'] } as const;
  const [text, style] = styles[r.status];
  return { text: padEnd(text, 4), style };
}

export function patchRow(data: ReviewData, series: PatchSeries, patch: Patch, cols: SeriesColumns = seriesColumns(data, series)): DocLine {
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
    ...(cols.model ? [modelCell(data, series, patch)] : []),
    ...(cols.author ? [{ text: padEnd(clean(personName(patch.author)), AUTHOR_WIDTH) + ' ', style: 'dim' as const }] : []),
    { text: clean(patch.subject), style: 'plain' },
  ];
  return { segs, text: segs.map((s) => s.text).join(''), target: { kind: 'patch', patch: patch.index } };
}

/** One row per patch, the cover first (as 00) when the series has one. */
export function seriesRows(data: ReviewData, series: PatchSeries): DocLine[] {
  const rows: DocLine[] = [];
  const cols = seriesColumns(data, series);
  if (series.cover) {
    const c = series.cover;
    // The cover's row carries the series-wide trailers (given in replies to the cover, for every patch).
    const wide = trailerCell({ trailers: series.coverTrailers ?? [] });
    rows.push(line([
      [padEnd('00', 3), 'accent'], [padEnd('', 12), 'dim'], [wide.text, wide.style], [padEnd(c.replies.length ? `✉${c.replies.length}` : '', 4), 'reply-head'],
      [padEnd('', 7 + 4 + 5 + (cols.model ? MODEL_WIDTH : 0)), 'dim'],
      [cols.author ? padEnd(clean(personName(c.author)), AUTHOR_WIDTH) + ' ' : '', 'dim'], [`cover: ${clean(c.subject)}`, 'plain'],
    ], { target: { kind: 'patch', patch: 0 } }));
  }
  for (const p of series.patches) rows.push(patchRow(data, series, p, cols));
  return rows;
}

/** The version selector's rows: one per series of the set. */
export function versionRows(set: SeriesSet): DocLine[] {
  return set.series.map((s, index) => line([
    [`v${s.version}${s.rfc ? ' RFC' : ''}`, 'accent'], [` ${s.patches.length}p `, 'dim'], [clean(s.title), 'plain'],
  ], { target: { kind: 'version', index } }));
}
