export { rangeDiff, DEFAULT_CREATION_FACTOR, type RangeDiffOptions } from './range-diff.js';
export type {
  RangeDiff, RangeDiffEntry, RangeDiffPatchRef, RangeDiffSide, SamePair, ChangedPair, DroppedPatch, AddedPatch, TrailerDelta,
} from './types.js';
export { seriesFromLiteral, type SeriesLiteral, type PatchLiteral, type ReplyLiteral } from './series-literal.js';
export {
  findServerVersions, seriesKeys, versionQuery, versionsFromMessages, newerThan,
  type KnownVersion, type SeriesKeys,
} from './server-versions.js';
