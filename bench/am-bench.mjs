#!/usr/bin/env node
// `show` and `am` against b4 0.12 `am` (Debian's b4), whole process, on the same files in the same run:
//   1. the bundled real RFC thread (39 messages, 26 patches; its folded Subjects unfolded in b4's copy,
//      which b4 0.12 as shipped dies on, as test/am.test.ts does);
//   2. ten typical threads of ../shared/corpus/linaro-mm-sig (those b4 does not crash on, spread over
//      thread sizes), median of the per-thread ratios.
// Each figure is the median of N runs (--runs N, default 7). Without b4 on PATH it says so and times ours only.
// Usage: node bench/am-bench.mjs [--runs N] [--threads N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const RUNS = arg('--runs', 7);
const THREADS = arg('--threads', 10);
const BIN = resolve(root, 'bin/patchscope');
const CORPUS = resolve(root, '..', 'shared', 'corpus', 'linaro-mm-sig', 'threads');

const work = mkdtempSync(join(tmpdir(), 'patchscope-am-bench-'));
writeFileSync(join(work, '.gitconfig'), '[user]\n\tname = Bench\n\temail = bench@example.org\n');
const env = { ...process.env, HOME: work, XDG_CONFIG_HOME: work, GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C.UTF-8' };
const hasB4 = spawnSync('b4', ['--version'], { stdio: 'ignore' }).status === 0;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Median wall time of a command, in ms, and median CPU time (user + system, from GNU time when installed: on a
 * loaded machine wall time mostly measures the scheduler). Throws when the command fails (a failed b4 run would
 * time nothing).
 */
const GNU_TIME = spawnSync('/usr/bin/time', ['-f', '%U', 'true'], { stdio: 'ignore' }).status === 0;
function timed(cmd, args) {
  const wall = [];
  const cpu = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const r = GNU_TIME
      ? spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', cmd, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] })
      : spawnSync(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(String(r.stderr));
    if (m) cpu.push((Number(m[1]) + Number(m[2])) * 1000);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 300)}`);
  }
  return { wall: median(wall), cpu: cpu.length ? median(cpu) : null };
}
const time = (cmd, args) => timed(cmd, args).wall;

function b4am(mbox) {
  const out = join(work, 'out');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  return timed('b4', ['--offline-mode', 'am', '-C', '-m', mbox, '-o', out]);
}

const ms = (t) => `${t.wall.toFixed(0).padStart(5)} ms${t.cpu === null ? '' : ` (cpu ${t.cpu.toFixed(0)})`}`;
const ratio = (b4, ours) => ({ wall: b4.wall / ours.wall, cpu: b4.cpu !== null && ours.cpu ? b4.cpu / ours.cpu : null });
const x = (r) => `${r.wall.toFixed(1)}x${r.cpu === null ? '' : ` (cpu ${r.cpu.toFixed(1)}x)`}`;

function compare(name, mbox) {
  const show = timed(process.execPath, [BIN, 'show', mbox]);
  const am = timed(process.execPath, [BIN, 'am', mbox, '-o', join(work, 'ours.mbx')]);
  if (!hasB4) {
    console.log(`${name.padEnd(40)} show ${ms(show)}, am ${ms(am)}`);
    return null;
  }
  const b4 = b4am(mbox);
  const r = { show: ratio(b4, show), am: ratio(b4, am) };
  console.log(`${name.padEnd(40)} show ${ms(show)}  am ${ms(am)}  b4 am ${ms(b4)}  show ${x(r.show)}  am ${x(r.am)} faster`);
  return r;
}

const medianRatio = (rs) => ({ wall: median(rs.map((r) => r.wall)), cpu: rs.every((r) => r.cpu !== null) ? median(rs.map((r) => r.cpu)) : null });

if (!hasB4) console.log('b4 not found on PATH (Debian package b4): timing patchscope only, no ratios');
console.log(`whole-process wall time, median of ${RUNS} runs; node -e 0 takes ${time(process.execPath, ['-e', '0']).toFixed(0)} ms here`);

const bundled = join(work, 'bundled.mbox');
const text = readFileSync(resolve(root, 'fixtures/dmabuf-mapping-types/series.mbox'), 'utf8');
writeFileSync(bundled, text.replace(/^(Subject:.*)((?:\n[ \t].*)+)/gm, (_m, first, rest) => `${first}${rest.replace(/\n[ \t]+/g, ' ')}`));
compare('bundled RFC thread (39 msgs, 26 patches)', bundled);

if (existsSync(CORPUS)) {
  const usable = readdirSync(CORPUS).sort().map((t) => ({ t, e: JSON.parse(readFileSync(join(CORPUS, t, 'expected.json'), 'utf8')) }))
    .filter(({ e }) => !e.b4.b4Crashed && e.b4.patchCount > 0)
    .sort((a, b) => a.e.messages - b.e.messages || a.t.localeCompare(b.t));
  const picked = Array.from({ length: Math.min(THREADS, usable.length) }, (_, i) => usable[Math.floor(((i + 0.5) * usable.length) / THREADS)]);
  const ratios = picked.map(({ t, e }) => compare(`corpus ${t} (${e.messages} msgs, ${e.b4.patchCount} patches)`, join(CORPUS, t, 'thread.mbox')));
  if (hasB4) {
    console.log(`median over ${picked.length} corpus threads: show ${x(medianRatio(ratios.map((r) => r.show)))}, am ${x(medianRatio(ratios.map((r) => r.am)))} faster than b4 am`);
  }
} else {
  console.log('../shared/corpus/linaro-mm-sig not found: corpus threads skipped');
}
rmSync(work, { recursive: true, force: true });
