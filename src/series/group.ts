import type { ThreadNode } from './types.js';
import type { ClassifiedMessage } from './classify.js';

/** One version of one series before it is built: which messages are its cover and patches. */
export interface SeriesDraft {
  key: string;
  rootId: string;
  version: number;
  cover: ClassifiedMessage | null;
  /** Every patch message of this version, in input order, duplicates included. */
  patches: ClassifiedMessage[];
  partialFrom: SeriesDraft | null;
}

/** The thread root of every node, computed once with path compression (linear overall, no recursion). */
export function threadRoots(nodes: Map<string, ThreadNode>): Map<string, string> {
  const root = new Map<string, string>();
  for (const id of nodes.keys()) {
    const path: string[] = [];
    let at: string | undefined = id;
    while (at !== undefined && !root.has(at)) {
      path.push(at);
      const parent: string | null | undefined = nodes.get(at)?.parentId;
      if (parent === null || parent === undefined) {
        root.set(at, at);
        break;
      }
      at = parent;
    }
    const top = root.get(path[path.length - 1]!) ?? root.get(at as string) ?? id;
    for (const p of path) root.set(p, top);
  }
  return root;
}

/**
 * b4's naked cover: a message that is not a reply, carries a diffstat but no diff, and is the parent of a patch is
 * that patch's cover letter even without `0/N` in its subject.
 */
function promoteNakedCovers(byId: Map<string, ClassifiedMessage>, nodes: Map<string, ThreadNode>): void {
  for (const c of byId.values()) {
    if (c.kind !== 'patch') continue;
    const parentId = nodes.get(c.id)?.parentId;
    const parent = parentId ? byId.get(parentId) : undefined;
    if (parent && parent.kind === 'other' && !parent.subject.isReply && parent.hasDiffstat && !parent.hasDiff) parent.kind = 'cover';
  }
}

/**
 * Patches sent with no threading at all (or threaded under their own patch 1) group by source, version and total;
 * a lone patch without N/M stands alone; everything else groups by thread root and version, so several versions in
 * one mbox stay apart.
 */
function draftKey(c: ClassifiedMessage, rootId: string, byId: Map<string, ClassifiedMessage>): string {
  const root = byId.get(rootId);
  // A lone `[PATCH]` (no N/M) is a series of its own, even when a mailbox holds many of them.
  if (c.kind === 'patch' && c.subject.counterInferred && (rootId === c.id || root?.kind !== 'cover')) return `single|${c.id}`;
  // Patches whose thread root is a patch, and the cover of the same version and size in that thread: a cover caught
  // in a reference cycle, or a reroll sent in reply to the previous version, hangs below a patch but is still theirs.
  if (root && root.kind === 'patch' && (c.kind === 'patch' || (c.kind === 'cover' && rootId !== c.id))) {
    return `loose|${c.message.origin.source}|${c.subject.version}|${c.subject.total ?? 1}`;
  }
  return `thread|${rootId}|${c.subject.version}`;
}

export function groupSeries(classified: ClassifiedMessage[], nodes: Map<string, ThreadNode>): SeriesDraft[] {
  const byId = new Map(classified.map((c) => [c.id, c]));
  promoteNakedCovers(byId, nodes);
  const roots = threadRoots(nodes);
  const drafts = new Map<string, SeriesDraft>();
  for (const c of classified) {
    if (c.kind === 'other') continue;
    const rootId = roots.get(c.id) ?? c.id;
    const key = draftKey(c, rootId, byId);
    let draft = drafts.get(key);
    if (!draft) {
      draft = { key, rootId, version: c.subject.version, cover: null, patches: [], partialFrom: null };
      drafts.set(key, draft);
    }
    if (c.kind === 'cover' && draft.cover === null) draft.cover = c;
    else if (c.kind === 'cover') c.kind = 'other'; // a second cover in one version is a reply-like stray: placed later
    else draft.patches.push(c);
  }
  const list = [...drafts.values()];
  // Drafts by thread root, in list order: a reroll looks among its own thread's drafts, not every draft (that was
  // quadratic in the number of series).
  const byRoot = new Map<string, SeriesDraft[]>();
  for (const d of list) {
    const same = byRoot.get(d.rootId);
    if (same) same.push(d);
    else byRoot.set(d.rootId, [d]);
  }
  for (const d of list) d.partialFrom = partialRerollSource(d, byRoot.get(d.rootId) ?? [], nodes, byId);
  return list;
}

/** Whether `c` descends from a patch of `earlier` with the same counter (b4: a partial reroll's patches do). */
function rerollsFrom(c: ClassifiedMessage, earlier: SeriesDraft, nodes: Map<string, ThreadNode>, byId: Map<string, ClassifiedMessage>): boolean {
  const wanted = new Set(earlier.patches.filter((p) => p.subject.counter === c.subject.counter).map((p) => p.id));
  const seen = new Set<string>();
  for (let at = nodes.get(c.id)?.parentId ?? null; at !== null && !seen.has(at); at = nodes.get(at)?.parentId ?? null) {
    if (wanted.has(at)) return true;
    seen.add(at);
    if (byId.get(at)?.kind === 'cover') return false;
  }
  return false;
}

/** `sameRoot`: the drafts of d's thread root, in list order. */
function partialRerollSource(d: SeriesDraft, sameRoot: SeriesDraft[], nodes: Map<string, ThreadNode>, byId: Map<string, ClassifiedMessage>): SeriesDraft | null {
  if (d.version <= 1 || d.patches.length === 0) return null;
  const earlier = sameRoot
    .filter((e) => e.rootId === d.rootId && e.version < d.version && e.patches.length > 0)
    .sort((a, b) => b.version - a.version)[0];
  if (!earlier) return null;
  return d.patches.every((p) => rerollsFrom(p, earlier, nodes, byId)) ? earlier : null;
}
