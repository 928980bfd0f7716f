/**
 * Reading a large plain mbox file on two threads: the main thread reads its first part, a worker
 * (range-worker.ts) the rest, splitting and decoding included, and the main thread writes the
 * worker's rows after its own, in file order. On two cores this pays where a pool of decode workers
 * did not (issue 18: the pool's main thread still split every message and copied it out, and was
 * the bottleneck).
 */
import { Worker } from 'node:worker_threads';
import type { ArchiveRecord } from '../types.js';
import type { MessageRow, RowResult } from '../record.js';
import type { SplitAs } from '../series-job.js';
import { compiledWorkerUrl } from './worker-url.js';

/**
 * One range of a file: for the index (its records and rows, mboxrd un-quoted while decoding), or for two-pass
 * `show`'s pass 1 (each message's light item, split as readInput splits).
 */
export type RangeJob = {
  path: string;
  /** A message start. */
  from: number;
  /** A message start, or the file's end. */
  until: number;
} & ({ kind: 'index'; mboxrd: boolean } | { kind: 'light'; split: SplitAs });

/** What pass 1 of two-pass `show` learns of one message of a range: its row, or why it has none. */
export type LightItem = { offset: number; end: number } & (
  | { kind: 'row'; row: MessageRow }
  | { kind: 'oversize'; size: number }
  | { kind: 'skipped'; reason: string; messageId: string | null }
  /** A message without Message-ID: its row names it otherwise than threading does, so it is decoded whole. */
  | { kind: 'whole' }
);

/** A batch of records (bytes dropped) and the rows of their raw ones, in file order. */
export interface RangeBatch {
  records: ArchiveRecord[];
  rows: RowResult[];
  bytes: number;
}

export type RangeReply =
  | ({ kind: 'batch' } & RangeBatch)
  | { kind: 'light'; items: LightItem[]; bytes: number }
  | { kind: 'done' }
  | { kind: 'error'; error: string };

/** Files with less than this to read are read on one thread: a worker's start costs more than it saves. */
export const MIN_RANGE_SPLIT = 32 * 1024 * 1024;

/**
 * The share of a file the main thread reads itself: less than half, as it also writes every row to SQLite
 * (measured on the real linaro-mm-sig archive, issue 18).
 */
export const MAIN_SHARE = 0.45;

/** The worker reading one range: its batches, in order, as they come. */
export class RangeReader {
  private readonly worker: Worker;
  private readonly ready: RangeReply[] = [];
  private wake: (() => void) | null = null;
  private failure: Error | null = null;

  constructor(job: RangeJob) {
    const url = compiledWorkerUrl(new URL('./range-worker.js', import.meta.url), 'range worker');
    // A small young generation: the worker's garbage is message text that dies at once (as the decode pool's).
    this.worker = new Worker(url, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
    this.worker.on('message', (r: RangeReply) => this.push(r));
    this.worker.on('error', (e) => {
      this.failure = e;
      this.wake?.();
    });
  }

  /** Records (or light items) and bytes the worker has answered with so far, for progress. */
  readonly received = { records: 0, bytes: 0 };

  private push(r: RangeReply): void {
    if (r.kind === 'batch' || r.kind === 'light') {
      this.received.records += r.kind === 'batch' ? r.records.length : r.items.length;
      this.received.bytes += r.bytes;
    }
    this.ready.push(r);
    this.wake?.();
  }

  /** The worker's batches in file order (index jobs); throws what the worker hit. */
  async *batches(): AsyncGenerator<RangeBatch> {
    for await (const r of this.replies()) if (r.kind === 'batch') yield r;
  }

  /** The worker's light items in file order (pass 1 jobs), with the bytes they span. */
  async *lightItems(): AsyncGenerator<{ items: LightItem[]; bytes: number }> {
    for await (const r of this.replies()) if (r.kind === 'light') yield r;
  }

  private async *replies(): AsyncGenerator<RangeReply> {
    for (;;) {
      const r = this.ready.shift();
      if (r === undefined) {
        if (this.failure) throw this.failure;
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
        continue;
      }
      if (r.kind === 'done') return;
      if (r.kind === 'error') throw new Error(`range worker failed: ${r.error}`);
      yield r;
    }
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
