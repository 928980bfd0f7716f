#!/usr/bin/env node
// Long-mode fuzzing (issue 7): `node scripts/fuzz.mjs --runs 100000 [--seed N]`.
// Runs test/fuzz/fuzz.test.ts with more runs (and the 26-patch series among the seeds) through
// vitest, without the dist/ build the full suite needs. A failing input is saved (with the seed
// file and mutations that made it) under --save DIR, default $TMPDIR/patchscope-fuzz-failures:
// keep it in test/corpus/ as a regression input once fixed.
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
    save: { type: 'string', default: join(tmpdir(), 'patchscope-fuzz-failures') },
  },
});
for (const [name, value] of [['--runs', values.runs], ['--seed', values.seed]]) {
  if (!/^\d+$/.test(value)) {
    process.stderr.write(`fuzz: ${name} takes a whole number, got ${JSON.stringify(value)}\n`);
    process.exit(2);
  }
}
process.stderr.write(`fuzz: ${values.runs} runs, seed ${values.seed}, failures saved in ${values.save}\n`);
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', '--config', join(root, 'test/fuzz/vitest.fuzz.config.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PATCHSCOPE_FUZZ_RUNS: values.runs,
    PATCHSCOPE_FUZZ_SEED: values.seed,
    PATCHSCOPE_FUZZ_SAVE: values.save,
  },
});
process.exit(run.status ?? 1);
