// Data that lives outside the repository, in ../shared beside the clone: git's and b4's conformance
// samples, the real-thread corpus, the kernel's checkpatch. A plain clone without it must still pass
// `npm test` (the suites over it are skipped, and test/global-setup.ts says so once); under CI=true a
// missing ../shared is a failure, because CI always has it.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_DIR = resolve(REPO_ROOT, '..', 'shared');

/** A path inside ../shared (it may not exist: see hasShared). */
export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

/** Whether ../shared/<parts> is there. */
export function hasShared(...parts: string[]): boolean {
  return existsSync(sharedPath(...parts));
}

/**
 * A suite over ../shared data: skipped when the data is absent (global setup reports that once),
 * run when present. Under CI=true global setup has already failed the run if ../shared is missing.
 */
export function describeShared(name: string, parts: string[], body: () => void): void {
  // Vitest collects a skipped suite's body too; without the data the body is not even called, so a
  // suite may list ../shared's files while it is collected.
  if (hasShared(...parts)) describe(name, body);
  else describe.skip(name, () => {});
}
