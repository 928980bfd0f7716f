import type { Patch, PatchSeries, Reply } from '../../../series/index.js';
import type { ReviewData, TraceView } from '../data.js';
import { applyFilter, findingRows, type FindingsFilter } from './findings-list.js';
import { clean, line, type DocLine } from './lines.js';
import { bisectFor, findingsForPatch, stepOf } from './lookups.js';
import { coverDoc, patchDoc } from './patch-doc.js';
import { repliesDoc } from './replies-doc.js';
import { seriesRows, versionRows } from './series-rows.js';
import { stepsDoc } from './steps-doc.js';

/**
 * Everything the screens show, derived once from the immutable ReviewData and cached: opening a
 * 20k-line patch builds its rows once, every later keystroke only slices them.
 */
export interface ReviewModel {
  data: ReviewData;
  series(version: number): PatchSeries | undefined;
  /** The message indices a version can open: 0 for the cover (when present), then each patch. */
  openable(version: number): number[];
  seriesRows(version: number): DocLine[];
  versionRows(): DocLine[];
  doc(version: number, patch: number): DocLine[];
  replies(version: number, patch: number): DocLine[];
  replyCount(version: number, patch: number): number;
  findingRows(filter: FindingsFilter): DocLine[];
  stepsDoc(): DocLine[];
  trace(sequence: number, step: number, trace: number): TraceView | undefined;
}

/** What the analysis says of one patch, shown under its header: bisect outcome and landing step. */
export function patchNotes(data: ReviewData, s: PatchSeries, index: number): DocLine[] {
  const out: DocLine[] = [];
  const b = bisectFor(data, s, index);
  if (b) {
    const [mark, style] = b.status === 'ok' ? ['✓ builds', 'pass'] as const : b.status === 'fail' ? ['✗ breaks the build', 'fail'] as const
      : b.status === 'unknown' ? ['? unknown without a base tree', 'dim'] as const : ['- not checked', 'dim'] as const;
    out.push(line([['bisect: ', 'dim'], [mark, style], [b.reason ? `: ${clean(b.reason)}` : '', style]]));
  }
  const step = stepOf(data, index);
  if (step) out.push(line([['landing step: ', 'dim'], [`S${step.number} ${clean(step.name)}`, 'accent']]));
  return out;
}

function memo<T>(fn: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, fn(key));
    return cache.get(key)!;
  };
}

export function createModel(data: ReviewData): ReviewModel {
  const series = (v: number) => data.set.series[v];
  const message = (v: number, p: number): Patch | PatchSeries['cover'] | undefined =>
    p === 0 ? series(v)?.cover : series(v)?.patches.find((x) => x.index === p);
  const repliesOf = (v: number, p: number): Reply[] => message(v, p)?.replies ?? [];
  const parse = (k: string) => k.split(':').map(Number) as [number, number];
  const docs = memo((k) => {
    const [v, p] = parse(k);
    const m = message(v, p);
    if (!m) return [line([[`No message ${p} in this series.`, 'dim']])];
    const findings = findingsForPatch(data.findings, { index: p, messageId: m.messageId });
    return p === 0 ? coverDoc(m as NonNullable<PatchSeries['cover']>, findings) : patchDoc(m as Patch, findings, patchNotes(data, series(v)!, p));
  });
  const replies = memo((k) => repliesDoc(repliesOf(...parse(k))));
  const rows = memo((k) => { const s = series(Number(k)); return s ? seriesRows(data, s) : []; });
  const findings = memo((k) => findingRows(applyFilter(data.findings, JSON.parse(k) as FindingsFilter)));
  const steps = memo(() => stepsDoc(data.verify));
  const versions = memo(() => versionRows(data.set));
  return {
    data,
    series,
    openable: (v) => [...(series(v)?.cover ? [0] : []), ...(series(v)?.patches.map((p) => p.index) ?? [])],
    seriesRows: (v) => rows(String(v)),
    versionRows: () => versions(''),
    doc: (v, p) => docs(`${v}:${p}`),
    replies: (v, p) => replies(`${v}:${p}`),
    replyCount: (v, p) => repliesOf(v, p).length,
    findingRows: (f) => findings(JSON.stringify({ level: f.level, type: f.type })),
    stepsDoc: () => steps(''),
    trace: (seq, step, i) => data.verify?.sequences[seq]?.steps[step]?.counterexamples?.[i],
  };
}
