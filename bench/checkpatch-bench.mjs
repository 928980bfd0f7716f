#!/usr/bin/env node
// Checkpatch bench (issue 14): `check` without a base on a real 26-patch series (linaro-mm-sig corpus thread 027,
// "dma-buf: add dma_resv_for_each_fence_unlocked v4") against checkpatch.pl over the same 26 mails in one perl
// process, in the same run, interleaved; then `check` with checkpatch.pl integrated (run beside the native checks,
// a few perl processes at once) against the same baseline. Medians and ratios. Perl or ../shared absent: skipped.
// Usage: npx tsc -p . && node bench/checkpatch-bench.mjs [--runs N] [MBOX]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => join(root, 'dist', p);
if (!existsSync(dist('analysis/checkpatch/index.js'))) {
  console.error('dist/ is missing: run `npx tsc -p .` first');
  process.exit(2);
}
const script = resolve(root, '..', 'shared', 'tools', 'checkpatch', 'checkpatch.pl');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 5;
const [mbox = resolve(root, '..', 'shared', 'corpus', 'linaro-mm-sig', 'threads', '027', 'thread.mbox')] = args;
if (!existsSync(script) || !existsSync(mbox)) { console.log(`skipped: ${existsSync(script) ? mbox : script} is not there`); process.exit(0); }
if (spawnSync('perl', ['-e', '1']).status !== 0) { console.log('skipped: perl is not installed'); process.exit(0); }

const { loadSeriesSet } = await import(dist('series/index.js'));
const { runChecks, findingType } = await import(dist('analysis/checks/index.js'));
const { analyzeSeries } = await import(dist('analysis/deps/index.js'));
const { runCheckpatch, mergeFindings, patchAsMail } = await import(dist('analysis/checkpatch/index.js'));

const set = await loadSeriesSet(mbox);
const series = set.series.reduce((a, b) => (b.patches.length > a.patches.length ? b : a));
const scratch = mkdtempSync(join(tmpdir(), 'patchscope-bench-'));
const files = series.patches.map((p) => {
  const file = join(scratch, `${String(p.index).padStart(4, '0')}.patch`);
  writeFileSync(file, patchAsMail(p));
  return file;
});

async function native() {
  const t0 = performance.now();
  const findings = [...runChecks(series), ...(await analyzeSeries(series)).findings];
  return { ms: performance.now() - t0, n: findings.length };
}
function perlAlone() {
  const t0 = performance.now();
  const r = spawnSync('perl', [script, '--no-tree', '--terse', '--show-types', '--no-summary', ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { ms: performance.now() - t0, n: r.stdout.split('\n').filter(Boolean).length };
}
async function integrated() {
  const t0 = performance.now();
  const real = runCheckpatch(series, script);
  const findings = [...runChecks(series), ...(await analyzeSeries(series)).findings];
  const merged = mergeFindings(findings, (await real).findings, findingType);
  return { ms: performance.now() - t0, n: merged.length };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const times = { native: [], perl: [], integrated: [] };
const counts = {};
try {
  for (let i = 0; i < runs; i++) {
    for (const [name, fn] of [['native', native], ['perl', perlAlone], ['integrated', integrated]]) {
      const r = await fn();
      times[name].push(r.ms);
      counts[name] = r.n;
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const line = (name, label) => console.log(`${label.padEnd(40)} median ${median(times[name]).toFixed(0)} ms  [${times[name].map((x) => x.toFixed(0)).join(', ')}]  ${counts[name]} findings`);
console.log(`series: ${series.title} (${series.patches.length} patches), no base, runs: ${runs}`);
line('native', 'check, native (checks + series-only bisect)');
line('perl', 'checkpatch.pl, 26 files, one process');
line('integrated', 'check with checkpatch.pl integrated');
console.log(`ratio native / checkpatch.pl:      ${(median(times.native) / median(times.perl)).toFixed(2)} (goal <= 1)`);
console.log(`ratio integrated / checkpatch.pl:  ${(median(times.integrated) / median(times.perl)).toFixed(2)} (goal <= 1.20)`);
