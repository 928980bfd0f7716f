/**
 * From the index's message rows to series and their versions. Threading and per-version
 * grouping are the series stage's own (threadMessages, groupSeries), run on slim messages that
 * carry only what they read; versions are then linked into one series (a "family") when they
 * share a thread root (a v2 sent in reply to v1, a partial reroll sent as replies), b4's
 * change-id, or the same subject stem from the same author (RFC → v1 → v2 as new threads).
 */
import { createHash } from 'node:crypto';
import type { RawMessage } from '../ingest/index.js';
import { type ThreadNode, type ClassifiedMessage, type MessageKind, groupSeries, threadRoots, type SeriesDraft, parseSubject, threadMessages } from '../series/index.js';
import { linkBySharedPatches } from './shared-patches.js';

/** A message row as read back from the index. */
export interface StoredMessage {
  rowid: number;
  source: string;
  msgid: string;
  inReplyTo: string | null;
  refs: string;
  subject: string;
  fromName: string | null;
  fromEmail: string | null;
  date: string | null;
  kind: MessageKind;
  hasDiff: number;
  hasDiffstat: number;
  changeId: string | null;
}

/** One version of a series as grouping found it, before versions are linked into families. */
export interface VersionFacts {
  version: number;
  rfc: boolean;
  resend: boolean;
  title: string;
  rootId: string;
  /** The cover's Message-ID, or the first patch's. */
  firstId: string;
  total: number;
  patches: number;
  date: string | null;
  partial: boolean;
  changeId: string | null;
  author: string | null;
  /** The conversation (see components.ts) the version was found in: its first row id. */
  thread: number;
  /** Subject stems of its patches, distinct and sorted (shared-patches.ts links by them). */
  patchStems: string[];
}

export interface LinkedVersion extends VersionFacts {
  familyId: string;
}

function slim(m: StoredMessage, index: number): RawMessage {
  return {
    origin: { source: m.source, index, offset: null },
    messageId: m.msgid,
    inReplyTo: m.inReplyTo,
    references: m.refs ? m.refs.split(' ') : [],
    from: m.fromEmail === null ? null : { name: m.fromName ?? '', email: m.fromEmail },
    date: m.date,
    dateHeader: null,
    subject: m.subject,
    body: '',
    attachments: [],
    headers: [],
    warnings: [],
  };
}

/** Lower-case summary with whitespace collapsed: what stays the same when only the prefix changes. */
export const subjectStem = (summary: string): string => summary.toLowerCase().replace(/\s+/g, ' ').trim();

/** Union-find over version indexes. */
function makeSets(n: number): { find: (i: number) => number; union: (a: number, b: number) => void } {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  return { find, union: (a, b) => void (parent[find(a)] = find(b)) };
}

function draftFacts(d: SeriesDraft, changeIds: Map<string, string | null>, thread: number): VersionFacts {
  const lead = d.cover ?? [...d.patches].sort((a, b) => (a.subject.counter ?? 1) - (b.subject.counter ?? 1))[0]!;
  const dates = [d.cover, ...d.patches].map((c) => c?.message.date).filter((x): x is string => !!x).sort();
  const counters = new Set(d.patches.map((p) => p.subject.counter ?? 1));
  return {
    version: d.version,
    rfc: lead.subject.rfc,
    resend: lead.subject.resend,
    title: lead.subject.summary,
    rootId: d.rootId,
    firstId: lead.id,
    total: Math.max(d.cover?.subject.total ?? 0, ...d.patches.map((p) => p.subject.total ?? 1)),
    patches: counters.size,
    date: dates[0] ?? null,
    partial: d.partialFrom !== null,
    changeId: [d.cover, ...d.patches].map((c) => (c ? changeIds.get(c.id) : null)).find((x) => !!x) ?? null,
    author: lead.message.from?.email ?? null,
    thread,
    patchStems: [...new Set(d.patches.map((p) => subjectStem(p.subject.summary)))].sort(),
  };
}

/** Thread and group the messages of one conversation (rows in row-id order). Pure: same rows, same answer. */
export function groupConversation(rows: StoredMessage[]): VersionFacts[] {
  const threads = threadMessages(rows.map(slim));
  // The first copy of a repeated Message-ID is the one threading keeps.
  const byId = new Map<string, StoredMessage>();
  for (const r of rows) if (!byId.has(r.msgid)) byId.set(r.msgid, r);
  const classified: ClassifiedMessage[] = threads.messages.map(({ id, message }) => {
    const r = byId.get(id)!;
    return { id, message, subject: parseSubject(r.subject), kind: r.kind, patchBody: '', hasDiff: !!r.hasDiff, hasDiffstat: !!r.hasDiffstat };
  });
  const drafts = groupByThread(classified, threads.nodes, threadRoots(threads.nodes));
  const changeIds = new Map([...byId].map(([id, r]) => [id, r.changeId]));
  const thread = rows[0]?.rowid ?? 0;
  return drafts.map((d) => draftFacts(d, changeIds, thread));
}

/**
 * Link versions into series: same thread root (a v2 sent in reply to v1, a partial reroll),
 * same change-id, same author and subject stem of versions that start their own thread, or the
 * same author and mostly the same patches (shared-patches.ts).
 */
export function linkFamilies(facts: VersionFacts[]): LinkedVersion[] {
  const sets = makeSets(facts.length);
  const firstWith = new Map<string, number>();
  const join = (key: string, i: number): void => {
    const j = firstWith.get(key);
    if (j === undefined) firstWith.set(key, i);
    else sets.union(i, j);
  };
  facts.forEach((f, i) => {
    join(`root\0${f.rootId}`, i);
    if (f.changeId) join(`change\0${f.changeId}`, i);
    // Only a version that starts its own thread is titled by its subject; one found inside
    // another's thread (a patch-only draft, a reroll) is linked by that thread's root already.
    if (f.author && !f.partial && f.firstId === f.rootId) join(`stem\0${f.author}\0${subjectStem(f.title)}`, i);
  });
  linkBySharedPatches(facts, sets.union);
  const members = new Map<number, number[]>();
  facts.forEach((_, i) => {
    const rep = sets.find(i);
    const list = members.get(rep);
    if (list) list.push(i);
    else members.set(rep, [i]);
  });
  const familyOf = new Map<number, string>();
  for (const [rep, list] of members) familyOf.set(rep, familyId(list.map((i) => facts[i]!)));
  return facts.map((f, i) => ({ familyId: familyOf.get(sets.find(i))!, ...f }));
}

/**
 * groupSeries one thread at a time. In an archive, versions only ever relate within a thread
 * (groupSeries' partial-reroll search compares every pair of drafts, quadratic over an archive),
 * and patches without a cover must not be pooled across unrelated threads of one source.
 */
function groupByThread(classified: ClassifiedMessage[], nodes: Map<string, ThreadNode>, rootOf: Map<string, string>): SeriesDraft[] {
  const threads = new Map<string, { messages: ClassifiedMessage[]; nodes: Map<string, ThreadNode> }>();
  const threadOf = (id: string) => {
    const root = rootOf.get(id) ?? id;
    let t = threads.get(root);
    if (!t) threads.set(root, (t = { messages: [], nodes: new Map() }));
    return t;
  };
  for (const [id, node] of nodes) threadOf(id).nodes.set(id, node);
  for (const c of classified) threadOf(c.id).messages.push(c);
  const drafts: SeriesDraft[] = [];
  for (const t of threads.values()) if (t.messages.some((c) => c.kind !== 'other')) drafts.push(...groupSeries(t.messages, t.nodes));
  return drafts;
}

/** A short id for a family, from its earliest version's first Message-ID: the same data gives the same id. */
function familyId(versions: VersionFacts[]): string {
  const earliest = [...versions].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.firstId.localeCompare(b.firstId))[0]!;
  return createHash('sha1').update(earliest.firstId).digest('hex').slice(0, 12);
}
