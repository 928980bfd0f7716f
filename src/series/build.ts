import type { IngestResult } from '../ingest/index.js';
import type { Cover, DuplicatePatch, Patch, PatchSeries, Reply, SeriesSet } from './types.js';
import { threadMessages, descendants, type MessageThreads } from './thread.js';
import { classify, type ClassifiedMessage } from './classify.js';
import { groupSeries, type SeriesDraft } from './group.js';
import { buildCover, buildPatch, buildReply, byDate, baseCommitOf } from './assemble.js';
import { addedTrailers } from './trailers.js';

interface BuildContext {
  threads: MessageThreads;
  byId: Map<string, ClassifiedMessage>;
  /** Ids of every cover and patch: a reply walk stops there, their replies are their own. */
  owners: Set<string>;
  /** Ids placed so far (as a patch, cover, reply or duplicate patch). */
  placed: Set<string>;
}

function repliesUnder(ctx: BuildContext, ownerId: string): Reply[] {
  const replies: Reply[] = [];
  // Ids below a message that was never read: their trailers review an unknown message (b4 drops them too).
  const cut = new Set<string>();
  for (const { node, depth } of descendants(ctx.threads.nodes, ownerId, (id) => ctx.owners.has(id))) {
    const c = ctx.byId.get(node.messageId);
    if (!c || node.phantom || (node.parentId !== null && cut.has(node.parentId))) cut.add(node.messageId);
    if (!c || ctx.placed.has(c.id)) continue; // a phantom (never read) is skipped; its children still count
    ctx.placed.add(c.id);
    replies.push(buildReply(node, depth, c, node.parentId !== null && cut.has(node.parentId)));
  }
  return byDate(replies);
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

function buildOne(ctx: BuildContext, draft: SeriesDraft, built: Map<SeriesDraft, PatchSeries>): PatchSeries {
  const { kept, duplicates } = orderPatches(draft);
  for (const d of duplicates) ctx.placed.add(d.messageId);
  const cover: Cover | null = draft.cover ? buildCover(draft.cover, repliesUnder(ctx, draft.cover.id)) : null;
  if (draft.cover) ctx.placed.add(draft.cover.id);
  const patches = kept.map((p) => {
    ctx.placed.add(p.id);
    return buildPatch(p, p.subject.counter ?? 1, repliesUnder(ctx, p.id));
  });
  const total = totalOf(draft, patches);
  const earlier = draft.partialFrom ? built.get(draft.partialFrom) : undefined;
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
  const threads = threadMessages(inputs.flatMap((r) => r.messages));
  const classified = threads.messages.map(({ id, message }) => classify(id, message));
  const drafts = groupSeries(classified, threads.nodes);
  const ctx: BuildContext = {
    threads,
    byId: new Map(classified.map((c) => [c.id, c])),
    owners: new Set(drafts.flatMap((d) => [...(d.cover ? [d.cover.id] : []), ...d.patches.map((p) => p.id)])),
    placed: new Set(),
  };
  const built = new Map<SeriesDraft, PatchSeries>();
  // Earlier versions first, so a partial reroll finds the version it stands on already built.
  for (const d of [...drafts].sort((a, b) => a.version - b.version)) built.set(d, buildOne(ctx, d, built));
  const unthreaded = [
    ...threads.messages.filter((m) => !ctx.placed.has(m.id)).map((m) => m.id),
    ...threads.duplicates.map((m) => m.id),
  ];
  return {
    messages: inputs.reduce((n, r) => n + r.messages.length + r.skipped.length, 0),
    series: drafts.map((d) => built.get(d) as PatchSeries),
    unthreaded,
    skipped: inputs.flatMap((r) => r.skipped),
    notes: threads.notes,
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
