import { toShowJson } from '../../series/index.js';
import { compareFindings } from './analysis-section.js';
import type { SeriesAnalysis } from '../../analysis/deps/index.js';
import type { VerifyReport } from '../../analysis/refmodel/index.js';
import type { ReportInput, ReportOptions } from './report-input.js';
import { computeReviewState } from './review-state.js';
import { stringifyJsonSafe } from './safe-json.js';

/**
 * The report for tools: the `show` contract (`toShowJson`) plus `findings`, `review`, `analysis`
 * (apply, bisect, split) and `verify`, versioned by `schema`. Mail text is escaped by JSON.stringify, never
 * stripped. Keys are written in a fixed order and findings sorted, so the bytes are reproducible.
 */
export const REPORT_SCHEMA = 1;

/** What tools need of analyzeSeries; the symbol index and graph stay out (large, and derivable). */
function analysisJson(a: SeriesAnalysis): Record<string, unknown> {
  return { apply: a.apply && reproducibleApply(a.apply), bisect: a.bisect, split: a.split, suggestion: a.suggestion, findings: a.findings };
}

/** Commit ids made on a folder snapshot are ours and vary between runs: left out (null) so the same input gives the same JSON. */
function reproducibleApply(apply: NonNullable<SeriesAnalysis['apply']>): Record<string, unknown> {
  if (!apply.snapshot) return { ...apply };
  return { ...apply, baseCommit: null, patches: apply.patches.map((p) => (p.status === 'applied' ? { ...p, commit: null } : p)) };
}

/** The model's report without its timings, which differ run to run (they stay in `verify --json`). */
function verifyJson(v: VerifyReport): Record<string, unknown> {
  const { ms: _ms, statesPerSecond: _rate, ...rest } = v;
  return { ...rest, sequences: v.sequences.map((s) => ({ ...s, steps: s.steps.map(({ ms: _stepMs, ...step }) => step) })) };
}

export function reportJson(input: ReportInput, opts: ReportOptions = {}): Record<string, unknown> {
  // The report versions itself; it starts from the show contract of the same schema number.
  const { schema: _showSchema, ...show } = toShowJson(input.set);
  return {
    schema: REPORT_SCHEMA,
    ...show,
    ...(opts.now ? { generated: opts.now.toISOString() } : {}),
    findings: [...input.findings].sort(compareFindings),
    review: input.set.series.map((s) => ({ series: s.id, version: s.version, ...computeReviewState(s) })),
    analysis: input.analysis ? analysisJson(input.analysis) : null,
    verify: input.verify ? verifyJson(input.verify) : null,
  };
}

export function renderJson(input: ReportInput, opts: ReportOptions = {}): string {
  return stringifyJsonSafe(reportJson(input, opts));
}
