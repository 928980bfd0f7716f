/**
 * The dependency graph of a series: patch B depends on patch A when B uses a name A defines
 * (or redefines), or when B changes or keeps as context lines that A added. An edge may point
 * forward (B needs a later patch C) when B uses a name that only C introduces: that is an
 * ordering bug, and what makes a split impossible.
 */
import type { PatchSeries } from '../../series/index.js';
import { seriesSymbolNames } from './bisect.js';
import { lineTouches } from './line-owners.js';
import type { PatchSymbols } from './symbols.js';

export type DependencyReason =
  | { kind: 'uses'; symbol: string; file: string; line: number }
  | { kind: 'touches'; file: string; line: number };

export interface DependencyEdge {
  /** The patch that depends. */
  from: number;
  /** The patch it needs (greater than `from` for a forward dependency). */
  to: number;
  /** A few of the reasons, first seen first. */
  reasons: DependencyReason[];
  /** How many reasons there were in all. */
  count: number;
}

export interface DependencyGraph {
  patches: number[];
  edges: DependencyEdge[];
}

const MAX_REASONS = 5;

class EdgeCollector {
  private readonly edges = new Map<string, DependencyEdge>();

  add(from: number, to: number, reason: DependencyReason): void {
    if (from === to) return;
    const key = `${from}>${to}`;
    const edge = this.edges.get(key) ?? { from, to, reasons: [], count: 0 };
    this.edges.set(key, edge);
    edge.count += 1;
    if (edge.reasons.length < MAX_REASONS) edge.reasons.push(reason);
  }

  list(): DependencyEdge[] {
    return [...this.edges.values()].sort((a, b) => a.from - b.from || a.to - b.to);
  }
}

/** For a name, the patches that (re)define it, in order. */
function providersByName(symbols: readonly PatchSymbols[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const s of symbols) {
    for (const d of [...s.defines, ...s.changes]) {
      if (d.kind === 'field') continue;
      const list = out.get(d.name) ?? [];
      if (list[list.length - 1] !== s.index) list.push(s.index);
      out.set(d.name, list);
    }
  }
  return out;
}

/** The patch a use in patch `at` relies on: none when `at` defines it, else the last provider before it, else the first after. */
function providerFor(providers: readonly number[], at: number): number | null {
  if (providers.includes(at)) return null;
  const before = providers.filter((p) => p < at);
  if (before.length > 0) return before[before.length - 1]!;
  return providers.find((p) => p > at) ?? null;
}

/** Names that exist before the series (first mentioned as removed or changed): no forward edge for them. */
function namesAtBase(symbols: readonly PatchSymbols[]): Set<string> {
  const seen = new Set<string>();
  const atBase = new Set<string>();
  for (const s of symbols) {
    for (const d of [...s.removes, ...s.changes]) if (!seen.has(d.name)) atBase.add(d.name);
    for (const d of [...s.defines, ...s.removes, ...s.changes]) seen.add(d.name);
  }
  return atBase;
}

export function buildGraph(series: PatchSeries, symbols: readonly PatchSymbols[]): DependencyGraph {
  const edges = new EdgeCollector();
  const names = seriesSymbolNames(symbols);
  const providers = providersByName(symbols);
  const atBase = namesAtBase(symbols);
  for (const s of symbols) {
    for (const use of [...s.uses, ...s.contextUses]) {
      if (!names.has(use.name)) continue;
      const provider = providerFor(providers.get(use.name) ?? [], s.index);
      if (provider === null || (provider > s.index && atBase.has(use.name))) continue;
      edges.add(s.index, provider, { kind: 'uses', symbol: use.name, file: use.file, line: use.line });
    }
  }
  for (const t of lineTouches(series.patches)) edges.add(t.from, t.to, { kind: 'touches', file: t.file, line: t.line });
  return { patches: series.patches.map((p) => p.index), edges: edges.list() };
}

/** The patches `patch` needs, directly. */
export function dependenciesOf(graph: DependencyGraph, patch: number): number[] {
  return graph.edges.filter((e) => e.from === patch).map((e) => e.to);
}

/** Edges that point forward: a patch that needs a later one. */
export function forwardEdges(graph: DependencyGraph): DependencyEdge[] {
  return graph.edges.filter((e) => e.to > e.from);
}
