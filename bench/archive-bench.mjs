#!/usr/bin/env node
// Archive benchmark (issue 8), every figure a ratio against a baseline run in the same
// invocation on the same file:
//   1. `git mailsplit --mboxrd` alone vs our full index (split + decode + thread + series
//      grouping + SQLite) on a generated mboxrd archive (bench/gen-archive.mjs, deterministic);
//   2. the same index on one thread vs worker threads;
//   3. re-index time after appending 1% new mail;
//   4. Python's standard `email` parser (bench/py-email-bench.py) vs our index on a 20 MB slice.
// Each measured run is a child process so its peak RSS is its own. Needs the compiled dist/
// (`npm run build`). `--profile` adds a CPU profile (node --cpu-prof) summary of the index run.
//
//   node bench/archive-bench.mjs [--mb 50] [--threads N] [--profile] [--no-python]
//   node bench/archive-bench.mjs --mb 1000            # the 1 GB run of the issue
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const { values: args } = parseArgs({
  options: {
    mb: { type: 'string' },
    threads: { type: 'string' },
    profile: { type: 'boolean' },
    'no-python': { type: 'boolean' },
    // internal: one measured index run inside a child process
    phase: { type: 'string' },
    file: { type: 'string' },
    db: { type: 'string' },
  },
});
const MB = Number(args.mb ?? 50);
const SLICE_MB = 20;
// The worker row always uses workers, at least one, whatever the index's own default.
const THREADS = args.threads === undefined ? Math.max(1, availableParallelism() - 1) : Number(args.threads);

const seconds = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;
const mib = (bytes) => bytes / 2 ** 20;

function archiveOf(mb, seed = 1) {
  const path = resolve(here, 'out', seed === 1 ? `archive-${mb}mb.mboxrd` : `archive-${mb}mb-seed${seed}.mboxrd`);
  if (!existsSync(path)) {
    execFileSync(process.execPath, [join(here, 'gen-archive.mjs'), '--mb', String(mb), '--seed', String(seed), '--out', path], { stdio: 'ignore' });
  }
  return path;
}

/** Child: one index run, printed as a JSON line. */
async function indexPhase(file, db, threads) {
  const a = await import(pathToFileURL(join(root, 'dist/archive/index.js')).href);
  const t0 = process.hrtime.bigint();
  const s = await a.indexArchives([file], { db, threads });
  console.log(JSON.stringify({ seconds: seconds(t0), indexed: s.indexed, skipped: s.skipped.length, totals: s.totals, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

function runIndex(file, db, threads, extraNodeArgs = []) {
  const r = spawnSync(process.execPath, [...extraNodeArgs, fileURLToPath(import.meta.url), '--phase', 'index', '--file', file, '--db', db, '--threads', String(threads)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`index run failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

function mailsplit(file) {
  const out = mkdtempSync(join(tmpdir(), 'patchscope-mailsplit-'));
  try {
    const t0 = process.hrtime.bigint();
    const stdout = execFileSync('git', ['mailsplit', '--mboxrd', `-o${out}`, file], { encoding: 'utf8' });
    return { seconds: seconds(t0), messages: Number(stdout.trim()) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function python(file) {
  const r = spawnSync('python3', [join(here, 'py-email-bench.py'), file], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  return JSON.parse(r.stdout.trim());
}

function line(label, bytes, r, base) {
  const rate = mib(bytes) / r.seconds;
  const ratio = base ? `  ${(base.seconds / r.seconds).toFixed(1)}x ${base.label}` : '';
  const rss = r.peakRssMb === undefined ? '' : `  peak RSS ${r.peakRssMb.toFixed(0)} MiB`;
  console.log(`${label.padEnd(34)} ${r.seconds.toFixed(2).padStart(7)} s  ${rate.toFixed(1).padStart(6)} MiB/s${rss}${ratio}`);
}

/** Self time per function from a .cpuprofile, top entries. */
function profileSummary(path, top = 15) {
  const p = JSON.parse(readFileSync(path, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  p.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}${f.lineNumber >= 0 ? `:${f.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + p.timeDeltas[i]);
    total += p.timeDeltas[i];
  });
  console.log(`profile of the one-thread index run (${path}), self time:`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`);
}

async function main() {
  if (args.phase === 'index') return indexPhase(args.file, args.db, Number(args.threads));
  if (!existsSync(join(root, 'dist/archive/index.js'))) throw new Error('dist/ missing: run `npm run build` first');
  const work = mkdtempSync(join(tmpdir(), 'patchscope-archive-bench-'));
  try {
    const source = archiveOf(MB);
    const file = join(work, 'archive.mboxrd');
    copyFileSync(source, file); // the 1% append must not touch the cached archive
    const bytes = statSync(file).size;
    console.log(`archive: ${source} (${mib(bytes).toFixed(1)} MiB), cores: ${availableParallelism()}, decode workers: ${THREADS}`);
    const git = { ...mailsplit(file), label: 'git mailsplit' };
    line('git mailsplit --mboxrd', bytes, git);
    const one = runIndex(file, join(work, 'one.sqlite'), 0, args.profile ? ['--cpu-prof', `--cpu-prof-dir=${work}`] : []);
    line('index, 1 thread', bytes, one, git);
    const many = runIndex(file, join(work, 'many.sqlite'), THREADS);
    line(`index, ${THREADS} worker thread(s)`, bytes, many, git);
    console.log(`  ${many.totals.messages} messages, ${many.totals.series} series, ${many.totals.versions} versions; skipped ${many.skipped}; workers ${(one.seconds / many.seconds).toFixed(2)}x one thread`);
    appendFileSync(file, readFileSync(archiveOf(Math.max(MB / 100, 0.1), 2)));
    const again = runIndex(file, join(work, 'many.sqlite'), THREADS);
    line('re-index after appending 1%', mib(bytes) / 100 * 2 ** 20, again, { ...many, label: 'the full index' });
    console.log(`  read ${again.indexed} new messages`);
    if (!args['no-python']) {
      const slice = archiveOf(SLICE_MB);
      const sliceBytes = statSync(slice).size;
      const py = python(slice);
      if (py) {
        const base = { seconds: py.seconds, label: 'Python email' };
        line(`Python email, ${SLICE_MB} MB slice`, sliceBytes, py);
        // The slice runs in whichever configuration was faster on the whole archive above.
        const best = one.seconds <= many.seconds ? 0 : THREADS;
        line(`index, ${SLICE_MB} MB slice, ${best} worker(s)`, sliceBytes, runIndex(slice, join(work, 'slice.sqlite'), best), base);
      } else console.log('python3 not available: Python baseline skipped');
    }
    if (args.profile) profileSummary(join(work, readdirSync(work).find((n) => n.endsWith('.cpuprofile'))));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
