import { drawFramesEvenUnderCi } from '../../present/tui/ink-environment.js';
import type { SeriesSet } from '../../series/index.js';
import { InputError, UsageError } from '../../util/errors.js';
import type { Command } from '../args.js';
import { existingIndex } from '../context.js';
import { EXIT_OK, type ExitCode } from '../exit-codes.js';
import { runOpen } from './open.js';

const NO_SET: SeriesSet = { messages: 0, series: [], unthreaded: [], skipped: [], notes: [] };

/**
 * `patchscope pick`: every series of the archive index in the fuzzy picker, versions grouped; the
 * one chosen opens in the review TUI (as `patchscope series:ID` would, on the version chosen). The
 * index answers the list (no archive is read) and the picker is drawn as plain text before Ink
 * loads, so it opens at once on a 16k-message archive.
 */
export async function runPick(cmd: Extract<Command, { kind: 'pick' }>): Promise<ExitCode> {
  if (process.stdout.isTTY !== true) throw new UsageError('pick: needs a terminal; `patchscope find QUERY` lists the same series');
  const [{ openIndex, findSeries, defaultIndexPath }, { enterTerminal, paintFirstFrame, pickEntriesFromIndex }] = await Promise.all([
    import('../../archive/index.js'), import('../../present/tui/start.js'),
  ]);
  const path = existingIndex(cmd.common.db ?? defaultIndexPath());
  const db = openIndex(path, 'read');
  let found;
  try {
    found = findSeries(db, '');
  } finally {
    db.close();
  }
  if (found.length === 0) throw new InputError({ source: path }, 'the archive index holds no series');
  const picks = pickEntriesFromIndex(found);
  const data = { set: NO_SET, findings: [], picks, ...(cmd.query ? { startQuery: cmd.query } : {}) };
  const session = enterTerminal();
  paintFirstFrame(session, data);
  drawFramesEvenUnderCi();
  const { runTui } = await import('../../present/tui/index.js');
  let chosen: number | null = null;
  await runTui(data, { session, onChoose: (i) => { chosen = i; } });
  const pick = chosen === null ? undefined : picks[chosen];
  if (!pick) return EXIT_OK;
  return runOpen({ kind: 'open', input: `series:${pick.group}`, base: null, sequence: null, from: null, common: cmd.common }, { startAt: pick.messageId });
}
