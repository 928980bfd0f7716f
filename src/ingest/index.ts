/** Ingest: bytes → RawMessage[]. The only names other stages should import from this folder. */
export { readInput, iterateMessages, readSearch, remoteRef, type ReadInputOptions } from './read-input.js';
export {
  parseRemoteSpec, resolveServer, serverFor, RemoteError, DEFAULT_SERVER, DEFAULT_CACHE_MAX_AGE_SECONDS, defaultCacheDir,
  type RemoteRef, type RemoteOptions, type RemoteFailure, type ServerChoice,
} from './remote/index.js';
export { decodeMessage, type DecodeOptions } from './decode.js';
export type { IngestLimits } from './items.js';
export { parseGitRange } from './git-range.js';
export { isoDate, localIsoDate, utcOffsetMinutes } from './header-values.js';
export { unknownCharsets } from './header-values.js';
export type {
  Header,
  IngestItem,
  IngestResult,
  MessageOrigin,
  Person,
  RawMessage,
  SkippedMessage,
  TextAttachment,
} from './types.js';
// For the archive stage: reading whole list archives message by message.
export { toRawMessage, withoutFlowed, MAX_HEADERS_BYTES, FLOWED_PARAM, ONLY_OWN_HEADERS } from './decode.js';
export { parsePlainMail, decoderFor as plainBodyDecoder, decodeBody, SIMPLE_TYPE } from './plain-mail.js';
export { walkMime, type WalkedMail } from './mime-walk.js';
export { asEightBit, decodeBase64, decodeQuotedPrintable } from './transfer-decoding.js';
export { Scratch } from './scratch.js';
export { contentTypeLines } from './content-type-lines.js';
export { isFromLine, splitMbox, unquoteMboxrd } from './mbox.js';
export { gunzipChunks, TruncatedGzip } from './gzip.js';
export { mailFilesIn } from './format-patch-dir.js';
export { describeFsError, firstLine } from './source.js';
// For the archive stage's two-pass `show` of a large mbox: the same cap and skip naming as readInput.
export { MAX_SINGLE_MESSAGE } from './eml.js';
export { rawMessageId } from './header-values.js';
