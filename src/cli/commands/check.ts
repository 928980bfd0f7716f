import { formatCheckpatch, depsBlocks, applyBlocks, renderText, stringifyJsonSafe } from '../../present/report/index.js';
import { CHECKS, isCheckId, type CheckId, type RunChecksOptions } from '../../analysis/checks/index.js';
import { UsageError } from '../../util/errors.js';
import type { Command } from '../args.js';
import { loadInput, requireSeries, resolveBase } from '../context.js';
import { reviewSeries, hasErrors, type SeriesReview } from '../review.js';
import { EXIT_OK, EXIT_FINDINGS, type ExitCode } from '../exit-codes.js';

type CheckCommand = Extract<Command, { kind: 'check' }>;

export async function runCheck(cmd: CheckCommand): Promise<ExitCode> {
  if (cmd.listChecks) {
    for (const c of CHECKS) process.stdout.write(`${c.id.padEnd(34)} ${c.severity.toUpperCase().padEnd(8)} ${c.description}\n`);
    return EXIT_OK;
  }
  const checks = checkOptions(cmd);
  const set = await loadInput(cmd.input, cmd.common);
  const base = resolveBase(cmd.base, cmd.input, cmd.common);
  const reviews: SeriesReview[] = [];
  for (const series of requireSeries(set, cmd.input)) {
    reviews.push(await reviewSeries(series, { base, split: cmd.split ?? undefined, suggestSplit: cmd.suggestSplit, checks }));
  }
  if (cmd.format === 'json') {
    const json = reviews.map((r) => ({
      series: r.series.id,
      version: r.series.version,
      findings: r.findings,
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

/** `--ignore` takes our ids (`trailing-whitespace`) or checkpatch's TYPEs (`TRAILING_WHITESPACE`). */
function checkOptions(cmd: CheckCommand): RunChecksOptions {
  const byType = new Map(CHECKS.map((c) => [c.checkpatchType, c.id] as const));
  const skip: CheckId[] = cmd.ignore.map((name) => {
    const id = isCheckId(name) ? name : byType.get(name.toUpperCase());
    if (id === undefined) throw new UsageError(`--ignore: no check named "${name}" (see patchscope check --list-checks)`);
    return id;
  });
  return { skip, ...(cmd.maxLineLength !== null ? { maxLineLength: cmd.maxLineLength } : {}) };
}
