/**
 * Byte sources at the edge of ingest: files and stdin as async Buffer chunks, and a peek that
 * lets the caller look at the first bytes (gzip magic, `From ` line) without losing them.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { InputError, LimitError } from '../util/errors.js';

/** Chunk size for file reads: large enough for throughput, small enough for constant memory. */
const READ_CHUNK = 1024 * 1024;
/** How much a peek reads at most while looking for the end of the first non-blank line. */
const PEEK_LIMIT = 64 * 1024;

/** Chunks of a file; a missing or unreadable file is an InputError naming the path. */
export async function fileChunks(path: string, source: string = path): Promise<AsyncIterable<Buffer>> {
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new InputError({ source }, 'not a regular file');
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError({ source }, describeFsError(e));
  }
  return readStreamChunks(createReadStream(path, { highWaterMark: READ_CHUNK }), source);
}

/** Chunks of stdin. */
export function stdinChunks(): AsyncIterable<Buffer> {
  return readStreamChunks(process.stdin, '-');
}

async function* readStreamChunks(stream: NodeJS.ReadableStream, source: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  } catch (e) {
    throw new InputError({ source }, describeFsError(e));
  }
}

export function describeFsError(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return e instanceof Error ? e.message : String(e);
}

/** The first bytes of a stream, and the whole stream again (head included). */
export interface Peeked {
  head: Buffer;
  chunks: AsyncIterable<Buffer>;
}

/**
 * Read until the first non-blank line is complete (or PEEK_LIMIT / end of input), then hand back
 * an iterable that replays those bytes before the rest.
 */
export async function peek(chunks: AsyncIterable<Buffer>): Promise<Peeked> {
  const it = chunks[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < PEEK_LIMIT && !firstLineComplete(seen, size)) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(seen);
  async function* replay(): AsyncGenerator<Buffer> {
    if (head.length) yield head;
    if (done) return;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  }
  return { head, chunks: replay() };
}

function firstLineComplete(seen: Buffer[], size: number): boolean {
  if (size === 0) return false;
  const head = Buffer.concat(seen);
  const start = skipBlank(head);
  return start < head.length && head.indexOf(0x0a, start) >= 0;
}

/** Index of the first byte that is not blank space (space, tab, CR, LF). */
export function skipBlank(head: Uint8Array): number {
  let i = 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  return i;
}

/** The first non-blank line, newline included; git mailsplit skips blank space before it too. */
export function firstLine(head: Buffer): Buffer {
  const i = skipBlank(head);
  const nl = head.indexOf(0x0a, i);
  return head.subarray(i, nl < 0 ? head.length : nl + 1);
}

export const isGzip = (head: Buffer): boolean => head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;

/** Collect a whole (bounded) stream; used for single messages, which must fit in memory anyway. */
export async function collect(chunks: AsyncIterable<Buffer>, limit: number, source: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const c of chunks) {
    size += c.length;
    if (size > limit) throw new LimitError({ source }, `a single message larger than ${limit} bytes`);
    parts.push(c);
  }
  return Buffer.concat(parts);
}
