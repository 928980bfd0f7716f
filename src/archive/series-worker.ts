/**
 * Worker thread body for series-workers.ts: builds batches of series jobs and answers with each series as
 * `show --json` writes it (small), never with the decoded messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toShowSeries } from '../series/index.js';
import { HeapBound } from './heap-bound.js';
import { MessageRereader, TwoPassMismatch, buildSeriesJob, type SeriesJob, type SplitAs } from './series-job.js';
import type { SeriesReply } from './series-workers.js';

const port = parentPort;
if (port) {
  const reader = new MessageRereader(workerData as SplitAs);
  const heap = new HeapBound();
  port.on('message', (jobs: SeriesJob[]) => {
    void (async (): Promise<SeriesReply> => {
      const results = [];
      for (const job of jobs) {
        results.push({ place: job.place, series: toShowSeries(await buildSeriesJob(job, reader)) });
        heap.check();
      }
      return { kind: 'built', results };
    })()
      .catch((e: unknown): SeriesReply => ({ kind: 'failed', mismatch: e instanceof TwoPassMismatch, message: e instanceof Error ? (e.stack ?? e.message) : String(e) }))
      .then((reply) => port.postMessage(reply));
  });
}
