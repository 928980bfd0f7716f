/**
 * Archives as streams of raw messages, for indexing whole list archives: an mbox (or mbox.gz),
 * a folder of them, a public-inbox v2 epoch, or a public-inbox v2 inbox (its `git/N.git`
 * epochs in order). Messages come out undecoded, each with its position (file + byte offset, or
 * commit id) and a resume cursor, so that the caller decides where to decode (worker threads)
 * and can store how far it got. Damage is a record, not an exception: the rest is still read.
 */
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, LimitError } from '../util/errors.js';
import { mailFilesIn, gunzipChunks, TruncatedGzip, isFromLine, splitMbox, describeFsError, firstLine } from '../ingest/index.js';
import { isEpoch } from './public-inbox.js';
import { MAX_ARCHIVE_MESSAGE, type ArchivePosition, type ArchiveRecord, type ArchiveSource } from './types.js';

/** The sources a path given by the user stands for, in reading order. */
export async function archiveSources(path: string): Promise<ArchiveSource[]> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw new InputError({ source: path }, describeFsError(e));
  }
  if (!info.isDirectory()) return [{ kind: 'mbox', path }];
  if (await isEpoch(path)) return [{ kind: 'epoch', path }];
  const epochs = await inboxEpochs(path);
  if (epochs.length > 0) return epochs.map((p) => ({ kind: 'epoch', path: p }));
  return (await mailFilesIn(path, path)).map((name) => ({ kind: 'mbox', path: join(path, name) }));
}

/** A public-inbox v2 inbox keeps its epochs as `git/0.git`, `git/1.git`, …: read in number order. */
async function inboxEpochs(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(join(dir, 'git'));
  } catch {
    return [];
  }
  const numbered = names.filter((n) => /^\d+\.git$/.test(n)).sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  const epochs = [];
  for (const n of numbered) if (await isEpoch(join(dir, 'git', n))) epochs.push(join(dir, 'git', n));
  return epochs;
}

/** Whether the bytes at `offset` of a file start a message (a `From ` separator line). */
export async function startsMessageAt(path: string, offset: number): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(head, 0, head.length, offset);
    return isFromLine(firstLine(head.subarray(0, bytesRead)));
  } finally {
    await fh.close();
  }
}

export const isGzipFile = async (path: string): Promise<boolean> => {
  const fh = await open(path, 'r');
  try {
    const b = Buffer.alloc(2);
    await fh.read(b, 0, 2, 0);
    return b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    await fh.close();
  }
};

const READ_CHUNK = 1024 * 1024;

/**
 * A file from `start` in chunks read into two buffers in turn, again and again: each chunk is valid until the
 * next is asked for. Fresh memory for every read cost more than all the rest of splitting (page faults: on the
 * real linaro-mm-sig archive 0.5 s of CPU against 0.1 s; issue 18). The next chunk is read while the caller
 * works on this one (into the other buffer, which the caller let go of by asking for this one): reading one
 * chunk at a time left the main thread waiting on the disk for 5% of `index`.
 */
export async function* readInto(path: string, start = 0): AsyncGenerator<Buffer> {
  const fh = await open(path, 'r');
  const buffers = [Buffer.allocUnsafe(READ_CHUNK), Buffer.allocUnsafe(READ_CHUNK)];
  let pending: Promise<{ bytesRead: number }> | null = null;
  try {
    let pos = start;
    let turn = 0;
    const readNext = (): Promise<{ bytesRead: number }> => {
      const read = fh.read(buffers[turn % 2]!, 0, READ_CHUNK, pos);
      // Its failure is thrown where it is awaited, not as an unhandled rejection while the caller works.
      read.catch(() => undefined);
      return read;
    };
    pending = readNext();
    for (;;) {
      const { bytesRead } = await pending;
      pending = null;
      if (bytesRead === 0) return;
      const chunk = buffers[turn % 2]!.subarray(0, bytesRead);
      pos += bytesRead;
      turn += 1;
      pending = readNext();
      yield chunk;
    }
  } finally {
    // A read still under way writes into memory that is about to be dropped: it ends before the file closes.
    await pending?.catch(() => undefined);
    await fh.close();
  }
}

/**
 * The messages of one mbox file from byte `from` (which must start a message; 0 for a whole file).
 * A plain file's records may be views of a reused read buffer: read (or copy) a record's bytes before asking
 * for the next one. A gzipped file is always read whole (it cannot be entered in the middle), and its offsets are
 * in the decompressed stream; a cut gzip ends with a damaged record. A plain file's last message
 * that does not end with a newline was cut in half: it is a damaged record.
 */
export async function* mboxRecords(path: string, from: number, mboxrd: boolean): AsyncGenerator<ArchiveRecord> {
  const gz = await isGzipFile(path);
  const start = gz ? 0 : from;
  const raw = gz ? (createReadStream(path, { start, highWaterMark: READ_CHUNK }) as AsyncIterable<Buffer>) : readInto(path, start);
  const size = (await stat(path)).size;
  let held: { offset: number; bytes: Buffer; oversize?: number } | null = null;
  let lastByte = -1;
  async function* tracked(): AsyncGenerator<Buffer> {
    for await (const c of gz ? gunzipChunks(raw, path) : raw) {
      if (c.length) lastByte = c[c.length - 1]!;
      yield c;
    }
  }
  const position = (offset: number): ArchivePosition => ({ kind: 'offset', source: path, offset });
  try {
    for await (const slice of splitMbox(tracked(), { mboxrd, maxMessageBytes: MAX_ARCHIVE_MESSAGE, reusedChunks: !gz })) {
      const offset = start + slice.offset;
      const message = { offset, bytes: slice.bytes, ...(slice.oversize === undefined ? {} : { oversize: slice.oversize }) };
      // A plain file's message comes out at once, as a view of the read buffer (valid until this generator is
      // resumed); only the last waits, to be told whole from cut.
      if (!gz && slice.last !== true) {
        yield finished(message, String(start + slice.end));
        continue;
      }
      // A gzip cannot be entered in the middle: until its end, the only resume point is its start.
      if (held) yield finished(held, gz ? '0' : String(offset));
      held = message;
    }
  } catch (e) {
    // A cut gzip, or one that expands like a decompression bomb: the rest of this file is lost.
    if (!(e instanceof TruncatedGzip) && !(e instanceof LimitError)) throw e;
    const at = held?.offset ?? 0;
    held = null; // the message being read when the data broke off is not whole
    yield { kind: 'damaged', position: position(at), reason: e.message, resume: String(size) };
    return;
  }
  if (!held) return;
  if (lastByte !== 0x0a && held.oversize === undefined) {
    yield { kind: 'damaged', position: position(held.offset), reason: 'message cut in half: the file ends mid-line', resume: String(size) };
  } else {
    yield finished(held, String(size));
  }

  function finished(m: { offset: number; bytes: Buffer; oversize?: number }, resume: string): ArchiveRecord {
    if (m.oversize === undefined) return { kind: 'raw', position: position(m.offset), bytes: m.bytes, resume };
    return { kind: 'damaged', position: position(m.offset), reason: `message of ${m.oversize} bytes is over the ${MAX_ARCHIVE_MESSAGE}-byte cap: passed over`, resume };
  }
}
