/**
 * gzip input, recognised by its magic bytes (1f 8b, RFC 1952 §2.3.1) and never by file name,
 * decompressed as a stream so that an mbox.gz of any size is read in constant memory.
 */
import { Readable } from 'node:stream';
import { LimitError } from '../util/errors.js';

/**
 * Decompression-bomb guard: once the output passes MIN_BOMB_OUTPUT bytes, it may be at most
 * MAX_RATIO times the compressed bytes read so far. Real mail archives compress about 1:4 to
 * 1:10; a repetitive mbox reaches 1:50 at most. A zip bomb is beyond 1:1000.
 */
export const MAX_RATIO = 200;
export const MIN_BOMB_OUTPUT = 64 * 1024 * 1024;

/** The gzip data ended early or is corrupt. What was decompressed before it has been yielded. */
export class TruncatedGzip extends Error {
  constructor(
    /** Compressed bytes consumed when zlib gave up. */
    readonly compressedOffset: number,
    /** Decompressed bytes produced before that. */
    readonly decompressedOffset: number,
    readonly zlibMessage: string,
  ) {
    super(`gzip data truncated or corrupt at compressed byte ${compressedOffset}: ${zlibMessage}`);
  }
}

export interface GunzipLimits {
  maxRatio?: number;
  minBombOutput?: number;
}

/**
 * Decompress `chunks`. Yields decompressed chunks; throws TruncatedGzip after the last good
 * byte when the data is cut or corrupt, and LimitError when the ratio guard trips.
 */
export async function* gunzipChunks(
  chunks: AsyncIterable<Buffer>,
  source: string,
  limits: GunzipLimits = {},
): AsyncGenerator<Buffer> {
  const maxRatio = limits.maxRatio ?? MAX_RATIO;
  const minOutput = limits.minBombOutput ?? MIN_BOMB_OUTPUT;
  // zlib loads only for gzip input: most inputs are plain mail.
  const { createGunzip } = await import('node:zlib');
  const gunzip = createGunzip();
  const input = Readable.from(chunks);
  let inputError: unknown = null;
  input.on('error', (e) => {
    inputError = e;
    gunzip.destroy(e);
  });
  input.pipe(gunzip);
  let out = 0;
  try {
    for await (const piece of gunzip as AsyncIterable<Buffer>) {
      out += piece.length;
      if (out > minOutput && out > maxRatio * Math.max(gunzip.bytesWritten, 1)) {
        throw new LimitError(
          { source, offset: gunzip.bytesWritten },
          `gzip expands beyond 1:${maxRatio} (${out} bytes from ${gunzip.bytesWritten}); refusing a likely decompression bomb`,
        );
      }
      yield piece;
    }
  } catch (e) {
    if (e instanceof LimitError || inputError !== null) throw inputError ?? e;
    throw new TruncatedGzip(gunzip.bytesWritten, out, e instanceof Error ? e.message : String(e));
  } finally {
    input.unpipe(gunzip);
    input.destroy();
    gunzip.destroy();
  }
}
