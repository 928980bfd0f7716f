import { existsSync } from 'node:fs';
import type { SeriesSet, PatchSeries } from '../series/index.js';
import type { Finding } from '../analysis/index.js';
import { runChecks, type RunChecksOptions } from '../analysis/checks/index.js';
import { analyzeSeries, type SeriesAnalysis } from '../analysis/deps/index.js';
import type { BaseTree } from '../analysis/apply/index.js';
import { loadSequenceFile, loadBindingFile, checkBinding, compareBindings, deriveSeries, derivedSequence, verifySequences, withOrigins, type Binding, type VerifyReport, type Sequence } from '../analysis/refmodel/index.js';
import { BUNDLED_INPUT } from './args.js';
import { BUNDLED_SEQUENCE } from './bundled.js';
import type { ReportInput } from '../present/report/index.js';
import { EXIT_OK, EXIT_FINDINGS, hasErrors, type ExitCode } from './exit-codes.js';

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

export interface ModelVerdicts {
  report: VerifyReport;
  sequences: Sequence[];
  /** The plan the sequences were checked against (which files and symbols each patch is about). */
  binding: Binding;
}

/**
 * The model verdicts that go with a review: the given sequence file, or the bundled one when the
 * input is the bundled series. The binding is checked against the series it describes, and against
 * the deltas derived from the series' code (`binding-mismatch`). A series that is another revision
 * than the binding describes is verified from its own code, unless the sequence file was named.
 */
export function verifyFor(
  input: string,
  sequence: string | null,
  set: SeriesSet | null,
  opts: { depth?: number; binding?: string | null; sequenceNamed?: boolean } = {},
): ModelVerdicts | null {
  const path = sequence ?? (input === BUNDLED_INPUT && existsSync(BUNDLED_SEQUENCE) ? BUNDLED_SEQUENCE : null);
  if (path === null) return null;
  // `--binding FILE` replaces the binding the sequence file names.
  const file = loadSequenceFile(path, opts.binding ? loadBindingFile(opts.binding) : undefined);
  const series = set?.series[0];
  const depth = opts.depth !== undefined ? { depth: opts.depth } : {};
  if (!series || file.drivers.length === 0) {
    const report = verifySequences(file.sequences, { ...depth, bindingMismatches: series ? checkBinding(file.binding, series) : [] });
    return { report, sequences: file.sequences, binding: file.binding };
  }
  const derived = deriveSeries(series, file.base, file.drivers);
  const checked = checkBinding(file.binding, series);
  // Another revision than the binding describes (patches missing, added or renamed): verify its own
  // code, unless a sequence file or a binding was named, which then speaks for itself.
  const otherRevision = checked.some((m) => m.kind === 'missing-patch' || m.kind === 'unbound-patch' || m.kind === 'subject-differs');
  const named = (opts.sequenceNamed ?? sequence !== null) || Boolean(opts.binding);
  if (otherRevision && !named) {
    const sequences = [derivedSequence(series, file.base, derived)];
    return { report: verifySequences(sequences, { ...depth, derived: true }), sequences, binding: file.binding };
  }
  const sequences = withOrigins(file.sequences, derived);
  const bindingMismatches = [...checked, ...compareBindings(file.binding, derived, series, file.base)];
  return { report: verifySequences(sequences, { ...depth, bindingMismatches }), sequences, binding: file.binding };
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
