import type { Patch, PatchSeries, Reply } from '../../../series/index.js';
import type { ReviewData, TraceView } from '../data.js';
import { applyFilter, findingRows, type FindingsFilter } from './findings-list.js';
import { clean, line, type DocLine } from './lines.js';
import { bisectFor, findingsForPatch, stepOf } from './lookups.js';
import { coverDoc, patchDoc } from './patch-doc.js';
import { repliesDoc } from './replies-doc.js';
import { seriesRows, versionRows } from './series-rows.js';
import { stepsDoc } from './steps-doc.js';
import { filterEntries, pickEntries, pickerRows } from './picker.js';
import { inlineTraceLines, traceAnchor } from './trace-anchor.js';
import { patchVerdict } from './verdicts.js';

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
  /** The picker's rows for a query, and how many series versions there are in all. */
  pickerRows(query: string): DocLine[];
  pickerTotal(): number;
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
  const v = patchVerdict(data, index, s);
  if (v && v.step.invariants.length > 0) {
    const where = clean(`${v.sequence.name}, step ${v.stepIndex + 1} ${v.step.name}`);
    out.push(v.ok
      ? line([['model: ', 'dim'], ['✓ every invariant holds', 'pass'], [`  (${where})`, 'dim']])
      : line([['model: ', 'dim'], [clean(`✗ ${v.broken.join(', ')}`), 'fail'], [`  (${where})`, 'dim'],
        [v.newTraces.length ? '  trace under the diff line the binding names' : '  (the trace is at an earlier step)', 'dim']]));
  }
  return out;
}

/** The counterexamples first seen at this patch's step, keyed by the diff line they go under. */
function traceAnnotations(data: ReviewData, s: PatchSeries, patch: Patch): Map<string, DocLine[]> {
  const out = new Map<string, DocLine[]>();
  const v = patchVerdict(data, patch.index, s);
  if (!v) return out;
  const key = v.newTraces.length ? traceAnchor(patch, data.verify?.binding) : null;
  if (key === null) return out;
  out.set(key, v.newTraces.flatMap((t) => inlineTraceLines(v, t)));
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
    return p === 0 ? coverDoc(m as NonNullable<PatchSeries['cover']>, findings) : patchDoc(m as Patch, findings, patchNotes(data, series(v)!, p), traceAnnotations(data, series(v)!, m as Patch));
  });
  const replies = memo((k) => repliesDoc(repliesOf(...parse(k))));
  const rows = memo((k) => { const s = series(Number(k)); return s ? seriesRows(data, s) : []; });
  const findings = memo((k) => findingRows(applyFilter(data.findings, JSON.parse(k) as FindingsFilter)));
  const steps = memo(() => stepsDoc(data.verify));
  const versions = memo(() => versionRows(data.set));
  const entries = memo(() => data.picks ?? pickEntries(data.set));
  const picked = memo((q) => pickerRows(filterEntries(entries(''), q), data.picks !== undefined));
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
    pickerRows: (q) => picked(q),
    pickerTotal: () => entries('').length,
  };
}
