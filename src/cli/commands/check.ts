import { formatCheckpatch, depsBlocks, applyBlocks, renderText, stringifyJsonSafe } from '../../present/report/index.js';
import { CHECKS, findingType, isCheckId, type CheckId, type RunChecksOptions } from '../../analysis/checks/index.js';
import { locateCheckpatch, mergeFindings, runCheckpatch } from '../../analysis/checkpatch/index.js';
import { sanitizeForTerminal } from '../../present/index.js';
import { UsageError } from '../../util/errors.js';
import type { Command } from '../args.js';
import { loadInput, requireSeries, resolveBase } from '../context.js';
import { reviewSeries, type SeriesReview } from '../review.js';
import { EXIT_OK, EXIT_FINDINGS, hasErrors, type ExitCode } from '../exit-codes.js';

type CheckCommand = Extract<Command, { kind: 'check' }>;

export async function runCheck(cmd: CheckCommand): Promise<ExitCode> {
  if (cmd.listChecks) {
    for (const c of CHECKS) process.stdout.write(`${c.id.padEnd(34)} ${c.severity.toUpperCase().padEnd(8)} ${c.description}\n`);
    return EXIT_OK;
  }
  const checks = checkOptions(cmd);
  const set = await loadInput(cmd.input, cmd.common);
  const base = resolveBase(cmd.base, cmd.input, cmd.common);
  const checkpatch = locateCheckpatch({ flag: cmd.checkpatch, baseDir: base?.kind === 'dir' ? base.path : base?.repo ?? null });
  if (checkpatch.kind === 'unusable') note(checkpatch.note);
  const reviews: SeriesReview[] = [];
  for (const series of requireSeries(set, cmd.input)) {
    // checkpatch.pl runs (in its own processes) while the native checks, apply and bisect run here.
    const real = checkpatch.kind === 'script' ? runCheckpatch(series, checkpatch.path) : null;
    const review = await reviewSeries(series, { base, split: cmd.split ?? undefined, suggestSplit: cmd.suggestSplit, checks });
    if (real) {
      const { findings, notes } = await real;
      notes.forEach(note);
      review.findings = mergeFindings(review.findings, findings, findingType);
    }
    reviews.push(review);
  }
  if (cmd.format === 'json') {
    const json = reviews.map((r) => ({
      series: r.series.id,
      version: r.series.version,
      findings: r.findings.map((f) => ({ ...f, source: f.source ?? 'native', type: findingType(f) })),
      apply: r.analysis.apply && { applied: r.analysis.apply.patches.filter((p) => p.status === 'applied').length, base: cmd.base },
      bisect: r.analysis.bisect,
      split: r.analysis.split,
      suggestion: r.analysis.suggestion,
    }));
    process.stdout.write(stringifyJsonSafe({ schema: 1, messages: set.messages, series: json }));
  } else {
    for (const r of reviews) {
      process.stdout.write(formatCheckpatch(r.series, r.findings));
      const apply = r.analysis.apply ? applyBlocks(r.analysis.apply) : [];
      process.stdout.write(`\n${renderText([...apply, ...depsBlocks(r.analysis)])}`);
    }
  }
  return reviews.some((r) => hasErrors(r.findings)) ? EXIT_FINDINGS : EXIT_OK;
}

/** A run that goes on with less (no perl, a crashing checkpatch) says so once on stderr. */
function note(text: string): void {
  process.stderr.write(`patchscope: ${sanitizeForTerminal(text)}\n`);
}

/** `--ignore` takes our ids (`trailing-whitespace`) or checkpatch's TYPEs (`TRAILING_WHITESPACE`). */
function checkOptions(cmd: CheckCommand): RunChecksOptions {
  // One TYPE may name several checks (SPACING, BAD_SIGN_OFF): --ignore of the TYPE skips them all.
  const skip: CheckId[] = cmd.ignore.flatMap((name) => {
    if (isCheckId(name)) return [name];
    const ids = CHECKS.filter((c) => c.checkpatchType === name.toUpperCase()).map((c) => c.id);
    if (ids.length === 0) throw new UsageError(`--ignore: no check named "${name}" (see patchscope check --list-checks)`);
    return ids;
  });
  return { skip, ...(cmd.maxLineLength !== null ? { maxLineLength: cmd.maxLineLength } : {}) };
}
