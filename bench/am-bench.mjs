#!/usr/bin/env node
// `show` and `am` against b4 0.12 `am` (Debian's b4), whole process, on the same files in the same run:
//   1. the bundled real RFC thread (39 messages, 26 patches; its folded Subjects unfolded in b4's copy,
//      which b4 0.12 as shipped dies on, as test/am.test.ts does);
//   2. ten typical threads of ../shared/corpus/linaro-mm-sig (those b4 does not crash on, spread over
//      thread sizes), median of the per-thread ratios.
// Each figure is the median of N runs (--runs N, default 7), the commands of one input interleaved run by run
// (on a loaded machine the load then falls on all of them alike), with `node -e 0` among them: the floor
// any Node program pays. `--before DIR`: also a built checkout of an earlier commit (its bin/patchscope),
// same files, same runs. Without b4 on PATH it says so and times ours only.
// Usage: node bench/am-bench.mjs [--runs N] [--threads N] [--before DIR]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const RUNS = Number(arg('--runs', 7));
const THREADS = Number(arg('--threads', 10));
const BIN = resolve(root, 'bin/patchscope');
const BEFORE = arg('--before', null) === null ? null : resolve(arg('--before'), 'bin/patchscope');
if (BEFORE !== null && !existsSync(BEFORE)) throw new Error(`--before: no ${BEFORE}`);
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
 * One run of a command: wall time in ms, and CPU time (user + system, from GNU time when installed: on a
 * loaded machine wall time mostly measures the scheduler). Throws when the command fails (a failed b4 run
 * would time nothing).
 */
const GNU_TIME = spawnSync('/usr/bin/time', ['-f', '%U', 'true'], { stdio: 'ignore' }).status === 0;
function once(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = GNU_TIME
    ? spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', cmd, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] })
    : spawnSync(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(String(r.stderr));
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 300)}`);
  return { wall, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : null };
}

/** Medians of each named command over RUNS rounds, one run of each per round (`prepare` before each b4 run). */
function timedTogether(commands) {
  const runs = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const [name, { cmd, args, prepare }] of Object.entries(commands)) {
      prepare?.();
      runs[name].push(once(cmd, args));
    }
  }
  return Object.fromEntries(Object.entries(runs).map(([k, rs]) => [k, {
    wall: median(rs.map((r) => r.wall)),
    cpu: rs.every((r) => r.cpu !== null) ? median(rs.map((r) => r.cpu)) : null,
  }]));
}

const b4Out = join(work, 'out');
const b4am = (mbox) => ({
  cmd: 'b4', args: ['--offline-mode', 'am', '-C', '-m', mbox, '-o', b4Out],
  prepare: () => { rmSync(b4Out, { recursive: true, force: true }); mkdirSync(b4Out); },
});

const ms = (t) => `${t.wall.toFixed(0).padStart(5)} ms${t.cpu === null ? '' : ` (cpu ${t.cpu.toFixed(0)})`}`;
const ratio = (base, ours) => ({ wall: base.wall / ours.wall, cpu: base.cpu !== null && ours.cpu ? base.cpu / ours.cpu : null });
const x = (r) => `${r.wall.toFixed(1)}x${r.cpu === null ? '' : ` (cpu ${r.cpu.toFixed(1)}x)`}`;

/** show and am (and the --before checkout's), node -e 0 and b4 am on one file; ratios against b4 am. */
function compare(name, mbox) {
  const cmds = {
    node: { cmd: process.execPath, args: ['-e', '0'] },
    show: { cmd: process.execPath, args: [BIN, 'show', mbox] },
    am: { cmd: process.execPath, args: [BIN, 'am', mbox, '-o', join(work, 'ours.mbx')] },
    ...(BEFORE ? {
      beforeShow: { cmd: process.execPath, args: [BEFORE, 'show', mbox] },
      beforeAm: { cmd: process.execPath, args: [BEFORE, 'am', mbox, '-o', join(work, 'before.mbx')] },
    } : {}),
    ...(hasB4 ? { b4: b4am(mbox) } : {}),
  };
  const t = timedTogether(cmds);
  const overNode = (k) => `${(t[k].wall / t.node.wall).toFixed(2)}x node -e 0`;
  console.log(`${name}`);
  console.log(`  node -e 0 ${ms(t.node)}${hasB4 ? `  b4 am ${ms(t.b4)}` : ''}`);
  const r = {};
  for (const k of ['show', 'am', ...(BEFORE ? ['beforeShow', 'beforeAm'] : [])]) {
    r[k] = hasB4 ? ratio(t.b4, t[k]) : null;
    console.log(`  ${k.padEnd(10)} ${ms(t[k])}  ${overNode(k)}${hasB4 ? `  ${x(r[k])} faster than b4 am` : ''}`);
  }
  r.nodeShow = t.show.wall / t.node.wall;
  return r;
}

const medianRatio = (rs) => ({ wall: median(rs.map((r) => r.wall)), cpu: rs.every((r) => r.cpu !== null) ? median(rs.map((r) => r.cpu)) : null });

if (!hasB4) console.log('b4 not found on PATH (Debian package b4): timing patchscope only, no ratios');
console.log(`whole-process time, median of ${RUNS} interleaved runs${BEFORE ? `; before = ${BEFORE}` : ''}`);

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
    const line = (k) => `${k} ${x(medianRatio(ratios.map((r) => r[k])))}`;
    console.log(`median over ${picked.length} corpus threads, faster than b4 am: ${line('show')}, ${line('am')}${BEFORE ? `; before: ${line('beforeShow')}, ${line('beforeAm')}` : ''}`);
  }
  console.log(`median over ${picked.length} corpus threads: show takes ${median(ratios.map((r) => r.nodeShow)).toFixed(2)}x node -e 0`);
} else {
  console.log('../shared/corpus/linaro-mm-sig not found: corpus threads skipped');
}
rmSync(work, { recursive: true, force: true });
