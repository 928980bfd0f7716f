#!/usr/bin/env node
// `npm run bench`: every benchmark, each reporting ratios against a baseline measured in the same
// run (git mailsplit, git am, Python's email parser). Builds dist/ and its bundle first so the figures are of the
// shipped JavaScript. `--only NAME[,NAME]` runs a subset; with a single NAME the other flags go to it
// (each bench has its own, e.g. `--only ingest --mb 1000`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
// Every bench/NAME-bench.mjs is a bench: a new one needs no entry here.
const BENCHES = readdirSync(here).filter((f) => f.endsWith('-bench.mjs')).map((f) => f.slice(0, -'-bench.mjs'.length)).sort();

const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? argv[onlyAt + 1].split(',') : BENCHES;
const rest = onlyAt >= 0 ? [...argv.slice(0, onlyAt), ...argv.slice(onlyAt + 2)] : argv;
if (rest.length && only.length !== 1) {
  process.stderr.write('bench: flags go to one bench at a time: use --only NAME\n');
  process.exit(2);
}
const passOn = rest;

// tsc's dist/, then the bundle bin/patchscope runs (scripts/bundle.mjs): `npm run build`.
for (const step of [[resolve(root, 'node_modules/typescript/bin/tsc'), '-p', root], [resolve(root, 'scripts/bundle.mjs')]]) {
  const build = spawnSync(process.execPath, step, { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let failed = 0;
for (const name of only) {
  const file = resolve(here, `${name}-bench.mjs`);
  if (!existsSync(file)) {
    process.stdout.write(`\n== ${name}: no bench/${name}-bench.mjs, skipped\n`);
    continue;
  }
  process.stdout.write(`\n== ${name}\n`);
  const r = spawnSync(process.execPath, [file, ...passOn], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
