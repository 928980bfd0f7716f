import type { FindingsFilter, LevelFilter } from '../state/findings-list.js';

export type FilterAction = { type: 'level' } | { type: 'type'; types: string[] };

const LEVELS: LevelFilter[] = ['all', 'error', 'warning', 'check'];

/** `e` cycles the level, `t` cycles through the finding types present, then back to all. */
export function filterReducer(s: FindingsFilter, a: FilterAction): FindingsFilter {
  if (a.type === 'level') return { ...s, level: LEVELS[(LEVELS.indexOf(s.level) + 1) % LEVELS.length]! };
  const cycle: (string | null)[] = [null, ...a.types];
  return { ...s, type: cycle[(cycle.indexOf(s.type) + 1) % cycle.length] ?? null };
}
