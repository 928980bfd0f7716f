/**
 * Small SeriesSet builders for the TUI tests, in the shape the series stage produces. They are
 * written by hand so each test states what it relies on; the end-to-end test uses the bundled mbox.
 */
import type {
  Cover, DiffFile, Hunk, HunkLine, Patch, PatchSeries, Person, Reply, SeriesSet, SubjectInfo, Trailer,
} from '../../../series/index.js';

export const JASON: Person = { name: 'Jason Gunthorpe', email: 'jgg@nvidia.com' };
export const CHRISTIAN: Person = { name: 'Christian König', email: 'christian.koenig@amd.com' };

const origin = (index: number) => ({ source: 'test.mbox', index, offset: null });

function subjectInfo(raw: string, summary: string, counter: number, total: number): SubjectInfo {
  return {
    raw, summary, isReply: false, prefixes: ['PATCH', 'RFC'], isPatch: true, rfc: true, resend: false,
    version: 1, versionInferred: true, counter, total, counterInferred: false,
  };
}

export function msgId(n: number): string {
  return `${n}-v1-b5cab63049c0+191af-dmabuf_map_type_jgg@nvidia.com`;
}

/** A hunk whose added lines are `+ name(i)` for i < adds, starting at body line `bodyLine`. */
export function makeHunk(adds: number, bodyLine: number, name = 'line'): Hunk {
  const lines: HunkLine[] = [
    { kind: 'context', text: '#include <linux/dma-buf.h>', oldLine: 1, newLine: 1, bodyLine: bodyLine + 1 },
    { kind: 'remove', text: 'int old_call(void);', oldLine: 2, newLine: null, bodyLine: bodyLine + 2 },
  ];
  for (let i = 0; i < adds; i++) {
    lines.push({ kind: 'add', text: `int ${name}_${i}(void);`, oldLine: null, newLine: 2 + i, bodyLine: bodyLine + 3 + i });
  }
  return {
    oldStart: 1, oldLines: 2, newStart: 1, newLines: adds + 1, section: 'struct dma_buf_mapping_type',
    header: `@@ -1,2 +1,${adds + 1} @@ struct dma_buf_mapping_type`, bodyLine, lines,
  };
}

export function makeFile(path: string, hunk: Hunk): DiffFile {
  const added = hunk.lines.filter((l) => l.kind === 'add').length;
  return {
    path, oldPath: path, newPath: path, status: 'modified', binary: false, oldMode: null, newMode: null,
    similarity: null, added, removed: 1, hunks: [hunk], bodyLine: hunk.bodyLine - 4,
  };
}

export function makeTrailer(key: string, person: Person, from: string, origin: Trailer['origin'], line = 5): Trailer {
  return { key, value: `${person.name} <${person.email}>`, from, origin, person, line };
}

export interface ReplySpec {
  n: number;
  author?: Person;
  quoted?: string[];
  text: string;
  depth?: number;
  trailers?: Trailer[];
}

export function makeReply(parent: string, spec: ReplySpec): Reply {
  const quoted = spec.quoted ? [{ depth: 1, lines: spec.quoted, beforeNewLine: 0 }] : [];
  return {
    messageId: `reply-${spec.n}@example.org`, subject: `Re: patch`, author: spec.author ?? CHRISTIAN,
    date: `2026-04-${String(10 + (spec.n % 20)).padStart(2, '0')}T12:00:00Z`, parentId: parent,
    depth: spec.depth ?? 1, newText: spec.text, quoted, trailers: spec.trailers ?? [], origin: origin(100 + spec.n),
  };
}

export interface PatchSpec {
  index: number;
  summary: string;
  adds?: number;
  path?: string;
  replies?: ReplySpec[];
  extraTrailers?: Trailer[];
  body?: string;
}

export function makePatch(spec: PatchSpec, total: number): Patch {
  const id = msgId(spec.index);
  const nn = String(spec.index).padStart(2, '0');
  const raw = `[PATCH RFC ${nn}/${total}] ${spec.summary}`;
  const hunk = makeHunk(spec.adds ?? 3, 12, `fn${spec.index}`);
  const file = makeFile(spec.path ?? 'drivers/dma-buf/dma-buf-mapping.c', hunk);
  const sob = makeTrailer('Signed-off-by', JASON, id, 'patch', 4);
  const commitMessage = spec.body ?? `Explain why patch ${spec.index} exists.\n\nSigned-off-by: ${sob.value}\n`;
  return {
    index: spec.index, subject: spec.summary, rawSubject: raw,
    subjectInfo: subjectInfo(raw, spec.summary, spec.index, total), author: JASON,
    date: '2026-02-18T00:11:33Z', messageId: id, commitMessage, body: commitMessage,
    trailers: [sob, ...(spec.extraTrailers ?? [])], files: [file],
    diffstat: { files: [{ path: file.path, changes: file.added + 1, binary: false }], filesChanged: 1, insertions: file.added, deletions: 1 },
    diffstatMismatches: [], diffText: '', diffBodyLine: 8,
    replies: (spec.replies ?? []).map((r) => makeReply(id, r)), origin: origin(spec.index + 1),
  };
}

export function makeCover(total: number): Cover {
  const raw = `[PATCH RFC 00/${total}] Add DMA-buf mapping types and convert vfio/iommufd to use them`;
  return {
    subject: 'Add DMA-buf mapping types and convert vfio/iommufd to use them', rawSubject: raw,
    subjectInfo: subjectInfo(raw, 'Add DMA-buf mapping types and convert vfio/iommufd to use them', 0, total),
    author: JASON, date: '2026-02-18T00:11:32Z', messageId: msgId(0),
    body: 'This series introduces mapping types.\n\nbase-commit: c63e5a50e1dd291cd95b04291b028fdcaba4c534\n',
    trailers: [], baseCommit: 'c63e5a50e1dd291cd95b04291b028fdcaba4c534', replies: [], origin: origin(1),
  };
}

export function makeSeries(specs: PatchSpec[], opts: { version?: number; total?: number } = {}): PatchSeries {
  const total = opts.total ?? specs.length;
  const cover = makeCover(total);
  return {
    id: `${cover.messageId}#v${opts.version ?? 1}`, title: cover.subject, version: opts.version ?? 1, rfc: true, resend: false,
    total, cover, patches: specs.map((s) => makePatch(s, total)), missing: [], duplicates: [], rootId: cover.messageId,
  };
}

export function makeSet(series: PatchSeries[]): SeriesSet {
  const messages = series.reduce((n, s) => n + 1 + s.patches.length + s.patches.reduce((r, p) => r + p.replies.length, 0), 0);
  return { messages, series, unthreaded: [], skipped: [], notes: [] };
}

/** A series of `count` patches with generated subjects, for scale tests and benches. */
export function makeLargeSeries(count: number, addsPerPatch = 3): PatchSeries {
  const specs = Array.from({ length: count }, (_, i) => ({ index: i + 1, summary: `subsys: generated change ${i + 1}`, adds: addsPerPatch }));
  return makeSeries(specs);
}
