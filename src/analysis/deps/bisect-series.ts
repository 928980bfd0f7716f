/**
 * Bisect without a base tree: the series alone. A name's existence is followed through the
 * patches (one first seen removed existed at the base; one first seen defined did not), and the
 * uses checked are those on lines the series itself added and still keeps, plus each patch's
 * context lines. Uses in base code the series never shows stay invisible: the answer is partial.
 */
import type { PatchSeries } from '../../series/index.js';
import { judgeStates, seriesSymbolNames, type BisectResult } from './bisect.js';
import type { PatchSymbols, SymbolUse } from './symbols.js';

/** Whether each tracked name exists at the base, from the first patch that mentions it. */
function existenceAtBase(symbols: readonly PatchSymbols[], names: ReadonlySet<string>): Map<string, boolean> {
  const exists = new Map<string, boolean>();
  for (const s of symbols) {
    for (const d of [...s.removes, ...s.changes]) if (names.has(d.name) && !exists.has(d.name)) exists.set(d.name, true);
    for (const d of s.defines) if (names.has(d.name) && !exists.has(d.name)) exists.set(d.name, false);
  }
  return exists;
}

function applyExistence(exists: Map<string, boolean>, s: PatchSymbols): void {
  for (const d of s.removes) exists.set(d.name, false);
  for (const d of [...s.defines, ...s.changes]) exists.set(d.name, true);
}

/** Uses on lines the series added, minus those later patches removed again (per file and name). */
function updateLiveUses(live: Map<string, SymbolUse[]>, s: PatchSymbols, names: ReadonlySet<string>): void {
  for (const u of s.removedUses) {
    const list = live.get(`${u.file}\u0000${u.name}`);
    if (list && list.length > 0) list.shift();
  }
  for (const u of s.uses) {
    if (!names.has(u.name)) continue;
    const key = `${u.file}\u0000${u.name}`;
    live.set(key, [...(live.get(key) ?? []), u]);
  }
}

/** Bisect over the series alone (`partial: true`). */
export function bisectSeriesOnly(series: PatchSeries, symbols: readonly PatchSymbols[]): BisectResult {
  const names = seriesSymbolNames(symbols);
  const exists = existenceAtBase(symbols, names);
  const live = new Map<string, SymbolUse[]>();
  const states = new Map<number, SymbolUse[]>([[0, []]]);
  for (const s of symbols) {
    applyExistence(exists, s);
    updateLiveUses(live, s, names);
    const visible = [...[...live.values()].flat(), ...s.contextUses.filter((u) => names.has(u.name))];
    const missing = visible.filter((u) => exists.get(u.name) === false);
    const unique = new Map(missing.map((u) => [`${u.name}\u0000${u.file}\u0000${u.line}`, u]));
    states.set(s.index, [...unique.values()]);
  }
  return judgeStates(series, symbols, states, true);
}
