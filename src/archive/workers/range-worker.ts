/**
 * Worker thread body: reads the records of one byte range of a plain mbox file and decodes them into index rows
 * (or two-pass `show`'s light items), splitting included, so that on two cores the main thread reads one part of
 * the file and this worker the rest (range-reader.ts). Answers with batches in file order; the main thread takes
 * them after its own part.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { rawMessageId, splitMbox } from '../../ingest/index.js';
import { mboxRecords, readInto } from '../archive-folder.js';
import { decodeRow, positionalMessageId, quickDecodedRow, type RowResult } from '../record.js';
import type { ArchiveRecord } from '../types.js';
import type { LightItem, RangeJob, RangeReply } from './range-reader.js';

const NO_BYTES = Buffer.alloc(0);
const BATCH = 1024;

/** Pass 1 of two-pass `show` over the range: each message split as readInput splits it, and its row. */
async function readLight(job: Extract<RangeJob, { kind: 'light' }>, post: (r: RangeReply) => void): Promise<void> {
  let items: LightItem[] = [];
  let bytes = 0;
  for await (const slice of splitMbox(readInto(job.path, job.from, job.until), { ...job.split, reusedChunks: true })) {
    const offset = job.from + slice.offset;
    const end = job.from + slice.end;
    bytes += end - offset;
    if (slice.oversize !== undefined) items.push({ kind: 'oversize', offset, end, size: slice.oversize });
    else {
      // The bytes are a view of the read buffer until the next slice is asked for: decoded before that.
      const read = await decodeRow(slice.bytes, { kind: 'offset', source: job.path, offset }, 0);
      if (read.kind === 'skipped') items.push({ kind: 'skipped', offset, end, reason: read.reason, messageId: rawMessageId(slice.bytes) });
      else if (read.row.msgid === positionalMessageId(job.path, String(offset))) items.push({ kind: 'whole', offset, end });
      else items.push({ kind: 'row', offset, end, row: read.row });
    }
    if (items.length >= BATCH) {
      post({ kind: 'light', items, bytes });
      items = [];
      bytes = 0;
    }
  }
  if (items.length) post({ kind: 'light', items, bytes });
  post({ kind: 'done' });
}

async function readRange(job: Extract<RangeJob, { kind: 'index' }>, post: (r: RangeReply) => void): Promise<void> {
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
  const job = workerData as RangeJob;
  const post = (r: RangeReply): void => port.postMessage(r);
  (job.kind === 'index' ? readRange(job, post) : readLight(job, post)).catch((e: unknown) =>
    port.postMessage({ kind: 'error', error: e instanceof Error ? e.stack ?? e.message : String(e) } satisfies RangeReply));
}
