#!/usr/bin/env node
// Reference-model bench: states/s of the explorer on the `proposed` sequence at the default depth and
// deeper, and the time of a full `verify` (every bundled sequence), warm (in this process) and cold (a
// fresh node process, as the CLI runs it). Prints the median of several runs; wall time and CPU time
// both, because CI and the dev machine are shared and wall time alone measures the neighbours too.
// With `--before DIR` (a built checkout of an earlier commit), the explorer-only lines also run DIR's
// explorer in this process on the same contexts' inputs and print the ratio (same machine, same run).
// Usage: npx tsc -p . && node bench/refmodel-bench.mjs [--runs N] [--before DIR] [SEQUENCE_FILE]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist/analysis/refmodel/index.js');
if (!existsSync(entry)) {
  console.error('dist/ is missing: run `npx tsc -p .` first');
  process.exit(2);
}
const { loadSequenceFile, verifySequences, DEFAULT_DEPTH, groupsOf, checkContext, exploreGroup, REFERENCE_STRATEGY } = await import(entry);

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 7;
const beforeAt = args.indexOf('--before');
const beforeDir = beforeAt >= 0 ? resolve(args.splice(beforeAt, 2)[1]) : null;
const beforeEntry = beforeDir && join(beforeDir, 'dist/analysis/refmodel/index.js');
if (beforeEntry && !existsSync(beforeEntry)) {
  console.error(`--before ${beforeDir}: no dist/analysis/refmodel/index.js there (build it with npx tsc -p .)`);
  process.exit(2);
}
const before = beforeEntry ? await import(beforeEntry) : null;
const [sequenceFile = join(root, 'fixtures/dmabuf-mapping-types/sequence.json')] = args;
const { sequences } = loadSequenceFile(sequenceFile);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n) => Math.round(n).toLocaleString('en-US');

/** One timed verify: wall ms, CPU ms, distinct states and transitions (TLC's states generated). */
function timed(opts) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const report = verifySequences(sequences, opts);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000, states: report.states, transitions: report.transitions, ok: report.ok };
}

function measure(label, opts) {
  const samples = Array.from({ length: runs }, () => timed(opts));
  const wall = median(samples.map((s) => s.wall));
  const cpu = median(samples.map((s) => s.cpu));
  const { states, transitions } = samples[0];
  const perCpuSecond = (n) => fmt((n / Math.max(cpu, 0.001)) * 1000).padStart(9);
  console.log(
    `${label.padEnd(32)} ${fmt(states).padStart(7)} distinct ${fmt(transitions).padStart(7)} generated | wall ${wall.toFixed(1).padStart(6)} ms` +
      ` (${fmt((states / wall) * 1000).padStart(8)} distinct/s) | cpu ${cpu.toFixed(1).padStart(6)} ms (${perCpuSecond(states)} distinct/s, ${perCpuSecond(transitions)} generated/s)`,
  );
  return samples;
}

/**
 * The explorer alone: every buffer of the last `proposed` step (110 buffers, groups of 1–3 importers),
 * contexts built beforehand, one shared map memo as verify uses. This is the states/s of the search
 * itself, without the per-step setup and report building the lines above include.
 */
const THIS_TREE = { loadSequenceFile, groupsOf, checkContext, exploreGroup, REFERENCE_STRATEGY };

function measureExplorer(depth, m = THIS_TREE, tag = '', quiet = false) {
  const seq = m.loadSequenceFile(sequenceFile).sequences.find((s) => s.name === 'proposed');
  const last = seq.steps.length - 1;
  const contexts = m.groupsOf(seq.steps[last].world, m.REFERENCE_STRATEGY, 3).map((g) => m.checkContext(g, m.REFERENCE_STRATEGY, seq.steps[last - 1].world));
  const mapMemo = new Map();
  const samples = Array.from({ length: runs * 4 }, () => {
    let states = 0;
    let transitions = 0;
    const cpu0 = process.cpuUsage();
    for (const ctx of contexts) {
      const r = m.exploreGroup(ctx, { depth, mapMemo });
      states += r.states;
      transitions += r.transitions;
    }
    const cpu = process.cpuUsage(cpu0);
    return { states, transitions, cpu: (cpu.user + cpu.system) / 1000 };
  });
  const cpu = median(samples.map((s) => s.cpu));
  const { states, transitions } = samples[0];
  if (quiet) return 0;
  console.log(
    `${`explorer only${tag}, depth ${depth}`.padEnd(32)} ${fmt(states).padStart(7)} distinct ${fmt(transitions).padStart(7)} generated | cpu ${cpu.toFixed(2).padStart(6)} ms` +
      ` (${fmt((states / cpu) * 1000)} distinct/s, ${fmt((transitions / cpu) * 1000)} generated/s)`,
  );
  return (states / cpu) * 1000;
}

/** This tree's explorer and, with --before, DIR's on the same input, alternated; the ratio of their states/s. */
function compareExplorer(depth) {
  const now = measureExplorer(depth);
  if (!before) return;
  measureExplorer(depth, before, '', true); // JIT warm-up of the other tree's code, as the warm-up line above did for this one
  const then = measureExplorer(depth, before, ' (before)');
  console.log(`${''.padEnd(32)} explorer distinct/s, this tree ÷ before: ${(now / then).toFixed(2)}×`);
}

/** A full verify in a fresh process: what `patchscope verify` pays, JIT warm-up included. */
function coldRun() {
  const script = `const m = await import(${JSON.stringify(entry)});
    const t0 = performance.now(); const c0 = process.cpuUsage();
    const f = m.loadSequenceFile(${JSON.stringify(sequenceFile)}); const r = m.verifySequences(f.sequences);
    const c = process.cpuUsage(c0); console.log(JSON.stringify({ wall: performance.now() - t0, cpu: (c.user + c.system) / 1000, ok: r.ok }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

console.log(`refmodel bench: ${runs} runs each, median; node ${process.version}`);
measure('warm-up (discarded)', { only: ['proposed'] });
measure(`proposed, depth ${DEFAULT_DEPTH}`, { only: ['proposed'] });
measure(`proposed, depth ${DEFAULT_DEPTH + 4}`, { only: ['proposed'], depth: DEFAULT_DEPTH + 4 });
compareExplorer(DEFAULT_DEPTH);
compareExplorer(DEFAULT_DEPTH + 4);
const full = measure(`all sequences, depth ${DEFAULT_DEPTH} (warm)`, {});
if (!full.every((s) => s.ok)) console.log('WARNING: a sequence did not come out as expected');
const cold = Array.from({ length: Math.min(runs, 5) }, coldRun);
console.log(
  `${'all sequences, cold process'.padEnd(34)} load+verify wall ${median(cold.map((c) => c.wall)).toFixed(0)} ms, cpu ${median(cold.map((c) => c.cpu)).toFixed(0)} ms`,
);
