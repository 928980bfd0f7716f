import { renderReport } from '../../present/report/index.js';
import type { Command } from '../args.js';
import { loadInput, primarySeries, resolveBase } from '../context.js';
import { reviewSeries, verifyFor, hasErrors } from '../review.js';
import { EXIT_OK, EXIT_FINDINGS, type ExitCode } from '../exit-codes.js';

/**
 * `patchscope [INPUT]`: the whole review. On a terminal the TUI; piped or under CI the plain
 * report, exiting 0/1 as `check` would.
 */
export async function runOpen(cmd: Extract<Command, { kind: 'open' }>): Promise<ExitCode> {
  const set = await loadInput(cmd.input, cmd.common);
  const series = primarySeries(set, cmd.input);
  const review = await reviewSeries(series, { base: resolveBase(cmd.base, cmd.input, cmd.common) });
  const verdicts = verifyFor(cmd.input, cmd.sequence, set);
  const failed = hasErrors(review.findings) || (verdicts !== null && !verdicts.report.ok);
  if (process.stdout.isTTY === true && process.stdin.isTTY === true) {
    // Ink and React load only when a terminal will show them: piped runs stay fast.
    const [{ runTui }, { toReviewData }] = await Promise.all([
      import('../../present/tui/index.js'),
      import('../../present/tui/adapt.js'),
    ]);
    await runTui(
      toReviewData({
        set,
        findings: review.findings,
        bisect: review.analysis.bisect,
        bisectSeriesId: series.id,
        ...(verdicts ? { verify: verdicts } : {}),
      }),
    );
  } else {
    const input = { set, findings: review.findings, analysis: review.analysis, ...(verdicts ? { verify: verdicts.report } : {}) };
    process.stdout.write(renderReport(input, 'text'));
  }
  return failed ? EXIT_FINDINGS : EXIT_OK;
}
