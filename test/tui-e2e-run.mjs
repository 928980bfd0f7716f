#!/usr/bin/env node
// Starts the review TUI on an input (default: the bundled RFC series) from the compiled dist/, as
// `patchscope [INPUT]` will once the CLI wires runTui. Used by test/tui-e2e.test.ts and bench/tui-bench.mjs.
import { resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const load = (p) => import(pathToFileURL(resolve(root, 'dist', p)).href);
const input = process.argv[2] ?? resolve(root, 'fixtures/dmabuf-mapping-types/series.mbox');

const { loadSeriesSet } = await load('series/index.js');
const { runChecks } = await load('analysis/checks/index.js');
const { runTui } = await load('present/tui/index.js');
const set = await loadSeriesSet(input);
const findings = set.series.flatMap((s) => runChecks(s));
await runTui({ set, findings });
