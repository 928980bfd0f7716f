/**
 * A small pool of decode workers. The caller adds messages in archive order and takes their rows
 * batch by batch in the same order, so parallel decoding never reorders rows.
 */
import { Worker } from 'node:worker_threads';
import type { ArchivePosition } from '../types.js';
import { fullDecodedRow, quickDecodedRow, type RowResult } from '../record.js';
import { compiledWorkerUrl } from './worker-url.js';

export interface DecodeMessage {
  bytes: Uint8Array;
  position: ArchivePosition;
  index: number;
  /** The bytes still carry mboxrd `>From ` quoting. */
  mboxrd: boolean;
}

/** A batch as sent to a worker: every message's bytes packed into one transferred buffer. */
export interface DecodeJob {
  seq: number;
  data: Uint8Array;
  messages: { start: number; end: number; position: ArchivePosition; index: number; mboxrd: boolean }[];
}

/**
 * Packs a batch message by message, each copied in as it is added (its bytes may be a view of a read buffer that
 * is reused for the next). Structured cloning a Buffer view would copy its whole backing ArrayBuffer (a 1 MiB read
 * chunk per message), so the bytes go into a buffer of their own, which is moved to the worker.
 */
export class JobPacker {
  private data = new Uint8Array(0);
  private size = 0;
  private messages: DecodeJob['messages'] = [];

  /** `spare`: a buffer a worker gave back, if any; fresh memory for every batch cost page faults (issue 18). */
  constructor(private readonly spare: () => ArrayBuffer | undefined) {}

  add(m: DecodeMessage): void {
    const need = this.size + m.bytes.length;
    if (need > this.data.byteLength) {
      const reused = this.size === 0 ? this.spare() : undefined;
      // A quarter of headroom, as batches differ in size.
      const buffer = reused !== undefined && reused.byteLength >= need ? reused : new ArrayBuffer(Math.max(need * 1.25, 1 << 20));
      const grown = new Uint8Array(buffer);
      grown.set(this.data.subarray(0, this.size));
      this.data = grown;
    }
    this.data.set(m.bytes, this.size);
    this.messages.push({ start: this.size, end: need, position: m.position, index: m.index, mboxrd: m.mboxrd });
    this.size = need;
  }

  get count(): number {
    return this.messages.length;
  }

  /** The batch packed so far; the packer starts empty again. */
  take(seq: number): DecodeJob {
    const job = { seq, data: this.data.subarray(0, this.size), messages: this.messages };
    this.data = new Uint8Array(0);
    this.size = 0;
    this.messages = [];
    return job;
  }
}

type Reply = { seq: number; results: RowResult[]; data?: ArrayBuffer } | { seq: number; error: string };

/**
 * Decodes messages into rows: in `threads` workers, or on this thread when `threads` is 0. Messages are added one
 * by one and read (or copied) at once; their rows are taken per batch, in the order added.
 */
export interface Decoder {
  /** Takes one message; done with its bytes when it returns. */
  add(message: DecodeMessage): void;
  /** The rows of the messages added since the last take, in order. */
  take(): Promise<RowResult[]>;
  close(): Promise<void>;
}

/**
 * Decoding on this thread: the quick paths read a message while its bytes are valid; the few that need the full
 * decoder (asynchronous) get a copy.
 */
class LocalDecoder implements Decoder {
  private rows: (RowResult | Promise<RowResult>)[] = [];

  add(m: DecodeMessage): void {
    const quick = quickDecodedRow(m.bytes, m.position, m.mboxrd);
    this.rows.push(quick ? { kind: 'row', row: quick } : fullDecodedRow(Uint8Array.prototype.slice.call(m.bytes), m.position, m.index, m.mboxrd));
  }

  take(): Promise<RowResult[]> {
    const rows = this.rows;
    this.rows = [];
    return Promise.all(rows);
  }

  async close(): Promise<void> {}
}

export function createDecoder(threads: number): Decoder {
  return threads <= 0 ? new LocalDecoder() : new WorkerDecoder(threads);
}

class WorkerDecoder implements Decoder {
  private readonly workers: { worker: Worker; busy: number }[];
  private readonly waiting = new Map<number, { resolve: (r: RowResult[]) => void; reject: (e: Error) => void }>();
  private seq = 0;
  /** Batch buffers the workers gave back, to pack the next batches into. */
  private readonly spare: ArrayBuffer[] = [];
  private readonly packer = new JobPacker(() => this.spare.pop());

  constructor(threads: number) {
    const url = compiledWorkerUrl(new URL('./decode-worker.js', import.meta.url), 'decode worker');
    this.workers = Array.from({ length: threads }, () => {
      // A smaller young generation than V8's default: a worker's garbage is message bodies that die at once,
      // and the default let a worker's heap add ~50 MiB of RSS (real-archive bench, issue 18).
      const slot = { worker: new Worker(url, { resourceLimits: { maxYoungGenerationSizeMb: 16 } }), busy: 0 };
      slot.worker.on('message', (reply: Reply) => {
        slot.busy -= 1;
        this.settle(reply);
      });
      slot.worker.on('error', (e) => this.failAll(e));
      return slot;
    });
  }

  add(m: DecodeMessage): void {
    this.packer.add(m);
  }

  take(): Promise<RowResult[]> {
    if (this.packer.count === 0) return Promise.resolve([]);
    const seq = this.seq++;
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy += 1;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      const job = this.packer.take(seq);
      slot.worker.postMessage(job, [job.data.buffer as ArrayBuffer]);
    });
  }

  private settle(reply: Reply): void {
    const w = this.waiting.get(reply.seq);
    if (!w) return;
    this.waiting.delete(reply.seq);
    if ('data' in reply && reply.data) this.spare.push(reply.data);
    if ('error' in reply) w.reject(new Error(`decode worker failed: ${reply.error}`));
    else w.resolve(reply.results);
  }

  private failAll(e: Error): void {
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
