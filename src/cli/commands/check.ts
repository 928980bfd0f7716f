import { formatCheckpatch } from '../../present/report/checkpatch-text.js';
import { depsBlocks } from '../../present/report/deps-section.js';
import { applyBlocks } from '../../present/report/analysis-section.js';
import { renderText } from '../../present/report/text.js';
import type { Command } from '../args.js';
import { loadInput, requireSeries, resolveBase } from '../context.js';
import { reviewSeries, hasErrors, type SeriesReview } from '../review.js';
import { EXIT_OK, EXIT_FINDINGS, type ExitCode } from '../exit-codes.js';

export async function runCheck(cmd: Extract<Command, { kind: 'check' }>): Promise<ExitCode> {
  const set = await loadInput(cmd.input, cmd.common);
  const base = resolveBase(cmd.base, cmd.input, cmd.common);
  const reviews: SeriesReview[] = [];
  for (const series of requireSeries(set, cmd.input)) {
    reviews.push(await reviewSeries(series, { base, split: cmd.split ?? undefined, suggestSplit: cmd.suggestSplit }));
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
    process.stdout.write(`${JSON.stringify({ schema: 1, messages: set.messages, series: json }, null, 2)}\n`);
  } else {
    for (const r of reviews) {
      process.stdout.write(formatCheckpatch(r.series, r.findings));
      const apply = r.analysis.apply ? applyBlocks(r.analysis.apply) : [];
      process.stdout.write(`\n${renderText([...apply, ...depsBlocks(r.analysis)])}`);
    }
  }
  return reviews.some((r) => hasErrors(r.findings)) ? EXIT_FINDINGS : EXIT_OK;
}
