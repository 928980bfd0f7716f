#!/usr/bin/env node
// TUI bench (run `npm run build` first; uses the compiled dist/):
//   1. time to first frame on the bundled RFC series and on a generated 300-patch series
//      (load + checks + model + first render, in process), and whole-process start in a real pty via tmux against `node -e 0`;
//   2. per-keystroke render time scrolling a 20,000-line diff (key written → frame written).
//   `--before DIR`: the cold start also of a built checkout of an earlier commit (its bin/patchscope), interleaved.
// Usage: node bench/tui-bench.mjs [--keys N] [--cold-only] [--index DB] [--before DIR]
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
let makeLargeSeries, makeSeries, makeSet;

/** Test helpers are left out of dist/: compile the one the bench needs into a temp folder, removed at exit. */
async function loadTestUtil(rel) {
  const out = mkdtempSync(join(tmpdir(), 'patchscope-bench-'));
  process.on('exit', () => rmSync(out, { recursive: true, force: true }));
  const tsc = spawnSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '--ignoreConfig', '--outDir', out, '--rootDir', resolve(root, 'src'),
    '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2023', '--skipLibCheck', '--types', 'node', resolve(root, 'src', rel)], { stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error(`bench: could not compile ${rel}`);
  // An ES module needs a package.json saying so beside it.
  writeFileSync(join(out, 'package.json'), '{"type":"module"}');
  return import(pathToFileURL(join(out, rel.replace(/\.ts$/, '.js'))).href);
}

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

/**
 * Whole-process start in a real terminal (tmux, 120x40): `patchscope INPUT` spawned to its first
 * frame on screen (the status line), and to the first key handled (`j` sent at once moves the
 * cursor to patch 01: Ink has loaded). Baseline in the same run and the same way: `node -e 0`
 * spawned to a marker its shell prints after it. Medians of 7, alternating with the baseline.
 */
function coldStart(inputs, index) {
  if (spawnSync('tmux', ['-V']).status !== 0) return console.log('cold start   (tmux not installed: skipped)');
  const socket = `tui-bench-${process.pid}`;
  const tmux = (...a) => execFileSync('tmux', ['-L', socket, ...a], { encoding: 'utf8' });
  let n = 0;
  /** Spawns `cmd` in a fresh pane; resolves the ms until each test in `marks` holds, in order. */
  const timed = (cmd, marks, onFirst = () => {}) => {
    const name = `s${n++}`;
    const t0 = performance.now();
    tmux('new-session', '-d', '-s', name, '-x', '120', '-y', '40', '-e', 'NODE_ENV=production', cmd);
    const out = [];
    let first = '';
    for (const mark of marks) {
      for (let screen = ''; !mark(screen, first); screen = tmux('capture-pane', '-p', '-t', name)) {
        if (performance.now() - t0 > 60000) throw new Error(`cold start: timed out on ${cmd}`);
      }
      out.push(performance.now() - t0);
      if (out.length === 1) {
        first = tmux('capture-pane', '-p', '-t', name);
        onFirst(name);
      }
    }
    spawnSync('tmux', ['-L', socket, 'kill-session', '-t', name]);
    return out;
  };
  const cursorRow = (screen) => /^›\d+ /m.exec(screen)?.[0] ?? '';
  const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  try {
    for (const [label, input] of inputs) {
      const base = [];
      const bins = [['', resolve(root, 'bin/patchscope')], ...(BEFORE ? [['before: ', BEFORE]] : [])];
      const frame = bins.map(() => []);
      const key = bins.map(() => []);
      for (let i = 0; i < 7; i++) {
        base.push(timed(`node -e 0; echo READY; sleep 60`, [(s) => s.includes('READY')])[0]);
        bins.forEach(([, bin], j) => {
          const [f, k] = timed(`node ${bin} ${input}`,
            [(s) => s.includes('patchscope ›'), (s, first) => cursorRow(s) !== cursorRow(first)], (name) => tmux('send-keys', '-t', name, 'j'));
          frame[j].push(f);
          key[j].push(k);
        });
      }
      const b = med(base);
      bins.forEach(([tag], j) => {
        const f = med(frame[j]);
        const k = med(key[j]);
        console.log(`cold start   ${(tag + label).padEnd(42)} first frame median ${f.toFixed(0)} ms (${(f / b).toFixed(2)}x), first key handled ${k.toFixed(0)} ms (${(k / b).toFixed(2)}x); baseline node -e 0 median ${b.toFixed(0)} ms (same run, tmux 120x40)`);
      });
    }
    if (index) {
      // `patchscope pick` on an archive index: the picker on screen, and a typed letter filtering it.
      const base = [];
      const frame = [];
      const key = [];
      for (let i = 0; i < 7; i++) {
        base.push(timed(`node -e 0; echo READY; sleep 60`, [(s) => s.includes('READY')])[0]);
        const [f, k] = timed(`node ${resolve(root, 'bin/patchscope')} pick --db ${index}`,
          [(s) => s.includes('Pick a series'), (s) => /› d▏/.test(s)], (name) => tmux('send-keys', '-t', name, 'd'));
        frame.push(f);
        key.push(k);
      }
      const b = med(base);
      console.log(`pick         ${index}: picker on screen median ${med(frame).toFixed(0)} ms (${(med(frame) / b).toFixed(2)}x), first key handled ${med(key).toFixed(0)} ms (${(med(key) / b).toFixed(2)}x); baseline node -e 0 median ${b.toFixed(0)} ms`);
    }
  } finally {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  }
}

const COLD_ONLY = process.argv.includes('--cold-only');
const beforeAt = process.argv.indexOf('--before');
const BEFORE = beforeAt > 0 ? resolve(process.argv[beforeAt + 1], 'bin/patchscope') : null;
if (BEFORE && !existsSync(BEFORE)) throw new Error(`--before: no ${BEFORE}`);
if (!COLD_ONLY) {
  ({ makeLargeSeries, makeSeries, makeSet } = await loadTestUtil('present/tui/testing/fixtures.test-util.ts'));
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
}
const REAL = resolve(root, '../shared/corpus/linaro-mm-sig/threads/027/thread.mbox');
// `--index DB`: also time `patchscope pick` on that archive index (e.g. a whole list archive, `patchscope index --db DB ARCHIVE`).
const indexAt = process.argv.indexOf('--index');
coldStart([['bundled RFC (39 messages)', MBOX], ...(existsSync(REAL) ? [['real 41-message thread (027, 26 patches)', REAL]] : [])], indexAt > 0 ? process.argv[indexAt + 1] : null);
process.exit(0);
