import { findSeries, openIndex, defaultIndexPath, indexState, indexedSources, isBeingWritten, type Database, type FoundSeries } from '../../archive/index.js';
import { sanitizeForTerminal } from '../../present/index.js';
import { stringifyJsonSafe } from '../../present/report/index.js';
import type { Command } from '../args.js';
import { existingIndex } from '../context.js';
import type { ExitCode } from '../exit-codes.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit-codes.js';

/** `patchscope find QUERY`: series with their versions; each id opens as INPUT `series:ID`. */
export async function runFind(cmd: Extract<Command, { kind: 'find' }>): Promise<ExitCode> {
  const path = existingIndex(cmd.common.db ?? defaultIndexPath());
  const db = openIndex(path, 'read');
  let found: FoundSeries[];
  let partial: string | null;
  try {
    found = findSeries(db, cmd.query);
    partial = partialIndexNote(db, path);
  } finally {
    db.close();
  }
  if (partial !== null) process.stderr.write(`patchscope: ${sanitizeForTerminal(partial)}\n`);
  if (cmd.json) {
    process.stdout.write(stringifyJsonSafe({ schema: 1, query: cmd.query, series: found }));
    return EXIT_OK;
  }
  for (const s of found) {
    const who = s.author ? `  ${s.author}` : '';
    process.stdout.write(`series:${s.id}  ${sanitizeForTerminal(s.title)}${sanitizeForTerminal(who)}\n`);
    for (const v of s.versions) {
      const tag = [v.rfc ? 'RFC' : '', v.resend ? 'RESEND' : '', `v${v.version}`].filter(Boolean).join(' ');
      const parts = v.partial ? `${v.patches} of ${v.total} patches (partial)` : `${v.total} patches`;
      const date = v.date ? v.date.slice(0, 10) : '????-??-??';
      process.stdout.write(`  ${tag.padEnd(10)} ${date}  ${parts}  <${sanitizeForTerminal(v.messageId)}>\n`);
    }
  }
  if (found.length === 0) process.stdout.write(`no series matches "${sanitizeForTerminal(cmd.query)}"\n`);
  return partial === null ? EXIT_OK : EXIT_FINDINGS;
}

/** Why the answer may be partial, and how to complete the index; null when it is whole. */
function partialIndexNote(db: Database, path: string): string | null {
  if (isBeingWritten(path)) return `an index run is writing ${path} now: this answer may be incomplete; ask again when it has finished`;
  const state = indexState(db);
  if (state.kind === 'complete') return null;
  const sources = state.sources.length > 0 ? state.sources : indexedSources(db);
  const why = state.sources.length > 0 ? `${state.sources.length} source(s) not read to the end` : 'messages not yet grouped into series';
  return `the index ${path} is incomplete (an index run stopped before it finished: ${why}); finish it with: ` +
    `patchscope index ${sources.map(shellWord).join(' ')} --db ${shellWord(path)}`;
}

/** A path as one shell word, for a command line the user may paste. */
const shellWord = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
