import { rangeDiff } from '../../analysis/versions/index.js';
import { formatRangeDiff } from '../../present/report/index.js';
import type { PatchSeries, SeriesSet } from '../../series/index.js';
import { InputError } from '../../util/errors.js';
import type { Command } from '../args.js';
import { accountForSkipped, loadInput, loadInputAndVersions, primarySeries, readInputs } from '../context.js';
import { threadSpec } from '../remote-input.js';
import type { CommonOptions } from '../args.js';
import { EXIT_OK, type ExitCode } from '../exit-codes.js';

/** `patchscope diff OLD NEW` or `diff INPUT -v 1 -v 2`: a range-diff of two postings of a series. */
export async function runDiff(cmd: Extract<Command, { kind: 'diff' }>): Promise<ExitCode> {
  let older: PatchSeries;
  let newer: PatchSeries;
  if (cmd.new !== null) {
    older = primarySeries(await loadInput(cmd.old, cmd.common), cmd.old);
    newer = primarySeries(await loadInput(cmd.new, cmd.common), cmd.new);
  } else {
    const { set, onServer } = await withVersions(cmd.old, cmd.versions, cmd.common);
    older = versionOf(set, cmd.old, cmd.versions[0]!, onServer);
    newer = versionOf(set, cmd.old, cmd.versions[1]!, onServer);
  }
  process.stdout.write(formatRangeDiff(rangeDiff(older, newer), { withTrailers: true }));
  return EXIT_OK;
}

function versionOf(set: SeriesSet, input: string, version: number, onServer: string): PatchSeries {
  const found = set.series.find((s) => s.version === version);
  if (found) return found;
  const have = [...new Set(set.series.map((s) => `v${s.version}`))].join(', ') || 'none';
  throw new InputError({ source: input }, `no version ${version} of a series here (versions: ${have}${onServer})`);
}

/**
 * INPUT's series with versions `wanted`: for a Message-ID input, a version its thread lacks is fetched
 * from its own thread on the same server, found as b4 finds versions (`patchscope diff MSGID -v 1 -v 2`).
 */
async function withVersions(input: string, wanted: number[], common: CommonOptions): Promise<{ set: SeriesSet; onServer: string }> {
  // No "newer version" line: the user chose the versions; a version the server lacks is the error below.
  const { set, server, known } = await loadInputAndVersions(input, common, { sayNewer: false });
  const lacking = wanted.filter((v) => !set.series.some((s) => s.version === v));
  const fetch = known.filter((k) => lacking.includes(k.version));
  const onServer = server === null ? '' : `; ${server} holds ${known.map((k) => `v${k.version}`).join(', ') || 'no other version'}`;
  if (server === null || fetch.length === 0) return { set, onServer };
  // INPUT again (from the cache just filled, unless --no-cache) so that both versions are grouped as one set.
  const quietAgain = { ...common, quiet: true };
  const specs = [input, ...fetch.map((k) => threadSpec(server, k.messageId))];
  return { set: accountForSkipped(await readInputs(specs, quietAgain), input), onServer };
}
