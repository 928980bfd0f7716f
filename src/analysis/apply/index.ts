export { applySeries, authorIdent } from './apply-series.js';
export type { ApplyOptions, ApplyResult, PatchApplyStatus } from './apply-series.js';
export type { ApplyFailure } from './failure.js';
export type { UnsafePath, PatchPath } from './paths.js';
export { findUnsafePaths, patchPaths, pathTextProblem } from './paths.js';
export type { BaseTree, Workspace } from './workspace.js';
export { openWorkspace, describeBase } from './workspace.js';
export { isSafeRef, assertSafeRef, resolveCommit, amMbox } from './git.js';
export { liveTempDirs } from './temp-dirs.js';
