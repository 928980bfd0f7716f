/** Ingest: bytes → RawMessage[]. The only names other stages should import from this folder. */
export { readInput, iterateMessages, type ReadInputOptions } from './read-input.js';
export { decodeMessage } from './decode.js';
export type { IngestLimits } from './items.js';
export { parseGitRange } from './git-range.js';
export { isFromLine } from './mbox.js';
export { isoDate, localIsoDate, utcOffsetMinutes } from './header-values.js';
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
