/**
 * One call for the CLI: apply on a base (when given), bisect, dependency graph, split check and
 * split suggestion, with every finding gathered. Without a base, bisect is series-only (partial).
 */
import type { Finding } from '../findings.js';
import type { PatchSeries } from '../../series/types.js';
import { applySeries, type ApplyResult } from '../apply/apply-series.js';
import type { BaseTree } from '../apply/workspace.js';
import { treeInspector, type BisectResult } from './bisect.js';
import { bisectSeriesOnly } from './bisect-series.js';
import { buildGraph, type DependencyGraph } from './graph.js';
import { checkSplit, suggestSplit, type SplitCheck, type SplitSuggestion } from './split.js';
import { indexSeriesSymbols, type PatchSymbols } from './symbols.js';

export interface AnalyzeOptions {
  base?: BaseTree;
  /** Cut points of `--split 20,22` (cut after 20 and after 22). */
  split?: number[];
  suggestSplit?: boolean;
}

export interface SeriesAnalysis {
  /** Null without a base tree. */
  apply: ApplyResult | null;
  bisect: BisectResult;
  symbols: PatchSymbols[];
  graph: DependencyGraph;
  split: SplitCheck | null;
  suggestion: SplitSuggestion | null;
  /** Apply, bisect and split findings, in that order. */
  findings: Finding[];
}

/** Applies (with a base), bisects and checks splits; a broken base or bad cut points throw. */
export async function analyzeSeries(series: PatchSeries, opts: AnalyzeOptions = {}): Promise<SeriesAnalysis> {
  const symbols = indexSeriesSymbols(series.patches);
  let apply: ApplyResult | null = null;
  let bisect: BisectResult;
  if (opts.base) {
    const inspector = treeInspector(series, symbols);
    apply = await applySeries(series, opts.base, { inspect: inspector.inspect });
    bisect = inspector.result();
  } else {
    bisect = bisectSeriesOnly(series, symbols);
  }
  const graph = buildGraph(series, symbols);
  const split = opts.split && opts.split.length > 0 ? checkSplit(series, graph, opts.split, bisect) : null;
  const suggestion = opts.suggestSplit ? suggestSplit(series, graph, bisect) : null;
  const findings = [...(apply?.findings ?? []), ...bisect.findings, ...(split?.findings ?? [])];
  return { apply, bisect, symbols, graph, split, suggestion, findings };
}
