import { renderReport } from '../../present/report/index.js';
import { drawFramesEvenUnderCi } from '../../present/tui/ink-environment.js';
import type { PatchSeries, SeriesSet } from '../../series/index.js';
import { runChecks } from '../../analysis/checks/index.js';
import type { Finding } from '../../analysis/index.js';
import type { Command } from '../args.js';
import { loadInputAndVersions, primarySeries, resolveBase, type LoadedInput } from '../context.js';
import { threadSpec } from '../remote-input.js';
import { reviewWithVerdicts, reportInputOf, exitCodeOf, hasErrors, type FullReview } from '../review.js';
import { EXIT_OK, EXIT_FINDINGS, type ExitCode } from '../exit-codes.js';

/**
 * `patchscope [INPUT]`: the whole review. On a terminal the TUI; piped or under CI the plain
 * report, exiting 0/1 as `check` would.
 */
export async function runOpen(cmd: Extract<Command, { kind: 'open' }>): Promise<ExitCode> {
  let input = cmd.input;
  for (;;) {
    const loaded = await loadInputAndVersions(input, cmd.common);
    const { set } = loaded;
    const series = primarySeries(set, input);
    const base = resolveBase(cmd.base, input, cmd.common);
    if (process.stdout.isTTY !== true) return plainReport(input, cmd.sequence, set, series, base);
    const checked = runChecks(series);
    const outcome = await openTui(set, series, checked, reviewWithVerdicts(input, cmd.sequence, set, series, { base, checked }), versionList(loaded));
    if (outcome.kind === 'done') return outcome.code;
    // `V` in the TUI, a version chosen: its thread, from the same server, in a new TUI.
    input = threadSpec(loaded.server!, outcome.messageId);
  }
}

/** The server's versions for the TUI's `V` list, when the input came from a server and it knows any. */
function versionList(loaded: LoadedInput) {
  if (loaded.server === null || loaded.known.length === 0) return undefined;
  return { server: loaded.server, versions: loaded.known, opened: loaded.set.series.map((s) => s.version) };
}

/** Piped or under CI: the plain report, exiting 0/1 as `check` would. */
async function plainReport(input: string, sequence: string | null, set: SeriesSet, series: PatchSeries, base: ReturnType<typeof resolveBase>): Promise<ExitCode> {
  const full = await reviewWithVerdicts(input, sequence, set, series, { base });
  process.stdout.write(renderReport(reportInputOf(full), 'text'));
  return exitCodeOf(full);
}

/**
 * The first frame shows the parsed series and its checkpatch findings at once (pure, fast); apply,
 * bisect and the model (git processes, the explorer) arrive a few seconds later and redraw in place.
 */
async function openTui(
  set: SeriesSet,
  series: PatchSeries,
  checked: Finding[],
  later: Promise<FullReview>,
  serverVersions: ReturnType<typeof versionList>,
): Promise<{ kind: 'done'; code: ExitCode } | { kind: 'open'; messageId: string }> {
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
  const chosen = await runTui(first, {
    later: data,
    ...(serverVersions ? { serverVersions } : {}),
    onLaterError: (e) => {
      failure = e;
      return { ...first, pending: `analysis failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
    },
  });
  if (chosen !== null) {
    // The analysis of the version left behind is not waited for; its result is dropped.
    later.catch(() => {});
    return { kind: 'open', messageId: chosen.messageId };
  }
  if (failure !== null) throw failure;
  if (settled === null) {
    // The reviewer quit before the analysis finished: do not keep them waiting for it. The exit
    // handler of src/analysis/apply removes the temporary worktree.
    process.exit(hasErrors(checked) ? EXIT_FINDINGS : EXIT_OK);
  }
  return { kind: 'done', code: exitCodeOf(settled) };
}
