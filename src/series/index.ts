/** Series: RawMessage[] → SeriesSet. The only names other stages should import from this folder. */
export { buildSeriesSet, countPlaced } from './build.js';
export { loadSeriesSet, type LoadOptions } from './load.js';
export { toShowJson, toShowSeries } from './serialize.js';
export { latestVersion } from './latest.js';
export type { ShowJson, ShowSeries, ShowPatch, ShowCover, ShowReply, ShowTrailer, ShowPerson } from './serialize.js';
export { parseSubject } from './subject.js';
export { threadMessages, descendants, synthesiseMessageId, type MessageThreads } from './thread.js';
export {
  commitTrailers, replyTrailers, canonicalTrailerKey, formatTrailer, mergeTrailers, isSameTrailer, ownTrailers, addedTrailers, numberLines,
  NON_PERSON_KEYS, type ReplyContext,
} from './trailers.js';
export { parsePerson, sameMailbox } from './person.js';
export { splitPatchBody, isPatchBreak, type PatchBodySplit } from './split.js';
export { parseDiff, diffstatMismatches, type ParsedDiff } from './diff.js';
export { parseDiffstat } from './diffstat.js';
export { splitReply, type SplitReply } from './replies.js';
export type * from './types.js';
// For the archive stage: grouping one conversation at a time out of an index.
export { classify, withBody, type ClassifiedMessage, type MessageKind } from './classify.js';
export { groupSeries, threadRoots, type SeriesDraft } from './group.js';
// For the archive stage's two-pass `show`: group on light messages, then build one draft at a time.
export { SeriesGrouping, assembleSeries, type DraftLayout, type ReplySlot, type BuiltVersion } from './build.js';
export { HEADERS_READ } from './assemble.js';
