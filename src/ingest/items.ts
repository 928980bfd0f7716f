/**
 * What every ingest path shares: the running counter (indexes, progress), message origins, and
 * the rule that a message that cannot be decoded becomes a skipped item, not an exception.
 */
import { InputError } from '../util/errors.js';
import { decodeMessage } from './decode.js';
import { rawMessageId } from './header-values.js';
import type { IngestItem, MessageOrigin } from './types.js';

/** Running totals of one readInput call, shared by every file of a folder. */
export interface IngestCounter {
  /** Items produced so far (messages and skipped); the next item's index is this + 1. */
  items: number;
  /** Raw input bytes read so far (compressed bytes for gzip). */
  bytes: number;
  onProgress?: ((p: { messages: number; bytes: number }) => void) | undefined;
}

/** Resource limits a user may raise or lower (defaults in stream-items.ts and gzip.ts). */
export interface IngestLimits {
  /** Largest message held in memory, in bytes; a larger mbox message is skipped, a larger single message refused. */
  maxMessageBytes?: number;
  /** Largest gzip expansion ratio accepted (decompression-bomb guard). */
  gzipMaxRatio?: number;
}

/** Where the items of one stream go: names for their origins and the shared counter. */
export interface StreamTarget {
  source: string;
  file?: string;
  mboxrd: boolean | 'marked';
  counter: IngestCounter;
  limits?: IngestLimits;
}

/** Count raw bytes as they pass, for progress reports. */
export async function* counted(chunks: AsyncIterable<Buffer>, counter: IngestCounter): AsyncGenerator<Buffer> {
  for await (const c of chunks) {
    counter.bytes += c.length;
    yield c;
  }
}

export function nextOrigin(t: StreamTarget, offset: number | null): MessageOrigin {
  const origin: MessageOrigin = { source: t.source, index: t.counter.items + 1, offset };
  if (t.file !== undefined) origin.file = t.file;
  return origin;
}

/** An item for something that yielded no message (a cut gzip, an unreadable file, an oversized message), with why. */
export function skippedItem(t: StreamTarget, reason: string, offset: number | null = null): IngestItem {
  const origin = nextOrigin(t, offset);
  t.counter.items += 1;
  t.counter.onProgress?.({ messages: t.counter.items, bytes: t.counter.bytes });
  return { kind: 'skipped', skipped: { origin, messageId: null, reason } };
}

/** Decode one message into an item; a decoding failure becomes a skipped item with the reason. */
export async function decodeItem(bytes: Uint8Array, origin: MessageOrigin, counter: IngestCounter): Promise<IngestItem> {
  counter.items += 1;
  let item: IngestItem;
  try {
    item = { kind: 'message', message: await decodeMessage(bytes, origin) };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    item = { kind: 'skipped', skipped: { origin, messageId: rawMessageId(bytes), reason: e.problem } };
  }
  counter.onProgress?.({ messages: counter.items, bytes: counter.bytes });
  return item;
}

/** The source as an InputLocation names it (folder/file for a folder's files). */
export function where(t: StreamTarget): { source: string } {
  return { source: t.file === undefined ? t.source : `${t.source}/${t.file}` };
}
