#!/usr/bin/env node
// TUI bench (run `npm run build` first; uses the compiled dist/):
//   1. time to first frame on the bundled RFC series and on a generated 300-patch series
//      (load + checks + model + first render, in process), and cold start in a real pty via tmux;
//   2. per-keystroke render time scrolling a 20,000-line diff (key written → frame written).
// Usage: node bench/tui-bench.mjs [--keys N]
import { resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createElement } from 'react';
import { render } from 'ink-testing-library';

process.env.FORCE_COLOR = '0';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const load = (p) => import(pathToFileURL(resolve(root, 'dist', p)).href);
const MBOX = resolve(root, 'fixtures/dmabuf-mapping-types/series.mbox');
const keysArg = process.argv.indexOf('--keys');
const KEYS = keysArg > 0 ? Number(process.argv[keysArg + 1]) : 300;

const { App } = await load('present/tui/App.js');
const { loadSeriesSet } = await load('series/index.js');
const { runChecks } = await load('analysis/checks/index.js');
const { makeLargeSeries, makeSeries, makeSet } = await load('present/tui/testing/fixtures.test-util.js');

/** Renders and resolves when Ink has written its first frame; returns the instance too. */
async function firstFrame(data) {
  const t0 = performance.now();
  const app = render(createElement(App, { data: data() }));
  while (app.frames.length === 0) await new Promise((r) => setImmediate(r));
  return { ms: performance.now() - t0, app };
}

async function timeToFirstFrame(name, makeData) {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const { ms, app } = await firstFrame(makeData);
    runs.push(ms);
    app.unmount();
  }
  runs.sort((a, b) => a - b);
  console.log(`first frame  ${name.padEnd(28)} median ${runs[2].toFixed(1)} ms  (min ${runs[0].toFixed(1)}, max ${runs[4].toFixed(1)})`);
}

/** Writes a key and waits for the frame it causes. */
async function keyLatency(app, key) {
  const before = app.frames.length;
  const t0 = performance.now();
  app.stdin.write(key);
  while (app.frames.length === before) await new Promise((r) => setImmediate(r));
  return performance.now() - t0;
}

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

async function scrollBench() {
  const big = makeSeries([{ index: 1, summary: 'treewide: generated 20k-line change', adds: 20000 }]);
  const { app } = await firstFrame(() => ({ set: makeSet([big]), findings: [] }));
  await keyLatency(app, 'j');
  const t0 = performance.now();
  await keyLatency(app, '\r');
  const open = performance.now() - t0;
  const lat = [];
  for (let i = 0; i < KEYS; i++) lat.push(await keyLatency(app, i % 50 === 49 ? '\x1b[6~' : 'j'));
  lat.push(await keyLatency(app, 'G'));
  lat.sort((a, b) => a - b);
  console.log(`open 20k-line patch          ${open.toFixed(1)} ms (builds its rows once)`);
  console.log(`keystroke on 20k-line diff   median ${pct(lat, 0.5).toFixed(2)} ms  p95 ${pct(lat, 0.95).toFixed(2)} ms  max ${lat[lat.length - 1].toFixed(2)} ms  (${lat.length} keys: j, PgDn, G)`);
  app.unmount();
}

/** Cold start in a real terminal: process start to the patch table on screen. */
function coldStart() {
  if (spawnSync('tmux', ['-V']).status !== 0) return console.log('cold start   (tmux not installed: skipped)');
  const socket = `tui-bench-${process.pid}`;
  const tmux = (...a) => execFileSync('tmux', ['-L', socket, ...a], { encoding: 'utf8' });
  const runs = [];
  try {
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      tmux('new-session', '-d', '-s', `b${i}`, '-x', '120', '-y', '40', 'node', resolve(root, 'test/tui-e2e-run.mjs'), MBOX);
      while (!tmux('capture-pane', '-p', '-t', `b${i}`).includes('patchscope ›')) spawnSync('sleep', ['0.01']);
      runs.push(performance.now() - t0);
      tmux('send-keys', '-t', `b${i}`, 'Q');
    }
  } finally {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  }
  runs.sort((a, b) => a - b);
  console.log(`cold start   bundled series in tmux 120x40   median ${runs[1].toFixed(0)} ms  (min ${runs[0].toFixed(0)}, max ${runs[2].toFixed(0)})`);
}

// React's development build costs ~30% per keystroke; run with NODE_ENV=production to see what a production bin gets.
console.log(`NODE_ENV=${process.env.NODE_ENV ?? '(unset: React development build)'}`);
if (existsSync(MBOX)) {
  const set = await loadSeriesSet(MBOX);
  const findings = set.series.flatMap((s) => runChecks(s));
  await timeToFirstFrame('bundled RFC (render only)', () => ({ set, findings }));
  const t0 = performance.now();
  const loaded = await loadSeriesSet(MBOX);
  const checked = loaded.series.flatMap((s) => runChecks(s));
  const loadMs = performance.now() - t0;
  console.log(`load+checks  bundled RFC                  ${loadMs.toFixed(1)} ms (${loaded.messages} messages, ${checked.length} findings)`);
} else console.log('bundled series missing: skipped');
await timeToFirstFrame('generated 300 patches', () => ({ set: makeSet([makeLargeSeries(300)]), findings: [] }));
await scrollBench();
if (existsSync(MBOX)) coldStart();
process.exit(0);
