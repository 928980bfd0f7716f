/**
 * Splits the index into conversations before grouping, in little memory: every message is joined
 * with the ids it references (In-Reply-To, References) by union-find over interned ids, reading
 * only those three columns. Threading never links ids across two such components, so grouping
 * each one alone gives what grouping all at once would, and only the components that hold a
 * patch or a cover are ever loaded whole (pure discussion threads are never materialised).
 */
import type { Database } from './sqlite.js';

export interface Components {
  /** Row ids of each component that holds a patch or a cover, each ascending; components ordered by first row id. */
  withPatches: number[][];
  messages: number;
  /** The highest row id seen (0 when empty). */
  lastRow: number;
}

interface IdRow {
  id: number;
  msgid: string;
  in_reply_to: string | null;
  refs: string;
  kind: string;
}

export function threadComponents(db: Database): Components {
  const intern = new Map<string, number>();
  let parent = new Int32Array(1024);
  const idOf = (key: string): number => {
    let i = intern.get(key);
    if (i === undefined) {
      i = intern.size;
      intern.set(key, i);
      if (i >= parent.length) {
        const grown = new Int32Array(parent.length * 2);
        grown.set(parent);
        parent = grown;
      }
      parent[i] = i;
    }
    return i;
  };
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  // One entry per message in three typed arrays: a few bytes each, not an object each.
  const count = (db.prepare<{ n: number }>('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
  const rowIds = new Int32Array(count);
  const keys = new Int32Array(count);
  const patch = new Uint8Array(count);
  let n = 0;
  for (const r of db.prepare<IdRow>('SELECT id, msgid, in_reply_to, refs, kind FROM messages ORDER BY id').iterate()) {
    const key = idOf(r.msgid);
    if (r.in_reply_to) union(key, idOf(r.in_reply_to));
    if (r.refs) for (const ref of r.refs.split(' ')) union(key, idOf(ref));
    rowIds[n] = r.id;
    keys[n] = key;
    patch[n] = r.kind === 'other' ? 0 : 1;
    n += 1;
  }
  const interesting = new Set<number>();
  for (let i = 0; i < n; i++) if (patch[i]) interesting.add(find(keys[i]!));
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(keys[i]!);
    if (!interesting.has(root)) continue;
    const list = byRoot.get(root);
    if (list) list.push(rowIds[i]!);
    else byRoot.set(root, [rowIds[i]!]);
  }
  const withPatches = [...byRoot.values()].sort((a, b) => a[0]! - b[0]!);
  return { withPatches, messages: n, lastRow: n > 0 ? rowIds[n - 1]! : 0 };
}
