import type { IngestResult, RawMessage } from '../ingest/index.js';
import type { Cover, DuplicatePatch, Patch, PatchSeries, Reply, SeriesSet, ThreadNode } from './types.js';
import { threadMessages, descendants, type MessageThreads } from './thread.js';
import { classify, type ClassifiedMessage } from './classify.js';
import { groupSeries, type SeriesDraft } from './group.js';
import { buildCover, buildPatch, buildReply, byDate, baseCommitOf } from './assemble.js';
import { addedTrailers } from './trailers.js';

/** Ids of every cover and patch: a reply walk stops there, their replies are their own. */
function ownersOf(drafts: SeriesDraft[]): Set<string> {
  const owners = new Set<string>();
  for (const d of drafts) {
    if (d.cover) owners.add(d.cover.id);
    for (const p of d.patches) owners.add(p.id);
  }
  return owners;
}

/** A reply as placed under its patch or cover, before its body is read. */
export interface ReplySlot {
  node: ThreadNode;
  depth: number;
  message: ClassifiedMessage;
  /** A message on its way up to the patch was never read (see buildReply). */
  parentMissing: boolean;
}

/**
 * Where every message of one draft goes, decided on threading and classification alone: no body is read. A
 * streaming reader lays a draft out on light messages and then decodes only the ones named here.
 */
export interface DraftLayout {
  draft: SeriesDraft;
  duplicates: DuplicatePatch[];
  cover: { message: ClassifiedMessage; replies: ReplySlot[] } | null;
  patches: { message: ClassifiedMessage; index: number; replies: ReplySlot[] }[];
}

/** What a partial reroll needs of the version it stands on. */
export interface BuiltVersion {
  version: number;
  patches: { index: number; messageId: string }[];
}

/**
 * Everything read, threaded, classified and grouped into drafts, with the placement state that lays drafts out
 * one at a time. Drafts must be laid out in buildOrder(): a message already placed under an earlier one is not
 * placed again. buildSeriesSet is this plus assembleSeries; a streaming reader uses the same steps on light
 * messages (headers and classification only), so both place every message identically.
 */
export class SeriesGrouping {
  readonly threads: MessageThreads;
  readonly drafts: SeriesDraft[];
  private readonly byId: Map<string, ClassifiedMessage>;
  private readonly owners: Set<string>;
  /** Ids placed so far (as a patch, cover, reply or duplicate patch). */
  private readonly placed = new Set<string>();

  constructor(messages: RawMessage[], classifyMessage: (id: string, message: RawMessage) => ClassifiedMessage = classify) {
    this.threads = threadMessages(messages);
    const classified = this.threads.messages.map(({ id, message }) => classifyMessage(id, message));
    this.drafts = groupSeries(classified, this.threads.nodes);
    this.byId = new Map(classified.map((c) => [c.id, c]));
    this.owners = ownersOf(this.drafts);
  }

  /** Earlier versions first, so a partial reroll finds the version it stands on already built. */
  buildOrder(): SeriesDraft[] {
    return [...this.drafts].sort((a, b) => a.version - b.version);
  }

  private repliesUnder(ownerId: string): ReplySlot[] {
    const replies: ReplySlot[] = [];
    // Ids below a message that was never read: their trailers review an unknown message (b4 drops them too).
    const cut = new Set<string>();
    for (const { node, depth } of descendants(this.threads.nodes, ownerId, (id) => this.owners.has(id))) {
      const c = this.byId.get(node.messageId);
      if (!c || node.phantom || (node.parentId !== null && cut.has(node.parentId))) cut.add(node.messageId);
      if (!c || this.placed.has(c.id)) continue; // a phantom (never read) is skipped; its children still count
      this.placed.add(c.id);
      replies.push({ node, depth, message: c, parentMissing: node.parentId !== null && cut.has(node.parentId) });
    }
    return replies;
  }

  /** Places the draft's messages (in the order buildSeriesSet always placed them) and says where each went. */
  layout(draft: SeriesDraft): DraftLayout {
    const { kept, duplicates } = orderPatches(draft);
    for (const d of duplicates) this.placed.add(d.messageId);
    const cover = draft.cover ? { message: draft.cover, replies: this.repliesUnder(draft.cover.id) } : null;
    if (draft.cover) this.placed.add(draft.cover.id);
    const patches = kept.map((p) => {
      this.placed.add(p.id);
      return { message: p, index: p.subject.counter ?? 1, replies: this.repliesUnder(p.id) };
    });
    return { draft, duplicates, cover, patches };
  }

  /** After every draft is laid out: the messages in no series, then later copies of a repeated Message-ID. */
  unthreaded(): string[] {
    return [...this.threads.messages.filter((m) => !this.placed.has(m.id)).map((m) => m.id), ...this.threads.duplicates.map((m) => m.id)];
  }
}

/**
 * When one version was posted twice (two patch 1s), the newest posting: its patch 1, which its other patches
 * answer or reference. Null for a single posting.
 */
function newestPosting(draft: SeriesDraft): string | null {
  const firsts = draft.patches.filter((p) => (p.subject.counter ?? 1) === 1);
  if (firsts.length < 2) return null;
  const lead = firsts.reduce((a, b) => ((b.message.date ?? '') > (a.message.date ?? '') ? b : a)).id;
  // A posting: other patches answer or reference it. A patch 1 re-sent alone is no new posting of the version.
  const followed = draft.patches.some((p) => p.id !== lead && (p.message.inReplyTo === lead || p.message.references.includes(lead)));
  return followed ? lead : null;
}

/**
 * Orders a version's patches by index; of a repeated index the first is kept and the others are duplicates (as
 * b4's add_patch: a patch re-sent alone in reply to itself does not displace the posting's own), except that when
 * the whole version was posted twice the newer posting's patches are kept, as b4 takes the newer posting.
 */
function orderPatches(draft: SeriesDraft): { kept: ClassifiedMessage[]; duplicates: DuplicatePatch[] } {
  const lead = newestPosting(draft);
  const inLead = (p: ClassifiedMessage) => lead !== null && (p.id === lead || p.message.inReplyTo === lead || p.message.references.includes(lead));
  const byIndex = new Map<number, ClassifiedMessage>();
  const duplicates: DuplicatePatch[] = [];
  for (const p of draft.patches) {
    const index = p.subject.counter ?? 1;
    const held = byIndex.get(index);
    if (held === undefined) byIndex.set(index, p);
    else if (inLead(p) && !inLead(held)) {
      duplicates.push({ index, messageId: held.id });
      byIndex.set(index, p);
    } else duplicates.push({ index, messageId: p.id });
  }
  return { kept: [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]), duplicates };
}

function totalOf(draft: SeriesDraft, patches: Patch[]): number {
  // A fold, not Math.max(...list): spreading one argument per patch overflows the stack on a huge mailbox.
  let total = draft.cover?.subject.total ?? 0;
  for (const p of draft.patches) total = Math.max(total, p.subject.total ?? 1);
  for (const p of patches) total = Math.max(total, p.index);
  return total;
}

function missingIndices(total: number, patches: Patch[], standIns: number[]): number[] {
  const have = new Set([...patches.map((p) => p.index), ...standIns]);
  return Array.from({ length: total }, (_, i) => i + 1).filter((i) => !have.has(i));
}

const same = (c: ClassifiedMessage): ClassifiedMessage => c;

/**
 * Builds one laid-out draft. `full` gives the message with its body for one laid out on headers alone (the
 * identity when the layout was made on full messages); `earlier` is the built version a partial reroll stands on.
 */
export function assembleSeries(layout: DraftLayout, earlier: BuiltVersion | undefined, full: (c: ClassifiedMessage) => ClassifiedMessage = same): PatchSeries {
  const { draft, duplicates } = layout;
  const replies = (slots: ReplySlot[]): Reply[] => byDate(slots.map((r) => buildReply(r.node, r.depth, full(r.message), r.parentMissing)));
  const cover: Cover | null = layout.cover ? buildCover(full(layout.cover.message), replies(layout.cover.replies)) : null;
  const patches = layout.patches.map((p) => buildPatch(full(p.message), p.index, replies(p.replies)));
  const total = totalOf(draft, patches);
  const standIns = earlier ? earlier.patches.filter((p) => !patches.some((q) => q.index === p.index)).map((p) => ({ index: p.index, messageId: p.messageId })) : [];
  const first = cover ?? patches[0];
  const baseCommit = cover?.baseCommit ?? (patches[0] ? baseCommitOf(patches[0].body) : null);
  const series: PatchSeries = {
    id: first?.messageId ?? draft.rootId,
    title: first?.subject ?? '',
    version: draft.version,
    rfc: (draft.cover ?? draft.patches[0])?.subject.rfc ?? false,
    resend: (draft.cover ?? draft.patches[0])?.subject.resend ?? false,
    total,
    cover: cover ? { ...cover, baseCommit } : null,
    patches,
    missing: missingIndices(total, patches, standIns.map((s) => s.index)),
    duplicates,
    rootId: draft.rootId,
    baseCommit,
  };
  if (earlier) series.partialReroll = { from: earlier.version, standIns };
  if (cover) series.coverTrailers = addedTrailers(cover);
  return series;
}

/**
 * Groups everything read into series: threads, covers and patches per version, replies under each, trailers
 * collected. Every message read lands in exactly one place: a cover, a patch, a duplicate patch, a reply,
 * `unthreaded` (which also holds later copies of a repeated Message-ID) or `skipped`.
 */
export function buildSeriesSet(results: IngestResult | IngestResult[]): SeriesSet {
  const inputs = Array.isArray(results) ? results : [results];
  const grouping = new SeriesGrouping(inputs.flatMap((r) => r.messages));
  const built = new Map<SeriesDraft, PatchSeries>();
  for (const d of grouping.buildOrder()) {
    built.set(d, assembleSeries(grouping.layout(d), d.partialFrom ? built.get(d.partialFrom) : undefined));
  }
  return {
    messages: inputs.reduce((n, r) => n + r.messages.length + r.skipped.length, 0),
    series: grouping.drafts.map((d) => built.get(d) as PatchSeries),
    unthreaded: grouping.unthreaded(),
    skipped: inputs.flatMap((r) => r.skipped),
    notes: grouping.threads.notes,
  };
}

/** How many messages a SeriesSet accounts for; equals `set.messages` when nothing was lost or counted twice. */
export function countPlaced(set: SeriesSet): number {
  let n = set.unthreaded.length + set.skipped.length;
  for (const s of set.series) {
    n += s.patches.length + s.duplicates.length + (s.cover ? 1 + s.cover.replies.length : 0);
    for (const p of s.patches) n += p.replies.length;
  }
  return n;
}
