/** Checkpatch-style checks: the only names other stages should import from this folder. */
export { runChecks, type RunChecksOptions } from './run-checks.js';
export { CHECKS, CHECK_CRASHED, checkInfo, findingType, isCheckId, type CheckId } from './registry.js';
export {
  typeFromId,
  patchCheck,
  seriesCheck,
  DEFAULT_CHECK_OPTIONS,
  type Check,
  type CheckHit,
  type CheckInfo,
  type CheckOptions,
} from './check.js';
