import { rangeDiff } from '../../analysis/versions/index.js';
import { formatRangeDiff } from '../../present/report/index.js';
import type { PatchSeries, SeriesSet } from '../../series/index.js';
import { InputError } from '../../util/errors.js';
import type { Command } from '../args.js';
import { loadInput, primarySeries } from '../context.js';
import { EXIT_OK, type ExitCode } from '../exit-codes.js';

/** `patchscope diff OLD NEW` or `diff INPUT -v 1 -v 2`: a range-diff of two postings of a series. */
export async function runDiff(cmd: Extract<Command, { kind: 'diff' }>): Promise<ExitCode> {
  let older: PatchSeries;
  let newer: PatchSeries;
  if (cmd.new !== null) {
    older = primarySeries(await loadInput(cmd.old, cmd.common), cmd.old);
    newer = primarySeries(await loadInput(cmd.new, cmd.common), cmd.new);
  } else {
    const set = await loadInput(cmd.old, cmd.common);
    older = versionOf(set, cmd.old, cmd.versions[0]!);
    newer = versionOf(set, cmd.old, cmd.versions[1]!);
  }
  process.stdout.write(formatRangeDiff(rangeDiff(older, newer), { withTrailers: true }));
  return EXIT_OK;
}

function versionOf(set: SeriesSet, input: string, version: number): PatchSeries {
  const found = set.series.find((s) => s.version === version);
  if (found) return found;
  const have = [...new Set(set.series.map((s) => `v${s.version}`))].join(', ') || 'none';
  throw new InputError({ source: input }, `no version ${version} of a series here (versions: ${have})`);
}
