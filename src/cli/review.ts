import { existsSync } from 'node:fs';
import type { SeriesSet, PatchSeries } from '../series/index.js';
import type { Finding } from '../analysis/index.js';
import { runChecks, type RunChecksOptions } from '../analysis/checks/index.js';
import { analyzeSeries, type SeriesAnalysis } from '../analysis/deps/index.js';
import type { BaseTree } from '../analysis/apply/index.js';
import { loadSequenceFile, loadBindingFile, checkBinding, verifySequences, type Binding, type VerifyReport, type Sequence } from '../analysis/refmodel/index.js';
import { BUNDLED_INPUT } from './args.js';
import { BUNDLED_SEQUENCE } from './bundled.js';
import type { ReportInput } from '../present/report/index.js';
import { EXIT_OK, EXIT_FINDINGS, type ExitCode } from './exit-codes.js';

/** What `check`, `report` and the TUI show about one series. */
export interface SeriesReview {
  series: PatchSeries;
  /** Checkpatch-style findings, then apply/bisect/split findings. */
  findings: Finding[];
  analysis: SeriesAnalysis;
}

export interface ReviewOptions {
  base?: BaseTree;
  split?: number[];
  suggestSplit?: boolean;
  checks?: RunChecksOptions;
  /** Checkpatch-style findings already computed (the TUI's first frame): not run again. */
  checked?: Finding[];
}

export async function reviewSeries(series: PatchSeries, opts: ReviewOptions): Promise<SeriesReview> {
  const checks = opts.checked ?? runChecks(series, opts.checks);
  const analysis = await analyzeSeries(series, opts);
  return { series, findings: [...checks, ...analysis.findings], analysis };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

export interface ModelVerdicts {
  report: VerifyReport;
  sequences: Sequence[];
  /** The plan the sequences were checked against (which files and symbols each patch is about). */
  binding: Binding;
}

/**
 * The model verdicts that go with a review: the given sequence file, or the bundled one when the
 * input is the bundled series. The binding is checked against the series it describes.
 */
export function verifyFor(
  input: string,
  sequence: string | null,
  set: SeriesSet | null,
  opts: { depth?: number; binding?: string | null } = {},
): ModelVerdicts | null {
  const path = sequence ?? (input === BUNDLED_INPUT && existsSync(BUNDLED_SEQUENCE) ? BUNDLED_SEQUENCE : null);
  if (path === null) return null;
  // `--binding FILE` replaces the binding the sequence file names.
  const file = loadSequenceFile(path, opts.binding ? loadBindingFile(opts.binding) : undefined);
  const series = set?.series[0];
  const bindingMismatches = series ? checkBinding(file.binding, series) : [];
  const report = verifySequences(file.sequences, { ...(opts.depth !== undefined ? { depth: opts.depth } : {}), bindingMismatches });
  return { report, sequences: file.sequences, binding: file.binding };
}

/** The whole review of one series: checks, apply/bisect/split on the base, and the model verdicts. */
export interface FullReview {
  set: SeriesSet;
  review: SeriesReview;
  verdicts: ModelVerdicts | null;
}

export async function reviewWithVerdicts(
  input: string,
  sequence: string | null,
  set: SeriesSet,
  series: PatchSeries,
  opts: ReviewOptions,
): Promise<FullReview> {
  const review = await reviewSeries(series, opts);
  return { set, review, verdicts: verifyFor(input, sequence, set) };
}

/** What the report renders for a full review. */
export function reportInputOf({ set, review, verdicts }: FullReview): ReportInput {
  return { set, findings: review.findings, analysis: review.analysis, ...(verdicts ? { verify: verdicts.report } : {}) };
}

/** 1 on an error finding or a model sequence that did not come out as expected, as `check` does. */
export function exitCodeOf({ review, verdicts }: FullReview): ExitCode {
  return hasErrors(review.findings) || (verdicts !== null && !verdicts.report.ok) ? EXIT_FINDINGS : EXIT_OK;
}
