/**
 * Can the series land in parts? `--split 20,22` cuts after patches 20 and 22, giving 1–20,
 * 21–22 and 23–26. A part stands alone on its predecessors when none of its patches needs a
 * patch of a later part, and (when bisect ran) the tree at its last patch builds.
 */
import type { Finding } from '../findings.js';
import type { PatchSeries } from '../../series/index.js';
import { UsageError } from '../../util/errors.js';
import type { BisectResult } from './bisect.js';
import type { DependencyEdge, DependencyGraph } from './graph.js';

export interface SplitNeed {
  /** The patch of this part that needs a later one. */
  patch: number;
  /** The later patch it needs (in a later part). */
  needs: number;
  edge: DependencyEdge;
}

export interface SplitPart {
  first: number;
  last: number;
  standsAlone: boolean;
  /** Patches of later parts this part would need. */
  needs: SplitNeed[];
  /** True when bisect found the tree broken after the part's last patch. */
  brokenAtEnd: boolean;
}

export interface SplitCheck {
  cuts: number[];
  parts: SplitPart[];
  ok: boolean;
  findings: Finding[];
}

/** Validates cut points against the series: each in 1..n-1, increasing. Bad cuts are a usage error. */
export function normalizeCuts(series: PatchSeries, cuts: readonly number[]): number[] {
  const last = series.patches[series.patches.length - 1]?.index ?? 0;
  const sorted = [...new Set(cuts)].sort((a, b) => a - b);
  const bad = sorted.filter((c) => !Number.isInteger(c) || c < 1 || c >= last);
  if (bad.length > 0) throw new UsageError(`--split: cut points must be patch numbers from 1 to ${last - 1}; got ${bad.join(', ')}`);
  return sorted;
}

function partRanges(series: PatchSeries, cuts: readonly number[]): [number, number][] {
  const first = series.patches[0]?.index ?? 1;
  const last = series.patches[series.patches.length - 1]?.index ?? 0;
  const bounds = [first - 1, ...cuts, last];
  return bounds.slice(1).map((end, i) => [bounds[i]! + 1, end]);
}

function isBrokenAt(bisect: BisectResult | null, patch: number): boolean {
  return bisect?.patches.find((p) => p.index === patch)?.status === 'broken';
}

function judgePart(graph: DependencyGraph, bisect: BisectResult | null, [first, last]: [number, number]): SplitPart {
  const needs = graph.edges
    .filter((e) => e.from >= first && e.from <= last && e.to > last)
    .map((edge) => ({ patch: edge.from, needs: edge.to, edge }));
  const brokenAtEnd = isBrokenAt(bisect, last);
  return { first, last, standsAlone: needs.length === 0 && !brokenAtEnd, needs, brokenAtEnd };
}

function needFinding(series: PatchSeries, part: SplitPart, need: SplitNeed): Finding {
  const why = need.edge.reasons[0];
  const detail = !why ? '' : why.kind === 'uses' ? ` (uses ${why.symbol} at ${why.file}:${why.line})` : ` (touches ${why.file}:${why.line})`;
  const patch = series.patches.find((p) => p.index === need.patch);
  return {
    id: 'split-needs-later-patch',
    severity: 'error',
    where: { patch: need.patch, ...(patch ? { messageId: patch.messageId } : {}) },
    message: `split: part ${part.first}–${part.last} does not stand alone: patch ${need.patch} needs patch ${need.needs}${detail}`,
  };
}

/** Checks the parts a set of cut points makes. */
export function checkSplit(series: PatchSeries, graph: DependencyGraph, cuts: readonly number[], bisect: BisectResult | null = null): SplitCheck {
  const normalized = normalizeCuts(series, cuts);
  const parts = partRanges(series, normalized).map((range) => judgePart(graph, bisect, range));
  const findings = parts.flatMap((part) => [
    ...part.needs.map((n) => needFinding(series, part, n)),
    ...(part.brokenAtEnd ? [{
      id: 'split-part-broken', severity: 'error' as const, where: { patch: part.last },
      message: `split: the tree after patch ${part.last} (end of part ${part.first}–${part.last}) does not build (see bisect)`,
    }] : []),
  ]);
  return { cuts: normalized, parts, ok: parts.every((p) => p.standsAlone), findings };
}

export interface SplitSuggestion {
  /** Every place the series can be cut with every part self-contained (the finest split). */
  cuts: number[];
  parts: [number, number][];
  /** The places it cannot be cut, each with the first reason. */
  blocked: { after: number; reason: string }[];
}

function blockReason(graph: DependencyGraph, bisect: BisectResult | null, cut: number): string | null {
  const crossing = graph.edges.find((e) => e.from <= cut && e.to > cut);
  if (crossing) return `patch ${crossing.from} needs patch ${crossing.to}`;
  const state = bisect?.patches.find((p) => p.index === cut)?.status;
  if (state === 'broken') return `the tree after patch ${cut} does not build`;
  if (state === 'not-checked') return `patch ${cut} was not applied`;
  return null;
}

/** The finest split: a cut after every patch that no forward need crosses and whose tree builds. */
export function suggestSplit(series: PatchSeries, graph: DependencyGraph, bisect: BisectResult | null = null): SplitSuggestion {
  const cuts: number[] = [];
  const blocked: { after: number; reason: string }[] = [];
  for (const cut of series.patches.slice(0, -1).map((p) => p.index)) {
    const reason = blockReason(graph, bisect, cut);
    if (reason) blocked.push({ after: cut, reason });
    else cuts.push(cut);
  }
  return { cuts, parts: partRanges(series, cuts), blocked };
}
