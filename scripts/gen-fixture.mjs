#!/usr/bin/env node
// Regenerate fixtures/dmabuf-mapping-types/series.mbox from base/ and the
// steps in scripts/fixture/. With --check, regenerate in a temporary
// directory and exit 1 when the committed mbox differs byte for byte.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSeries } from './fixture/generate.mjs';
import { SERIES_V1 } from './fixture/series-v1.mjs';
import { SERIES_V2 } from './fixture/series-v2.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURE_DIR = join(ROOT, 'fixtures', 'dmabuf-mapping-types');
export const SEED_PATH = resolve(ROOT, '..', 'shared', 'reference', 'thread-reply-2026-04-22.txt');

/** The outputs of this script: one spec per series version. */
export const OUTPUTS = [
  { spec: SERIES_V1, file: 'series.mbox' },
  { spec: SERIES_V2, file: 'series-v2.mbox' },
];

async function main(argv) {
  const check = argv.includes('--check');
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`usage: node scripts/gen-fixture.mjs [--check]\nunknown argument: ${unknown[0]}\n`);
    return 2;
  }
  let status = 0;
  for (const { spec, file } of OUTPUTS) {
    const result = await generateSeries(spec, { baseDir: join(FIXTURE_DIR, 'base'), seedPath: SEED_PATH });
    result.cleanup();
    const target = join(FIXTURE_DIR, file);
    if (!check) {
      writeFileSync(target, result.mbox);
      process.stdout.write(`wrote ${target} (${result.mbox.length} bytes, base ${result.baseSha}, tree ${result.finalTree})\n`);
      continue;
    }
    let committed = null;
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      committed = null;
    }
    if (committed !== result.mbox) {
      process.stderr.write(`${target}: differs from a fresh generation; run node scripts/gen-fixture.mjs\n`);
      status = 1;
    } else process.stdout.write(`${target}: up to date\n`);
  }
  return status;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`gen-fixture: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
