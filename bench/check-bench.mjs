#!/usr/bin/env node
// Check bench: `patchscope check` of the bundled 26-patch series on its base (apply in a temporary
// worktree + bisect after every patch) against `git am` of the same patches on the same base,
// in the same run. Prints the median of several runs of each and their ratio.
// Usage: npx tsc -p . && node bench/check-bench.mjs [--runs N] [--rev] [MBOX BASE_DIR]
// --rev: the base folder is first committed into a git repository and named as a revision of it
// (`--base REV`), so the scratch repository borrows that repository's objects instead of a copy.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => join(root, 'dist', p);
if (!existsSync(dist('analysis/deps/index.js'))) {
  console.error('dist/ is missing: run `npx tsc -p .` first');
  process.exit(2);
}
const { loadSeriesSet } = await import(dist('series/index.js'));
const { analyzeSeries } = await import(dist('analysis/deps/index.js'));
const { openWorkspace, amMbox } = await import(dist('analysis/apply/index.js'));
const { toAmMbox } = await import(dist('present/report/index.js'));

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 5;
const revAt = args.indexOf('--rev');
const asRev = revAt >= 0;
if (asRev) args.splice(revAt, 1);
const fixture = join(root, 'fixtures/dmabuf-mapping-types');
const [mbox = join(fixture, 'series.mbox'), base = join(fixture, 'base')] = args;

const set = await loadSeriesSet(mbox);
const series = set.series.find((s) => s.patches.length > 0);
if (!series) { console.error(`${mbox}: no patch series found`); process.exit(2); }

const scratch = mkdtempSync(join(tmpdir(), 'patchscope-bench-'));
const amFile = join(scratch, 'series.am.mbox');
writeFileSync(amFile, toAmMbox(series));

/** The base as the run names it: the folder, or HEAD of a repository holding the folder's content. */
function baseTree() {
  if (!asRev) return { kind: 'dir', path: base };
  const repo = join(scratch, 'repo');
  cpSync(base, repo, { recursive: true });
  const git = (...a) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@invalid', ...a], { cwd: repo, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  return { kind: 'rev', repo, rev: 'HEAD' };
}
const tree = baseTree();

async function timeCheck() {
  const t0 = performance.now();
  const r = await analyzeSeries(series, { base: tree });
  const ms = performance.now() - t0;
  const applied = r.apply.patches.filter((p) => p.status === 'applied').length;
  return { ms, note: `${applied}/${series.patches.length} applied, bisect ${r.bisect.bisectable ? 'ok' : 'broken'}` };
}

async function timeAm() {
  const t0 = performance.now();
  const ws = await openWorkspace(tree);
  try {
    const out = await amMbox(ws.tree, amFile);
    return { ms: performance.now() - t0, note: out.ok ? 'git am ok' : `git am failed: ${out.stderr.split('\n')[0]}` };
  } finally {
    await ws.dispose();
  }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const check = [];
const am = [];
let notes = new Set();
try {
  for (let i = 0; i < runs; i++) {
    // Interleave so both see the same machine load.
    const c = await timeCheck(); check.push(c.ms); notes.add(`check: ${c.note}`);
    const a = await timeAm(); am.push(a.ms); notes.add(a.note);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`series: ${series.title} (${series.patches.length} patches), base: ${asRev ? `HEAD of a repository of ${base}` : base}, runs: ${runs}`);
for (const n of notes) console.log(`  ${n}`);
console.log(`check (apply + bisect): median ${median(check).toFixed(0)} ms  [${check.map((x) => x.toFixed(0)).join(', ')}]`);
console.log(`git am:                 median ${median(am).toFixed(0)} ms  [${am.map((x) => x.toFixed(0)).join(', ')}]`);
console.log(`ratio check / git am:   ${(median(check) / median(am)).toFixed(2)}`);
