import { toShowJson } from '../../series/index.js';
import { compareFindings } from './analysis-section.js';
import type { ReportInput, ReportOptions } from './report-input.js';
import { computeReviewState } from './review-state.js';

/**
 * The report for tools: the `show` contract (`toShowJson`) plus `findings`, `review`, `apply`,
 * `bisect` and `verify`, versioned by `schema`. Mail text is escaped by JSON.stringify, never
 * stripped. Keys are written in a fixed order and findings sorted, so the bytes are reproducible.
 */
export const REPORT_SCHEMA = 1;

export function reportJson(input: ReportInput, opts: ReportOptions = {}): Record<string, unknown> {
  // The report versions itself; it starts from the show contract of the same schema number.
  const { schema: _showSchema, ...show } = toShowJson(input.set);
  return {
    schema: REPORT_SCHEMA,
    ...show,
    ...(opts.now ? { generated: opts.now.toISOString() } : {}),
    findings: [...input.findings].sort(compareFindings),
    review: input.set.series.map((s) => ({ series: s.id, version: s.version, ...computeReviewState(s) })),
    apply: input.apply ?? null,
    bisect: input.bisect ? input.bisect.json : null,
    verify: input.verify ? input.verify.json : null,
  };
}

export function renderJson(input: ReportInput, opts: ReportOptions = {}): string {
  return `${JSON.stringify(reportJson(input, opts), null, 2)}\n`;
}
