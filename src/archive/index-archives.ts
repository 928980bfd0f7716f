/**
 * `patchscope index ARCHIVE...`: read what is new in every archive into the on-disk index, then
 * regroup series and link their versions. A second run over the same archives reads nothing
 * (or only what was appended), and the answer equals that of one clean run.
 */
import { availableParallelism } from 'node:os';
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { archiveSources, isGzipFile } from './archive-folder.js';
import type { ArchiveSource } from './types.js';
import { readSource, type SkippedRecord, type SourceProgress } from './read-source.js';
import { checkIndexFile, openIndex, type Database } from './sqlite.js';
import { regroupIndex } from './store-series.js';
import { createDecoder } from './workers/pool.js';
import { acquireWriterLock } from './writer-lock.js';

export interface IndexOptions {
  /** The index file, or an open database. */
  db: string | Database;
  /** Decode workers; 0 decodes on the main thread. Default: defaultThreads(). */
  threads?: number;
  /** Un-quote `>From ` lines. Default true: list archives (lore, public-inbox exports) are mboxrd. */
  mboxrd?: boolean;
  /** Progress after each batch (the shape src/cli/progress.ts draws: messages, MB, rate, ETA). */
  onProgress?: (p: IndexProgress) => void;
  /** Called once when another index run is writing the same index: this run waits for it to end. */
  onWait?: () => void;
}

/** Running totals of one index run, over all its sources. */
export interface IndexProgress {
  messages: number;
  skipped: number;
  /** Message bytes read so far in this run. */
  bytes: number;
  /** Bytes of plain mbox files still to read when the run started; absent when an epoch or gzip is read (unknown). */
  total?: number;
  /** The source being read, and its place among all of them. */
  source: string;
  sourceIndex: number;
  sources: number;
}

export interface IndexSummary {
  sources: number;
  /** Sources that had nothing new. */
  unchanged: number;
  /** Messages read and indexed in this run. */
  indexed: number;
  /** Messages that could not be read in this run (damaged or undecodable), with their positions. */
  skipped: SkippedRecord[];
  /** After regrouping: the whole index. */
  totals: { messages: number; series: number; versions: number };
}

/**
 * Exit status the CLI should use for an index run: 2 when nothing could be read (every message
 * seen in this run was skipped), 1 when something was skipped, 0 otherwise.
 */
export function indexExitCode(s: IndexSummary): 0 | 1 | 2 {
  if (s.skipped.length === 0) return 0;
  return s.indexed === 0 ? 2 : 1;
}

/**
 * Decode workers by default: none on two cores or fewer. Measured on this project's 2-core
 * machine (docs/archive.md): the main thread already keeps one core busy splitting, writing
 * SQLite and grouping, so one worker gained only 0.98x to 1.11x while adding about 65 MiB of
 * RSS (350 MiB on 1 GB, over the 300 MiB goal). With more cores, one per core beyond the main one.
 */
export function defaultThreads(cores: number = availableParallelism()): number {
  return cores <= 2 ? 0 : cores - 1;
}

/** What is left to read of plain mbox files (size beyond the stored cursor); null when that cannot be known. */
async function bytesToRead(db: Database, sources: ArchiveSource[]): Promise<number | null> {
  const cursorOf = db.prepare<{ cursor: string | null }>('SELECT cursor FROM sources WHERE path = ?');
  let total = 0;
  for (const s of sources) {
    if (s.kind === 'epoch' || (await isGzipFile(s.path))) return null;
    const size = (await stat(s.path)).size;
    const cursor = Number(cursorOf.get(s.path)?.cursor ?? 0);
    total += cursor <= size ? size - cursor : size;
  }
  return total;
}

/**
 * Index `paths` into `opts.db`. Runs on one index are serialised (writer-lock.ts): a second run
 * waits for the first, then finds its work done (or finishes what a killed one left).
 */
export async function indexArchives(paths: string[], opts: IndexOptions): Promise<IndexSummary> {
  const dbPath = typeof opts.db === 'string' ? opts.db : opts.db.name;
  if (dbPath !== ':memory:') await mkdir(dirname(dbPath), { recursive: true });
  checkIndexFile(dbPath);
  const lock = await acquireWriterLock(dbPath, opts.onWait);
  try {
    return await indexLocked(paths, opts);
  } finally {
    lock.release();
  }
}

async function indexLocked(paths: string[], opts: IndexOptions): Promise<IndexSummary> {
  const db = typeof opts.db === 'string' ? openIndex(opts.db) : opts.db;
  const threads = opts.threads ?? defaultThreads();
  const decoder = createDecoder(threads);
  const summary: IndexSummary = { sources: 0, unchanged: 0, indexed: 0, skipped: [], totals: { messages: 0, series: 0, versions: 0 } };
  try {
    const sources: ArchiveSource[] = [];
    for (const p of paths) sources.push(...(await archiveSources(p)));
    summary.sources = sources.length;
    const ctx = { db, decoder, mboxrd: opts.mboxrd ?? true, inFlight: Math.max(2, threads * 2) };
    const total = await bytesToRead(db, sources);
    const done = { messages: 0, skipped: 0, bytes: 0 };
    for (const [i, source] of sources.entries()) {
      const onProgress = opts.onProgress;
      const progress = onProgress
        ? (p: SourceProgress) =>
            onProgress({ messages: done.messages + p.messages, skipped: done.skipped + p.skipped, bytes: done.bytes + p.bytes,
              ...(total === null ? {} : { total }), source: p.source, sourceIndex: i + 1, sources: sources.length })
        : undefined;
      const r = await readSource(progress ? { ...ctx, onProgress: progress } : ctx, source);
      done.messages += r.messages;
      done.skipped += r.skipped;
      done.bytes += r.bytes;
      if (r.unchanged) summary.unchanged += 1;
      summary.indexed += r.messages;
      summary.skipped.push(...r.skippedRecords);
    }
    const counts = regroupIndex(db);
    summary.totals = { messages: counts.messages, series: counts.families, versions: counts.versions };
    return summary;
  } finally {
    await decoder.close();
    if (typeof opts.db === 'string') db.close();
  }
}
