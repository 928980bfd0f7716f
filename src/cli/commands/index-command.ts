/**
 * `patchscope index` alone, apart from find and pick (archive.ts): it loads only the archive stage and the
 * terminal sanitizer. Importing the report stage with them loaded ~300 modules (checks, review, mail) at every
 * run, 0.4 s of CPU on the 2-core box, a third of what `git mailsplit` takes for a whole list archive (issue 18).
 */
import { indexArchives, indexExitCode, defaultIndexPath } from '../../archive/index.js';
import { sanitizeForTerminal } from '../../present/index.js';
import type { Command } from '../args.js';
import { createProgress } from '../progress.js';
import type { ExitCode } from '../exit-codes.js';

/** `patchscope index ARCHIVE...`: 0 all read, 1 something skipped (named on stderr), 2 nothing readable. */
export async function runIndex(cmd: Extract<Command, { kind: 'index' }>): Promise<ExitCode> {
  const db = cmd.common.db ?? defaultIndexPath();
  const progress = createProgress('indexing', { quiet: cmd.common.quiet });
  let summary;
  try {
    summary = await indexArchives(cmd.archives, {
      db,
      // List archives are mboxrd; `--mboxrd` elsewhere opts in, here it is the default.
      ...(cmd.threads !== null ? { threads: cmd.threads } : {}),
      onProgress: (p) => progress.update(p),
      onWait: () => {
        if (!cmd.common.quiet) process.stderr.write(`patchscope: waiting for another index run on ${sanitizeForTerminal(db)} to finish\n`);
      },
    });
  } finally {
    progress.done();
  }
  for (const s of summary.skipped) {
    process.stderr.write(`patchscope: skipped ${sanitizeForTerminal(`${s.source}: ${s.position}: ${s.reason}`)}\n`);
  }
  const t = summary.totals;
  process.stdout.write(
    `${summary.indexed} messages indexed from ${summary.sources} source(s) (${summary.unchanged} unchanged), ` +
      `${summary.skipped.length} skipped; the index holds ${t.messages} messages, ${t.series} series, ${t.versions} versions\n` +
      `index: ${db}\n`,
  );
  return indexExitCode(summary);
}
