import { renderReport } from '../../present/report/index.js';
import { drawFramesEvenUnderCi } from '../../present/tui/ink-environment.js';
import type { PatchSeries, SeriesSet } from '../../series/index.js';
import { runChecks } from '../../analysis/checks/index.js';
import type { Finding } from '../../analysis/index.js';
import type { Command } from '../args.js';
import { loadInput, primarySeries, resolveBase } from '../context.js';
import { reviewWithVerdicts, reportInputOf, exitCodeOf, hasErrors, type FullReview } from '../review.js';
import { EXIT_OK, EXIT_FINDINGS, type ExitCode } from '../exit-codes.js';

/**
 * `patchscope [INPUT]`: the whole review. On a terminal the TUI; piped or under CI the plain
 * report, exiting 0/1 as `check` would.
 */
export async function runOpen(cmd: Extract<Command, { kind: 'open' }>): Promise<ExitCode> {
  const set = await loadInput(cmd.input, cmd.common);
  const series = primarySeries(set, cmd.input);
  const base = resolveBase(cmd.base, cmd.input, cmd.common);
  if (process.stdout.isTTY === true) {
    const checked = runChecks(series);
    return openTui(set, series, checked, reviewWithVerdicts(cmd.input, cmd.sequence, set, series, { base, checked }));
  }
  const full = await reviewWithVerdicts(cmd.input, cmd.sequence, set, series, { base });
  process.stdout.write(renderReport(reportInputOf(full), 'text'));
  return exitCodeOf(full);
}

/**
 * The first frame shows the parsed series and its checkpatch findings at once (pure, fast); apply,
 * bisect and the model (git processes, the explorer) arrive a few seconds later and redraw in place.
 */
async function openTui(set: SeriesSet, series: PatchSeries, checked: Finding[], later: Promise<FullReview>): Promise<ExitCode> {
  // Ink and React load only when a terminal will show them: piped runs stay fast.
  drawFramesEvenUnderCi();
  const { runTui, toReviewData } = await import('../../present/tui/index.js');
  let settled: FullReview | null = null;
  const data = later.then((r) => {
    settled = r;
    return toReviewData({
      set,
      findings: r.review.findings,
      bisect: r.review.analysis.bisect,
      bisectSeriesId: series.id,
      ...(r.verdicts ? { verify: r.verdicts } : {}),
    });
  });
  const first = { ...toReviewData({ set, findings: checked }), pending: 'applying, bisecting and verifying the model…' };
  let failure: unknown = null;
  await runTui(first, {
    later: data,
    onLaterError: (e) => {
      failure = e;
      return { ...first, pending: `analysis failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
    },
  });
  if (failure !== null) throw failure;
  if (settled === null) {
    // The reviewer quit before the analysis finished: do not keep them waiting for it. The exit
    // handler of src/analysis/apply removes the temporary worktree.
    process.exit(hasErrors(checked) ? EXIT_FINDINGS : EXIT_OK);
  }
  return exitCodeOf(settled);
}
