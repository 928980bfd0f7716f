/**
 * Worker thread body: reads the records of one byte range of a plain mbox file and decodes them into index rows,
 * splitting included, so that on two cores the main thread reads one part of the file and this worker the rest
 * (range-reader.ts). Answers with batches in file order; the main thread writes them after its own part.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { mboxRecords } from '../archive-folder.js';
import { decodeRow, quickDecodedRow, type RowResult } from '../record.js';
import type { ArchiveRecord } from '../types.js';
import type { RangeJob, RangeReply } from './range-reader.js';

const NO_BYTES = Buffer.alloc(0);
const BATCH = 1024;

async function readRange(job: RangeJob, post: (r: RangeReply) => void): Promise<void> {
  let records: ArchiveRecord[] = [];
  let rows: RowResult[] = [];
  let bytes = 0;
  let index = 0;
  for await (const record of mboxRecords(job.path, job.from, false, job.until)) {
    if (record.kind === 'raw') {
      // The bytes are a view of the read buffer until the next record is asked for: decoded before that.
      const mboxrd = job.mboxrd;
      const quick = quickDecodedRow(record.bytes, record.position, mboxrd);
      rows.push(quick ? { kind: 'row', row: quick } : await decodeRow(record.bytes, record.position, ++index, mboxrd));
      bytes += record.bytes.length;
      records.push({ ...record, bytes: NO_BYTES });
    } else records.push(record);
    if (records.length >= BATCH) {
      post({ kind: 'batch', records, rows, bytes });
      records = [];
      rows = [];
      bytes = 0;
    }
  }
  if (records.length) post({ kind: 'batch', records, rows, bytes });
  post({ kind: 'done' });
}

const port = parentPort;
if (port) {
  readRange(workerData as RangeJob, (r) => port.postMessage(r)).catch((e: unknown) =>
    port.postMessage({ kind: 'error', error: e instanceof Error ? e.stack ?? e.message : String(e) } satisfies RangeReply));
}
