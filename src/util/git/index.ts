export { assertSafeRef, isObjectId, isSafeRef, refusedRefMessage } from './refs.js';
export { runGit, tryGit, repositoryAt, scratchAt, stopRunningGit, type GitOutcome, type GitPlace } from './run.js';
export { spawnGit } from './stream.js';
export { PROGRAMS_OFF } from './isolation.js';
export { configValue, globalConfigValue, userConfigValues } from './config.js';
