import { writeFileSync } from 'node:fs';
import { renderReport } from '../../present/report/index.js';
import type { Command } from '../args.js';
import { loadInput, primarySeries, resolveBase } from '../context.js';
import { reviewSeries, verifyFor, hasErrors } from '../review.js';
import { EXIT_OK, EXIT_FINDINGS, type ExitCode } from '../exit-codes.js';
import { InputError } from '../../util/errors.js';

export async function runReport(cmd: Extract<Command, { kind: 'report' }>): Promise<ExitCode> {
  const set = await loadInput(cmd.input, cmd.common);
  const series = primarySeries(set, cmd.input);
  const review = await reviewSeries(series, { base: resolveBase(cmd.base, cmd.input, cmd.common) });
  const verdicts = verifyFor(cmd.input, cmd.sequence, set);
  const text = renderReport(
    { set, findings: review.findings, analysis: review.analysis, ...(verdicts ? { verify: verdicts.report } : {}) },
    cmd.format,
    cmd.now ? { now: new Date() } : {},
  );
  if (cmd.output === null) process.stdout.write(text);
  else {
    try {
      writeFileSync(cmd.output, text);
    } catch (e) {
      throw new InputError({ source: cmd.output }, `cannot write the report: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  const failed = hasErrors(review.findings) || (verdicts !== null && !verdicts.report.ok);
  return failed ? EXIT_FINDINGS : EXIT_OK;
}
