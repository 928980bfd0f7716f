/**
 * Bisect without a base tree: the series alone. A name's existence is followed through the
 * patches (one first seen removed existed at the base; one first seen defined did not), and the
 * uses checked are those on lines the series itself added and still keeps, plus the base code the
 * series shows on context lines, which stays there until a patch removes it. Uses in base code the
 * series never shows stay invisible, and the base may define what the series does not show: the
 * answer is partial, and a patch that seems broken is "unknown", never "breaks the build".
 */
import type { PatchSeries } from '../../series/index.js';
import { judgeStates, seriesSymbolNames, type BisectResult } from './bisect.js';
import type { PatchSymbols, SymbolDef, SymbolUse } from './symbols.js';

/**
 * `static` at file scope: the definition is seen only in its own file, so another file's use of the same name is
 * none of its business (a static `mock_map_dma_buf` added to one file says nothing of another file's own).
 */
function isFileScoped(d: SymbolDef): boolean {
  return (d.kind === 'function' || d.kind === 'variable') && /^\s*static\b/.test(d.text);
}

/** Existence key of a definition: a file-scoped one is tracked per file, the rest per name. */
function defKey(d: SymbolDef): string {
  return isFileScoped(d) ? `${d.name}\u0000${d.file}` : d.name;
}

/** Names the series shows defined with external linkage somewhere (or as a macro, type, constant...). */
function globalNames(symbols: readonly PatchSymbols[]): Set<string> {
  const names = new Set<string>();
  for (const s of symbols) for (const d of [...s.defines, ...s.removes, ...s.changes]) if (!isFileScoped(d)) names.add(d.name);
  return names;
}

/** Whether each tracked key exists at the base, from the first patch that mentions it. */
function existenceAtBase(symbols: readonly PatchSymbols[], names: ReadonlySet<string>): Map<string, boolean> {
  const exists = new Map<string, boolean>();
  for (const s of symbols) {
    for (const d of [...s.removes, ...s.changes]) if (names.has(d.name) && !exists.has(defKey(d))) exists.set(defKey(d), true);
    for (const d of s.defines) if (names.has(d.name) && !exists.has(defKey(d))) exists.set(defKey(d), false);
  }
  return exists;
}

function applyExistence(exists: Map<string, boolean>, s: PatchSymbols): void {
  for (const d of s.removes) exists.set(defKey(d), false);
  for (const d of [...s.defines, ...s.changes]) exists.set(defKey(d), true);
}

/**
 * Whether a use is known to have no definition: its own file's static when the series tracks one there, else the
 * global name. A name the series only shows as statics of other files is unknown in this file: not missing.
 */
function isMissing(u: SymbolUse, exists: ReadonlyMap<string, boolean>, globals: ReadonlySet<string>): boolean {
  const local = exists.get(`${u.name}\u0000${u.file}`);
  if (local === true) return false;
  if (!globals.has(u.name)) return local === false;
  return exists.get(u.name) === false;
}

const useKey = (u: SymbolUse): string => `${u.file}\u0000${u.name}`;

/** Uses on lines the series added, minus those later patches removed again (per file and name). */
function updateLiveUses(live: Map<string, SymbolUse[]>, s: PatchSymbols, names: ReadonlySet<string>): void {
  for (const u of s.removedUses) {
    const list = live.get(useKey(u));
    if (list && list.length > 0) list.shift();
  }
  for (const u of s.uses) {
    if (!names.has(u.name)) continue;
    live.set(useKey(u), [...(live.get(useKey(u)) ?? []), u]);
  }
}

/**
 * Base code the series has shown on context lines: still there at later patches (a removed symbol's caller does not
 * go away because the next patch does not show it again), until a patch removes a line of that file using the name
 * and shows it nowhere as context any more.
 */
function updateBaseUses(base: Map<string, SymbolUse>, s: PatchSymbols, names: ReadonlySet<string>): void {
  const shown = new Set(s.contextUses.map(useKey));
  for (const u of s.removedUses) if (!shown.has(useKey(u))) base.delete(useKey(u));
  for (const u of s.contextUses) if (names.has(u.name) && !base.has(useKey(u))) base.set(useKey(u), u);
}

/** Bisect over the series alone (`partial: true`). */
export function bisectSeriesOnly(series: PatchSeries, symbols: readonly PatchSymbols[]): BisectResult {
  const names = seriesSymbolNames(symbols);
  const globals = globalNames(symbols);
  const exists = existenceAtBase(symbols, names);
  const live = new Map<string, SymbolUse[]>();
  const base = new Map<string, SymbolUse>();
  const states = new Map<number, SymbolUse[]>([[0, []]]);
  for (const s of symbols) {
    applyExistence(exists, s);
    updateLiveUses(live, s, names);
    updateBaseUses(base, s, names);
    const visible = [...[...live.values()].flat(), ...s.contextUses.filter((u) => names.has(u.name)), ...base.values()];
    const missing = visible.filter((u) => isMissing(u, exists, globals));
    const byName = new Map<string, SymbolUse>();
    for (const u of missing) if (!byName.has(useKey(u))) byName.set(useKey(u), u);
    states.set(s.index, [...byName.values()]);
  }
  return judgeStates(series, symbols, states, true);
}
