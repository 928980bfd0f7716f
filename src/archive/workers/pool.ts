/**
 * A small pool of decode workers. The caller submits batches in archive order and awaits their
 * promises in the same order, so parallel decoding never reorders rows.
 */
import { Worker } from 'node:worker_threads';
import type { ArchivePosition } from '../types.js';
import { decodeRow, type RowResult } from '../record.js';
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
 * Pack a batch. Structured cloning a Buffer view copies its whole backing ArrayBuffer (a 1 MiB
 * read chunk per message), so the bytes are copied once into a buffer of their own and moved.
 */
export function packJob(seq: number, messages: DecodeMessage[], spare?: ArrayBuffer): DecodeJob {
  const size = messages.reduce((n, m) => n + m.bytes.length, 0);
  // A buffer a worker gave back is used again when it is large enough: fresh memory for every batch cost
  // page faults (issue 18).
  // New ones get a quarter of headroom, as batches differ in size.
  const buffer = spare !== undefined && spare.byteLength >= size ? spare : new ArrayBuffer(Math.ceil(size * 1.25));
  const data = new Uint8Array(buffer, 0, size);
  let at = 0;
  const packed = messages.map((m) => {
    data.set(m.bytes, at);
    at += m.bytes.length;
    return { start: at - m.bytes.length, end: at, position: m.position, index: m.index, mboxrd: m.mboxrd };
  });
  return { seq, data, messages: packed };
}

type Reply = { seq: number; results: RowResult[]; data?: ArrayBuffer } | { seq: number; error: string };

/** Decodes batches: in `threads` workers, or on this thread when `threads` is 0. */
export interface Decoder {
  decode(messages: DecodeMessage[]): Promise<RowResult[]>;
  close(): Promise<void>;
}

export function createDecoder(threads: number): Decoder {
  if (threads <= 0) {
    return {
      decode: async (messages) => {
        const out: RowResult[] = [];
        for (const m of messages) out.push(await decodeRow(m.bytes, m.position, m.index, m.mboxrd));
        return out;
      },
      close: async () => undefined,
    };
  }
  return new WorkerDecoder(threads);
}

class WorkerDecoder implements Decoder {
  private readonly workers: { worker: Worker; busy: number }[];
  private readonly waiting = new Map<number, { resolve: (r: RowResult[]) => void; reject: (e: Error) => void }>();
  private seq = 0;
  /** Batch buffers the workers gave back, to pack the next batches into. */
  private readonly spare: ArrayBuffer[] = [];

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

  decode(messages: DecodeMessage[]): Promise<RowResult[]> {
    const seq = this.seq++;
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy += 1;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      const job = packJob(seq, messages, this.spare.pop());
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
