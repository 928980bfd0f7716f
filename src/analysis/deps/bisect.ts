/**
 * Bisectable at every patch: after each patch, does any file still use a name the series
 * defines or removes that no file defines at that point? That is what a build of that commit
 * would break on (an identifier renamed away but still used, a call placed before the patch
 * that introduces its callee). With a base tree the whole tree is scanned after each patch;
 * without one, only the series' own lines are known and the answer is partial.
 */
import type { Finding } from '../findings.js';
import type { Patch, PatchSeries } from '../../series/index.js';
import { C_KEYWORDS } from './c-lexer.js';
import type { PatchSymbols, SymbolUse } from './symbols.js';
import { indexTree, undefinedUses, updateTreeIndex, type TreeIndex, type WatchList } from './tree-index.js';

export type PatchBisect =
  | { index: number; status: 'ok' }
  | { index: number; status: 'broken'; broken: BrokenUse[] }
  /**
   * Series-only (no base tree): the series shows a use of a name it never shows defined at that point. Whether the
   * tree builds is unknown ("?"): base code the series does not show may define it (a file-scoped static, a header).
   */
  | { index: number; status: 'unknown'; suspect: BrokenUse[] }
  /** The patch did not apply (or was not tried), so its tree was never built. */
  | { index: number; status: 'not-checked' };

export interface BrokenUse extends SymbolUse {
  /** Why the name is missing, for a reviewer: "renamed to x by patch 19", "defined only by patch 7". */
  why: string;
}

export interface BisectResult {
  /** True without a base tree: only lines the series shows were checked. */
  partial: boolean;
  patches: PatchBisect[];
  /** True when every checked patch is `ok` and none was left unchecked or unknown. */
  bisectable: boolean;
  findings: Finding[];
}

/** The names a series defines, removes or renames (fields excluded: too generic to track by name). */
export function seriesSymbolNames(symbols: readonly PatchSymbols[]): Set<string> {
  const names = new Set<string>();
  for (const s of symbols) {
    for (const d of [...s.defines, ...s.removes]) if (d.kind !== 'field') names.add(d.name);
    for (const r of s.renames) if (r.kind !== 'field') { names.add(r.from); names.add(r.to); }
  }
  for (const k of C_KEYWORDS) names.delete(k);
  return names;
}

/** What bisect watches in a tree: the series' symbol names, and the fields it adds or removes with their structs. */
export function seriesWatchList(symbols: readonly PatchSymbols[]): WatchList {
  const fields = new Set<string>();
  const records = new Set<string>();
  for (const d of symbols.flatMap((s) => [...s.defines, ...s.removes])) {
    if (d.kind !== 'field') continue;
    fields.add(d.name);
    if (d.container) records.add(d.container);
  }
  return { names: seriesSymbolNames(symbols), fields, records };
}

/** Why `name` is not defined after patch `at`, from the series' own history. */
export function explainMissing(name: string, at: number, symbols: readonly PatchSymbols[]): string {
  const upTo = symbols.filter((s) => s.index <= at).reverse();
  const renamed = upTo.find((s) => s.renames.some((r) => r.from === name));
  if (renamed) return `renamed to ${renamed.renames.find((r) => r.from === name)!.to} by patch ${renamed.index}`;
  const removed = upTo.find((s) => s.removes.some((d) => d.name === name));
  if (removed) return `removed by patch ${removed.index}`;
  const later = symbols.find((s) => s.index > at && s.defines.some((d) => d.name === name));
  if (later) return `defined only by the later patch ${later.index}`;
  return 'not defined anywhere in the tree';
}

/**
 * The broken uses that are new at this patch. Keyed by name and file, not line: a later patch
 * that shifts lines of a still-broken file must not report the same breakage again.
 */
function newlyBroken(broken: BrokenUse[], before: ReadonlyMap<string, number>): BrokenUse[] {
  const seen = new Map<string, number>();
  return broken.filter((b) => {
    const key = `${b.name}\u0000${b.file}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n > (before.get(key) ?? 0);
  });
}

function countByNameAndFile(broken: BrokenUse[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const b of broken) counts.set(`${b.name}\u0000${b.file}`, (counts.get(`${b.name}\u0000${b.file}`) ?? 0) + 1);
  return counts;
}

/** Statuses and findings from the undefined uses seen after each patch (pure). */
export function judgeStates(
  series: PatchSeries,
  symbols: readonly PatchSymbols[],
  states: ReadonlyMap<number, SymbolUse[]>,
  partial: boolean,
): BisectResult {
  const preexisting = new Set((states.get(0) ?? []).map((u) => u.name));
  const findings: Finding[] = [];
  let previous = new Map<string, number>();
  const patches = series.patches.map((patch): PatchBisect => {
    const seen = states.get(patch.index);
    if (!seen) return { index: patch.index, status: 'not-checked' };
    const broken = seen.filter((u) => !preexisting.has(u.name)).map((u) => ({ ...u, why: explainMissing(u.name, patch.index, symbols) }));
    for (const b of newlyBroken(broken, previous)) findings.push(brokenFinding(patch, b, partial));
    previous = countByNameAndFile(broken);
    if (broken.length === 0) return { index: patch.index, status: 'ok' };
    return partial ? { index: patch.index, status: 'unknown', suspect: broken } : { index: patch.index, status: 'broken', broken };
  });
  return { partial, patches, bisectable: patches.every((p) => p.status === 'ok'), findings };
}

/**
 * With a base tree the breakage is known (an ERROR: exit 1). From the series alone it is a question for the author
 * (a CHECK): the base may define the name where the series does not show it.
 */
function brokenFinding(patch: Patch, b: BrokenUse, partial: boolean): Finding {
  const use = `${b.member ? `the field .${b.name} (designated initializer)` : b.name} at ${b.file}:${b.line}`;
  const where = { patch: patch.index, messageId: patch.messageId, file: b.file, line: b.line };
  if (!partial) {
    return { id: 'bisect-undefined-symbol', severity: 'error', where,
      message: `bisect: the tree after patch ${patch.index} uses ${use}, which is ${b.why}` };
  }
  return { id: 'bisect-undefined-symbol', severity: 'check', where,
    message: `bisect unknown without a base tree: after patch ${patch.index} the series uses ${use}, which is ${b.why} as far as the series ` +
      'shows (check with --base)' };
}

/** Collects the tree's undefined uses through applySeries' `inspect` hook. */
export function treeInspector(series: PatchSeries, symbols: readonly PatchSymbols[]): {
  inspect: (patchIndex: number, worktreeDir: string) => Promise<void>;
  result: () => BisectResult;
} {
  const watch = seriesWatchList(symbols);
  const states = new Map<number, SymbolUse[]>();
  let index: TreeIndex | null = null;
  const inspect = async (patchIndex: number, dir: string): Promise<void> => {
    const patch = series.patches.find((p) => p.index === patchIndex);
    if (index === null || !patch) index = indexTree(dir, watch);
    else updateTreeIndex(index, dir, patch);
    states.set(patchIndex, undefinedUses(index));
  };
  return { inspect, result: () => judgeStates(series, symbols, states, false) };
}
