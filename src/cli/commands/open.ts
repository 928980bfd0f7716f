import { renderReport } from '../../present/report/index.js';
import type { PatchSeries, SeriesSet } from '../../series/index.js';
import type { BaseTree } from '../../analysis/apply/index.js';
import { runChecks } from '../../analysis/checks/index.js';
import type { Command } from '../args.js';
import { loadInput, primarySeries, resolveBase } from '../context.js';
import { reviewSeries, verifyFor, hasErrors, type SeriesReview, type ModelVerdicts } from '../review.js';
import { EXIT_OK, EXIT_FINDINGS, type ExitCode } from '../exit-codes.js';

type OpenCommand = Extract<Command, { kind: 'open' }>;

interface FullReview {
  review: SeriesReview;
  verdicts: ModelVerdicts | null;
}

/**
 * `patchscope [INPUT]`: the whole review. On a terminal the TUI; piped or under CI the plain
 * report, exiting 0/1 as `check` would.
 */
export async function runOpen(cmd: OpenCommand): Promise<ExitCode> {
  const set = await loadInput(cmd.input, cmd.common);
  const series = primarySeries(set, cmd.input);
  const base = resolveBase(cmd.base, cmd.input, cmd.common);
  const full = (): Promise<FullReview> => reviewAll(cmd, set, series, base);
  if (process.stdout.isTTY === true) return openTui(set, series, full());
  const { review, verdicts } = await full();
  const input = { set, findings: review.findings, analysis: review.analysis, ...(verdicts ? { verify: verdicts.report } : {}) };
  process.stdout.write(renderReport(input, 'text'));
  return exitCodeOf({ review, verdicts });
}

async function reviewAll(cmd: OpenCommand, set: SeriesSet, series: PatchSeries, base: BaseTree | undefined): Promise<FullReview> {
  const review = await reviewSeries(series, { base });
  return { review, verdicts: verifyFor(cmd.input, cmd.sequence, set) };
}

function exitCodeOf({ review, verdicts }: FullReview): ExitCode {
  return hasErrors(review.findings) || (verdicts !== null && !verdicts.report.ok) ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * The first frame shows the parsed series and its checkpatch findings at once (pure, fast); apply,
 * bisect and the model (git processes, the explorer) arrive a few seconds later and redraw in place.
 */
async function openTui(set: SeriesSet, series: PatchSeries, later: Promise<FullReview>): Promise<ExitCode> {
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
  const first = { ...toReviewData({ set, findings: runChecks(series) }), pending: 'applying, bisecting and verifying the model…' };
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
    process.exit(hasErrors(first.findings) ? EXIT_FINDINGS : EXIT_OK);
  }
  return exitCodeOf(settled);
}

/**
 * Ink decides once, when it is first imported, whether it runs "in CI" (a CI or
 * CONTINUOUS_INTEGRATION variable) and then draws nothing until exit. We only get here with a
 * terminal on stdout, so a reviewer is looking at it whatever the variable says (a shell inside a
 * CI job, a tmux test under CI=true): tell Ink so before it loads.
 */
function drawFramesEvenUnderCi(): void {
  for (const key of ['CI', 'CONTINUOUS_INTEGRATION']) if (key in process.env) process.env[key] = 'false';
}
