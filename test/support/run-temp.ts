// One temporary folder per test run, under which every test's temporary files go (TMPDIR points
// at it for the workers and the programs they start), removed when the run ends whatever its
// outcome: a failed or timed-out test, or a fixture generation given up half way, leaves nothing
// in the system temp folder (issue 17, bug 9: patchscope-fixture-* folders stayed behind).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const RUN_TEMP_PREFIX = 'patchscope-test-run-';

/**
 * Points TMPDIR at a fresh folder, and XDG_CACHE_HOME inside it (the TUI's parsed-series cache must
 * not write to the tester's home); returns the teardown that removes it and restores both.
 */
export function useRunTempDir(env: NodeJS.ProcessEnv = process.env): { dir: string; teardown: () => void } {
  const outer = { TMPDIR: env.TMPDIR, XDG_CACHE_HOME: env.XDG_CACHE_HOME };
  const dir = mkdtempSync(join(tmpdir(), RUN_TEMP_PREFIX));
  env.TMPDIR = dir;
  env.XDG_CACHE_HOME = join(dir, 'cache');
  return {
    dir,
    teardown: () => {
      rmSync(dir, { recursive: true, force: true });
      for (const [k, v] of Object.entries(outer)) {
        if (v === undefined) delete env[k];
        else env[k] = v;
      }
    },
  };
}
