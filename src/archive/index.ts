/** The archive series index: the names other stages (the CLI) should import from this folder. */
export { indexArchives, indexExitCode, defaultThreads, type IndexOptions, type IndexProgress, type IndexSummary } from './index-archives.js';
export { findSeries, loadSeriesById, readSeriesMessages, type FoundSeries, type FoundVersion } from './find.js';
export { openIndex, type Database } from './sqlite.js';
export { defaultIndexPath } from './paths.js';
export type { SkippedRecord } from './read-source.js';
export { indexState, indexedSources, type IndexState } from './index-state.js';
export { isBeingWritten } from './writer-lock.js';
export { TwoPassShow, TwoPassMismatch, isRereadableMbox, type TwoPassOptions } from './two-pass-show.js';
