/**
 * Worker thread body: decodes batches of archived messages into index rows. Decoding (MIME,
 * charsets, classify's regexes) is the costly part of indexing; splitting and SQLite stay on the
 * main thread. Rows go back in the order the batch came, so output equals a single-thread run.
 */
import { parentPort } from 'node:worker_threads';
import { decodeRow, type RowResult } from '../record.js';
import type { DecodeJob } from './pool.js';

const port = parentPort;
if (port) {
  port.on('message', (job: DecodeJob) => {
    void (async () => {
      const results: RowResult[] = [];
      for (const m of job.messages) results.push(await decodeRow(job.data.subarray(m.start, m.end), m.position, m.index, m.mboxrd));
      // The batch's buffer goes back to be packed into again.
      const data = job.data.buffer as ArrayBuffer;
      port.postMessage({ seq: job.seq, results, data }, [data]);
    })().catch((e: unknown) => port.postMessage({ seq: job.seq, error: e instanceof Error ? e.stack ?? e.message : String(e) }));
  });
}
