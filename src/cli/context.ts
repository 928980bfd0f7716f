import { existsSync, statSync } from 'node:fs';
import { writeFileAtomic } from '../util/atomic-write.js';
import { loadSeriesSet, type SeriesSet, type PatchSeries } from '../series/index.js';
import type { BaseTree } from '../analysis/apply/index.js';
import { UsageError, InputError, formatLocation } from '../util/errors.js';
import { sanitizeForTerminal } from '../present/index.js';
import { BUNDLED_INPUT, type CommonOptions } from './args.js';
import { resolveInput, BUNDLED_BASE } from './bundled.js';
import { createProgress } from './progress.js';
import { remoteOptions, remoteServerOf, sayIfNewer } from './remote-input.js';
import { remoteRef } from '../ingest/index.js';
import type { KnownVersion } from '../analysis/versions/index.js';

/** Reads INPUT into a SeriesSet, with a counter on stderr for long reads. */
export async function loadInput(input: string, common: CommonOptions): Promise<SeriesSet> {
  return (await loadInputAndVersions(input, common)).set;
}

/** An input read, and for a Message-ID input the versions of its series its server holds (said when newer). */
export interface LoadedInput {
  set: SeriesSet;
  /** The server a remote input came from; null for a local input. */
  server: string | null;
  known: KnownVersion[];
}

export async function loadInputAndVersions(input: string, common: CommonOptions, opts: { sayNewer?: boolean } = {}): Promise<LoadedInput> {
  if (input.startsWith('series:')) {
    return { set: accountForSkipped(await loadIndexedSeries(input.slice('series:'.length), common), input), server: null, known: [] };
  }
  const set = accountForSkipped(await readInputs([resolveInput(input)], common), input);
  if (remoteRef(input) === null) return { set, server: null, known: [] };
  const say = opts.sayNewer ?? true;
  return { set, server: await remoteServerOf(input, common), known: await sayIfNewer(set, input, common, say ? undefined : () => {}) };
}

/** Several inputs read as one SeriesSet (a series and its other versions, fetched from their threads). */
export async function readInputs(specs: string[], common: CommonOptions): Promise<SeriesSet> {
  const progress = createProgress('reading', { quiet: common.quiet });
  try {
    return await loadSeriesSet(specs, {
      repo: common.repo ?? undefined,
      mboxrd: common.mboxrd,
      limits: {
        ...(common.maxMessageBytes !== null ? { maxMessageBytes: common.maxMessageBytes } : {}),
        ...(common.maxGzipRatio !== null ? { gzipMaxRatio: common.maxGzipRatio } : {}),
      },
      remote: remoteOptions(common),
      onProgress: (p) => progress.update(p),
    });
  } finally {
    progress.done();
  }
}

/**
 * `show`'s reading of one large mbox file: in two passes (archive/two-pass-show.ts), holding one series' bodies
 * at a time, for a plain mbox file; null for any other input (stdin, gzip, a folder, `git:`, remote, `series:`),
 * which loadInput reads whole. Skipped messages are reported as loadInput reports them.
 */
export async function readShowTwoPass(input: string, common: CommonOptions): Promise<import('../archive/index.js').TwoPassShow | null> {
  if (input.startsWith('series:') || remoteRef(input) !== null) return null;
  const path = resolveInput(input);
  const { TwoPassShow, isRereadableMbox } = await import('../archive/index.js');
  if (!(await isRereadableMbox(path))) return null;
  const progress = createProgress('reading', { quiet: common.quiet });
  let show;
  try {
    show = await TwoPassShow.read([path], {
      mboxrd: common.mboxrd,
      limits: common.maxMessageBytes !== null ? { maxMessageBytes: common.maxMessageBytes } : {},
      onProgress: (p) => progress.update(p),
    });
  } finally {
    progress.done();
  }
  // Nothing readable is an error now; the skipped messages are named once the two passes agree
  // (sayTwoPassSkipped), so that a fallback to the whole-set path does not name them twice.
  accountForSkipped(twoPassSet(show), input, () => {});
  return show;
}

/** Names on stderr the messages the two-pass read could not decode, as loadInput names them. */
export function sayTwoPassSkipped(show: import('../archive/index.js').TwoPassShow, input: string): void {
  accountForSkipped(twoPassSet(show), input);
}

const twoPassSet = (show: import('../archive/index.js').TwoPassShow): SeriesSet => ({ messages: show.messages, skipped: show.skipped, series: [], unthreaded: [], notes: [] });

/** The archive index to read: it must exist (reading must not create an empty one). */
export function existingIndex(path: string): string {
  if (!existsSync(path)) throw new InputError({ source: path }, 'no archive index here: run patchscope index ARCHIVE... first');
  return path;
}

/** `series:ID` from `patchscope find`: the messages of that series, read back from the archive index. */
async function loadIndexedSeries(id: string, common: CommonOptions): Promise<SeriesSet> {
  // The index (and its native SQLite module) loads only for series: inputs.
  const { openIndex, loadSeriesById, defaultIndexPath } = await import('../archive/index.js');
  const db = openIndex(existingIndex(common.db ?? defaultIndexPath()), 'read');
  try {
    return await loadSeriesById(db, id);
  } finally {
    db.close();
  }
}

/**
 * Nothing the user gave is dropped silently: each skipped message is named on stderr, and an input
 * of which nothing could be decoded is an input error (exit 2), not an empty result.
 */
export function accountForSkipped(set: SeriesSet, input: string, log: (line: string) => void = writeStderr): SeriesSet {
  const where = (s: SeriesSet['skipped'][number]) =>
    formatLocation({ source: s.origin.source, message: s.origin.index, ...(s.messageId ? { messageId: s.messageId } : {}) });
  if (set.messages === 0) throw new InputError({ source: input }, 'no messages found');
  if (set.skipped.length === set.messages) {
    const first = set.skipped[0]!;
    const at = { source: first.origin.source, message: first.origin.index, ...(first.messageId ? { messageId: first.messageId } : {}) };
    throw new InputError(at, `nothing could be read: ${first.reason}`);
  }
  for (const s of set.skipped) log(`skipped ${where(s)}: ${s.reason}`);
  return set;
}

function writeStderr(line: string): void {
  process.stderr.write(`patchscope: ${sanitizeForTerminal(line)}\n`);
}

/** The series a command works on: every patch series the input holds, or an input error when it holds none. */
export function requireSeries(set: SeriesSet, input: string): PatchSeries[] {
  if (set.series.length === 0) {
    const why = set.skipped.length ? `; ${set.skipped.length} message(s) skipped: ${set.skipped[0]!.reason}` : '';
    throw new InputError({ source: input }, `no patch series found in ${set.messages} message(s)${why}`);
  }
  return set.series;
}

/**
 * `--base DIR|REV`: an existing folder is a tree, anything else a revision in --repo (or the current
 * directory). The bundled series defaults to its own base tree so `npm start` answers "applies in order".
 */
export function resolveBase(base: string | null, input: string, common: CommonOptions): BaseTree | undefined {
  if (base === null) return input === BUNDLED_INPUT ? { kind: 'dir', path: BUNDLED_BASE } : undefined;
  if (existsSync(base) && statSync(base).isDirectory()) return { kind: 'dir', path: base };
  if (base.startsWith('-')) throw new UsageError(`--base: "${base}" is neither a folder nor a revision`);
  return { kind: 'rev', repo: common.repo ?? process.cwd(), rev: base };
}

/** The series a single-series view (report, TUI analysis) is about: the newest version in the input. */
export function primarySeries(set: SeriesSet, input: string): PatchSeries {
  return requireSeries(set, input).reduce((best, s) => (s.version > best.version ? s : best));
}

/**
 * `-o FILE` or stdout. The file is replaced atomically (an interrupted run leaves the old one whole);
 * a symbolic link is followed as git does for its own files. A file that cannot be written is the
 * user's input problem (exit 2), named with its errno.
 */
export function writeOutput(path: string | null, text: string, what: string): void {
  if (path === null) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileAtomic(path, text);
  } catch (e) {
    throw new InputError({ source: path }, `cannot write the ${what}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
