/**
 * postal-mime, loaded the first time a message needs it (MIME structure, encoded words): most list mail takes the
 * plain fast path or the MIME walk, and loading the library costs every `show` and `am` start-up time. Its
 * CommonJS build loads synchronously, so header decoding stays synchronous.
 */
import { createRequire } from 'node:module';

let postal: typeof import('postal-mime') | null = null;
export function postalMime(): typeof import('postal-mime') {
  postal ??= createRequire(import.meta.url)('postal-mime') as typeof import('postal-mime');
  return postal;
}

/**
 * Total header bytes postal-mime accepts per message (its own default is 2 MiB). A 1 MB header
 * line still decodes; a message over this limit is skipped with the library's reason.
 */
export const MAX_HEADERS_BYTES = 4 * 1024 * 1024;
