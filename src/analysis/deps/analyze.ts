/**
 * One call for the CLI: apply on a base (when given), bisect, dependency graph, split check and
 * split suggestion, with every finding gathered. Without a base, bisect is series-only (partial).
 */
import type { Finding } from '../findings.js';
import type { PatchSeries } from '../../series/index.js';
import { isPatchscopeError } from '../../util/errors.js';
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

/**
 * Runs one pure analysis; a bug in it (a plain exception) becomes the finding `check-crashed`
 * and the fallback, so the other answers still arrive (b4's checks do the same). Run failures
 * (PatchscopeError: bad cut points, a broken base) still throw.
 */
function guarded<T>(name: string, crashes: Finding[], run: () => T, fallback: T): T {
  try {
    return run();
  } catch (e) {
    if (isPatchscopeError(e)) throw e;
    crashes.push({ id: 'check-crashed', severity: 'error', where: {}, message: `${name} crashed: ${e instanceof Error ? e.message : String(e)}` });
    return fallback;
  }
}

const NO_BISECT: BisectResult = { partial: true, patches: [], bisectable: false, findings: [] };

/** Applies (with a base), bisects and checks splits; a broken base or bad cut points throw. */
export async function analyzeSeries(series: PatchSeries, opts: AnalyzeOptions = {}): Promise<SeriesAnalysis> {
  const crashes: Finding[] = [];
  const symbols = guarded('symbol index', crashes, () => indexSeriesSymbols(series.patches), []);
  let apply: ApplyResult | null = null;
  let bisect: BisectResult;
  if (opts.base) {
    const inspector = treeInspector(series, symbols);
    // A crash while scanning the tree must not stop the apply: keep it and report it as bisect's.
    let scanCrash: unknown = null;
    const inspect = async (index: number, dir: string): Promise<void> => {
      if (scanCrash !== null) return;
      try { await inspector.inspect(index, dir); } catch (e) { if (isPatchscopeError(e)) throw e; scanCrash = e; }
    };
    apply = await applySeries(series, opts.base, { inspect });
    bisect = guarded('bisect', crashes, () => { if (scanCrash !== null) throw scanCrash; return inspector.result(); }, NO_BISECT);
  } else {
    bisect = guarded('bisect', crashes, () => bisectSeriesOnly(series, symbols), NO_BISECT);
  }
  const graph = guarded('dependency graph', crashes, () => buildGraph(series, symbols), { patches: [], edges: [] });
  const split = opts.split && opts.split.length > 0 ? checkSplit(series, graph, opts.split, bisect) : null;
  const suggestion = opts.suggestSplit ? suggestSplit(series, graph, bisect) : null;
  const findings = [...(apply?.findings ?? []), ...bisect.findings, ...(split?.findings ?? []), ...crashes];
  return { apply, bisect, symbols, graph, split, suggestion, findings };
}
