// CLI tests run the real binary (bin/patchscope → dist/). Build once per test run so they never
// exercise a stale dist/ left from an earlier `npm install`.
// Also the one place that speaks of ../shared: absent in a plain clone (its suites skip, said once
// here), required under CI=true (CI always lays it beside the clone).
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { hasShared, SHARED_DIR } from './support/shared.js';
import { useRunTempDir } from './support/run-temp.js';

export default function setup(): () => void {
  const root = resolve(__dirname, '..');
  const { dir, teardown } = useRunTempDir();
  // The TUI keeps review state under XDG_STATE_HOME: tests get their own (inside the run's folder), never the user's reviews.
  process.env.XDG_STATE_HOME = join(dir, 'state');
  try {
    prepare(root);
  } catch (e) {
    teardown();
    throw e;
  }
  return teardown;
}

function prepare(root: string): void {
  execFileSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', root], { stdio: 'inherit' });
  // bin/patchscope runs the bundle when it is newer than tsc's output: build it too, so the CLI tests run it.
  execFileSync(process.execPath, [resolve(root, 'scripts/bundle.mjs')], { stdio: 'inherit' });
  if (!hasShared()) {
    if (process.env.CI === 'true') {
      throw new Error(`${SHARED_DIR} is missing: CI must run the suites over ../shared (conformance, corpus, checkpatch)`);
    }
    process.stderr.write(`patchscope tests: ${SHARED_DIR} not found; the suites over its data are skipped.\n`);
  }
}
