/**
 * A byte stream → IngestItems. Decides the kind from content, never from the name:
 * gzip by magic bytes, mbox when the first non-blank line is a `From ` separator (git's
 * `is_from_line`), otherwise a single message.
 */
import { InputError } from '../util/errors.js';
import { MAX_SINGLE_MESSAGE, singleMessageItem } from './eml.js';
import { gunzipChunks, TruncatedGzip } from './gzip.js';
import { decodeItem, nextOrigin, skippedItem, where, type StreamTarget } from './items.js';
import { isFromLine, splitMbox } from './mbox.js';
import { collect, firstLine, isGzip, peek } from './source.js';
import type { IngestItem } from './types.js';

/** Items of one byte stream (a file, stdin, git output), whatever its kind. */
export async function* itemsFromChunks(chunks: AsyncIterable<Buffer>, t: StreamTarget): AsyncGenerator<IngestItem> {
  const { head, chunks: all } = await peek(chunks);
  if (head.length === 0) throw new InputError(where(t), 'empty input');
  if (isGzip(head)) {
    yield* gzipItems(all, t);
  } else if (isFromLine(firstLine(head))) {
    const maxMessageBytes = t.limits?.maxMessageBytes ?? MAX_SINGLE_MESSAGE;
    for await (const slice of splitMbox(all, { mboxrd: t.mboxrd, maxMessageBytes })) {
      // An oversized message is passed over, not held, and still accounted for (count in == count out).
      if (slice.oversize !== undefined) {
        yield skippedItem(t, `message of ${slice.oversize} bytes is larger than the per-message cap of ${maxMessageBytes} bytes`, slice.offset);
        continue;
      }
      const item = await decodeItem(slice.bytes, nextOrigin(t, slice.offset), t.counter);
      // The `From ` separator line is not in the slice but is line 1 of the file checkpatch.pl numbers.
      if (item.kind === 'message' && item.message.bodyOffsetLines !== undefined) item.message.bodyOffsetLines += 1;
      yield item;
    }
  } else {
    yield await singleMessageItem(await collect(all, t.limits?.maxMessageBytes ?? MAX_SINGLE_MESSAGE, t.source), t);
  }
}

/**
 * gzip: the decompressed stream is read like any other (mbox or single message). When the gzip
 * data is cut or corrupt, the messages completed before that point stand and the message that
 * was being read becomes a skipped item naming the compressed byte offset.
 */
async function* gzipItems(chunks: AsyncIterable<Buffer>, t: StreamTarget): AsyncGenerator<IngestItem> {
  try {
    yield* itemsFromChunks(gunzipChunks(chunks, t.source, { maxRatio: t.limits?.gzipMaxRatio }), t);
  } catch (e) {
    if (!(e instanceof TruncatedGzip)) throw e;
    yield skippedItem(t, `${e.message} (after ${e.decompressedOffset} decompressed bytes); the messages before it were kept`);
  }
}
