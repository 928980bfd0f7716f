import { drawFramesEvenUnderCi } from '../../present/tui/ink-environment.js';
import type { ReviewData, TerminalSession } from '../../present/tui/start.js';
import type { PatchSeries, SeriesSet } from '../../series/index.js';
import type { BaseTree } from '../../analysis/apply/index.js';
import type { Finding } from '../../analysis/index.js';
import type { Command } from '../args.js';
import { loadInput, loadInputAndVersions, primarySeries, resolveBase, type LoadedInput } from '../context.js';
import { remoteRef } from '../../ingest/index.js';
import { threadSpec } from '../remote-input.js';
import { BUNDLED_SEQUENCE } from '../bundled.js';
import { loadInputCached } from '../series-cache.js';
import type { FullReview } from '../review.js';
import { EXIT_OK, EXIT_FINDINGS, hasErrors, type ExitCode } from '../exit-codes.js';

/**
 * `patchscope [INPUT]`: the whole review. On a terminal the TUI; piped or under CI the plain
 * report, exiting 0/1 as `check` would. Each path imports only what it runs (the report renderer,
 * the analysis, Ink): start-up is most of what a reviewer waits for.
 */
export async function runOpen(cmd: Extract<Command, { kind: 'open' }>, opts: { startAt?: string } = {}): Promise<ExitCode> {
  // A bad --from is a usage error now, not a surprise when the first trailer is given.
  if (cmd.from !== null) (await import('../../review/index.js')).parseReviewer(cmd.from);
  if (remoteRef(cmd.input) !== null) return openRemote(cmd);
  // On a terminal the parse of a mail file is cached between starts (series-cache.ts).
  const set = process.stdout.isTTY === true ? await loadInputCached(cmd.input, cmd.common) : await loadInput(cmd.input, cmd.common);
  const series = primarySeries(set, cmd.input);
  const base = resolveBase(cmd.base, cmd.input, cmd.common);
  if (process.stdout.isTTY === true) {
    // `pick` names the version chosen (its Message-ID): the TUI starts on it.
    const at = opts.startAt === undefined ? -1 : set.series.findIndex((s) => s.id === opts.startAt);
    return done(await openTui(cmd, set, series, base, at >= 0 ? at : undefined));
  }
  return plainReport(cmd, set, series, base);
}

/**
 * A Message-ID input: fetched (with the server's other versions); in the TUI `V` lists those versions
 * and a chosen one is fetched from its own thread on the same server and opened in a new TUI.
 */
async function openRemote(cmd: Extract<Command, { kind: 'open' }>): Promise<ExitCode> {
  let input = cmd.input;
  for (;;) {
    const loaded = await loadInputAndVersions(input, cmd.common);
    const series = primarySeries(loaded.set, input);
    const base = resolveBase(cmd.base, input, cmd.common);
    const now = { ...cmd, input };
    if (process.stdout.isTTY !== true) return plainReport(now, loaded.set, series, base);
    const outcome = await openTui(now, loaded.set, series, base, undefined, versionList(loaded));
    if (outcome.kind === 'done') return outcome.code;
    input = threadSpec(loaded.server!, outcome.messageId);
  }
}

type TuiOutcome = { kind: 'done'; code: ExitCode } | { kind: 'open'; messageId: string };

function done(outcome: TuiOutcome): ExitCode {
  return outcome.kind === 'done' ? outcome.code : EXIT_OK;
}

/** The server's versions for the TUI's `V` list, when the input came from a server and it knows any. */
function versionList(loaded: LoadedInput) {
  if (loaded.server === null || loaded.known.length === 0) return undefined;
  return { server: loaded.server, versions: loaded.known, opened: loaded.set.series.map((s) => s.version) };
}

/** Piped or under CI: the plain report, exiting 0/1 as `check` would. */
async function plainReport(cmd: Extract<Command, { kind: 'open' }>, set: SeriesSet, series: PatchSeries, base: BaseTree | undefined): Promise<ExitCode> {
  const [{ renderReport }, { reviewWithVerdicts, reportInputOf, exitCodeOf }] = await Promise.all([
    import('../../present/report/index.js'), import('../review.js'),
  ]);
  const full = await reviewWithVerdicts(cmd.input, cmd.sequence, set, series, { base });
  process.stdout.write(renderReport(reportInputOf(full), 'text'));
  return exitCodeOf(full);
}

/**
 * The first frame is the parsed series, drawn as plain text before the checks run and before Ink and
 * React load (start.ts): on a 40-message thread the checks (codespell's dictionary among them) took
 * as long again as everything before them. The findings, then apply, bisect and the model (git
 * processes, the explorer) fill in as they finish, in Ink's frames.
 */
async function openTui(
  cmd: Extract<Command, { kind: 'open' }>, set: SeriesSet, series: PatchSeries, base: BaseTree | undefined, startVersion?: number,
  serverVersions?: ReturnType<typeof versionList>,
): Promise<TuiOutcome> {
  const { enterTerminal, paintFirstFrame } = await import('../../present/tui/start.js');
  const at = startVersion !== undefined ? { startVersion } : {};
  const session = enterTerminal();
  paintFirstFrame(session, { set, findings: [], pending: 'checking the patches…', ...at });
  const { runChecks } = await import('../../analysis/checks/index.js');
  const checked = runChecks(series);
  const first: ReviewData = { set, findings: checked, pending: 'applying, bisecting and verifying the model…', ...at };
  return runReview(cmd, set, series, base, checked, first, session, serverVersions);
}

async function runReview(
  cmd: Extract<Command, { kind: 'open' }>, set: SeriesSet, series: PatchSeries, base: BaseTree | undefined,
  checked: Finding[], first: ReviewData, session: TerminalSession, serverVersions: ReturnType<typeof versionList>,
): Promise<TuiOutcome> {
  // Ink decides at import whether it runs "in CI" (ink-environment.ts): reset that first.
  drawFramesEvenUnderCi();
  const modules = Promise.all([import('../../present/tui/index.js'), import('../review.js')]);
  // ^C typed while Ink loads quits as the TUI's ^C would before the analysis is done (below), without waiting for Ink.
  const loaded = await Promise.race([modules, session.quitTyped.then(() => null)]);
  if (loaded === null) quitBeforeAnalysis(session, checked);
  const [{ runTui, toReviewData }, { reviewWithVerdicts, exitCodeOf }] = loaded;
  // The model view shows what `verify INPUT` would: the given sequences, else the bundled ones, with
  // the binding checked against this series (on a real thread it said "No verification results").
  const later = reviewWithVerdicts(cmd.input, cmd.sequence ?? BUNDLED_SEQUENCE, set, series, { base, checked });
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
  let failure: unknown = null;
  const chosen = await runTui(first, {
    session,
    reviewer: cmd.from,
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
  if (settled === null) quitBeforeAnalysis(session, checked);
  return { kind: 'done', code: exitCodeOf(settled) };
}

/**
 * The reviewer quit before the analysis finished: do not keep them waiting for it. The exit handler
 * of src/analysis/apply removes the temporary worktree.
 */
function quitBeforeAnalysis(session: TerminalSession, checked: Finding[]): never {
  session.leave();
  process.exit(hasErrors(checked) ? EXIT_FINDINGS : EXIT_OK);
}
