import { buildAmMbox, sanitizeForTerminal } from '../../present/print/index.js';
import type { Command } from '../args.js';
import { loadInput, requireSeries, writeOutput } from '../context.js';
import { latestVersion } from '../../series/index.js';
import { EXIT_OK, EXIT_FINDINGS, type ExitCode } from '../exit-codes.js';

/** `patchscope am INPUT -o FILE [-t]`: an mbox for `git am`, with the trailers given in replies folded in. */
export async function runAm(cmd: Extract<Command, { kind: 'am' }>): Promise<ExitCode> {
  const set = await loadInput(cmd.input, cmd.common);
  // As b4 am: the newest version, completed from the one before when it re-posted only some patches.
  const series = latestVersion(requireSeries(set, cmd.input))!;
  const am = buildAmMbox(series, { addLink: cmd.addLink, applyCoverTrailers: cmd.coverTrailers });
  writeOutput(cmd.output, am.mbox, 'mbox');
  // The summary goes to stderr so that `am INPUT > file` stays a clean mbox.
  const log = process.stderr;
  log.write(`${series.patches.length} patches, v${series.version}${series.rfc ? ' RFC' : ''}\n`);
  // The same patch posted more than once: the one used is in the mbox, the others are named, not silently dropped.
  for (const d of series.duplicates) log.write(`  ${String(d.index).padStart(2, '0')} also posted as <${sanitizeForTerminal(d.messageId)}>: not used\n`);
  for (const p of am.patches) {
    for (const t of p.added) log.write(`  ${String(p.index).padStart(2, '0')} + ${sanitizeForTerminal(`${t.key}: ${t.value}`)}\n`);
  }
  if (am.missing.length) {
    log.write(`missing patches: ${am.missing.join(', ')} (git am will likely fail after the gap)\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
