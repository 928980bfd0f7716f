/**
 * Whether an index is whole: every source read to its end and every message grouped. An index
 * run that was killed (or failed) leaves it otherwise, and `find` must say so rather than answer
 * "no series matches" from half an index.
 */
import type { Database } from './sqlite.js';
import { groupedThrough } from './store-series.js';

export type IndexState =
  | { kind: 'complete' }
  /** `sources`: those not read to their end; `ungrouped`: messages stored but not yet grouped into series. */
  | { kind: 'incomplete'; sources: string[]; ungrouped: boolean };

export function indexState(db: Database): IndexState {
  const sources = db.prepare<{ path: string }>('SELECT path FROM sources WHERE complete = 0 ORDER BY id').all().map((r) => r.path);
  const last = db.prepare<{ last: number | null }>('SELECT max(id) AS last FROM messages').get()?.last ?? 0;
  const ungrouped = last > groupedThrough(db);
  return sources.length === 0 && !ungrouped ? { kind: 'complete' } : { kind: 'incomplete', sources, ungrouped };
}

/** Every source of the index, in the order first indexed: what `index` needs to finish grouping. */
export function indexedSources(db: Database): string[] {
  return db.prepare<{ path: string }>('SELECT path FROM sources ORDER BY id').all().map((r) => r.path);
}
