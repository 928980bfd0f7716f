import { renderReport } from '../../present/report/index.js';
import type { Command } from '../args.js';
import { loadInput, primarySeries, resolveBase, writeOutput } from '../context.js';
import { reviewWithVerdicts, reportInputOf, exitCodeOf } from '../review.js';
import type { ExitCode } from '../exit-codes.js';

export async function runReport(cmd: Extract<Command, { kind: 'report' }>): Promise<ExitCode> {
  const set = await loadInput(cmd.input, cmd.common);
  const series = primarySeries(set, cmd.input);
  const full = await reviewWithVerdicts(cmd.input, cmd.sequence, set, series, { base: resolveBase(cmd.base, cmd.input, cmd.common) });
  writeOutput(cmd.output, renderReport(reportInputOf(full), cmd.format, cmd.now ? { now: new Date() } : {}), 'report');
  return exitCodeOf(full);
}
