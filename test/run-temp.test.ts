import { describe, it, expect } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { RUN_TEMP_PREFIX, useRunTempDir } from './support/run-temp.js';

describe('temporary files of a test run (issue 17, bug 9)', () => {
  it("go under the run's own folder, which the global teardown removes whatever the outcome", () => {
    // A test that fails before its own cleanup (or a fixture generation cut short) leaves its folder
    // here, not in the system temp folder.
    expect(basename(tmpdir())).toMatch(new RegExp(`^${RUN_TEMP_PREFIX}`));
    const leaked = mkdtempSync(join(tmpdir(), 'patchscope-fixture-'));
    expect(dirname(leaked)).toBe(tmpdir());
    // The TUI's parse cache too: nothing is written to the tester's home.
    expect(process.env.XDG_CACHE_HOME).toBe(join(tmpdir(), 'cache'));
  });

  it('teardown removes what was left in it, nested folders included, and restores TMPDIR', () => {
    const env: NodeJS.ProcessEnv = { TMPDIR: tmpdir() };
    const { dir, teardown } = useRunTempDir(env);
    expect(env.TMPDIR).toBe(dir);
    expect(env.XDG_CACHE_HOME).toBe(join(dir, 'cache'));
    mkdirSync(join(dir, 'patchscope-fixture-x', 'repo'), { recursive: true });
    writeFileSync(join(dir, 'patchscope-fixture-x', 'repo', 'file'), 'left behind by a failed test');
    teardown();
    expect(existsSync(dir)).toBe(false);
    expect(env.TMPDIR).toBe(tmpdir());
    expect('XDG_CACHE_HOME' in env).toBe(false);
  });
});
