/** The real checkpatch.pl, run beside the native checks when one is found. */
export { locateCheckpatch, type CheckpatchChoice, type LocateOptions } from './locate.js';
export { runCheckpatch, type CheckpatchRun } from './run.js';
export { mergeFindings } from './merge.js';
export { patchAsMail, MAIL_HEADER_LINES } from './mail-form.js';
export { parseTerse } from './parse.js';
