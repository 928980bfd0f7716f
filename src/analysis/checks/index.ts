export { runChecks, type RunChecksOptions } from './run-checks.js';
export { CHECKS, CHECK_CRASHED, checkInfo, isCheckId, type CheckId } from './registry.js';
export { typeFromId, DEFAULT_CHECK_OPTIONS, type CheckInfo, type CheckOptions } from './check.js';
