// Git and file-system safety through the real CLI (issue 7). test/attack-vectors.test.ts covers the
// apply engine (diff paths with "..", absolute paths, .git/, symlinks; refs that would be options).
// This file adds what a user can reach from the command line: option-like revisions in `git:` inputs
// and `--base`, and that temporary worktrees are gone after success, after an error and after Ctrl-C.
// Each run gets its own TMPDIR, so "no patchscope-* folder left" is exact.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin', 'patchscope');
const FIXTURE = join(ROOT, 'fixtures', 'dmabuf-mapping-types');
const work = mkdtempSync(join(tmpdir(), 'git-safety-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let runs = 0;
/** A fresh TMPDIR for one CLI run, and a sentinel path that must never be created. */
function sandbox(): { tmp: string; sentinel: string } {
  const tmp = join(work, `tmp-${++runs}`);
  mkdirSync(tmp);
  return { tmp, sentinel: join(work, `pwned-${runs}`) };
}

function runCli(args: string[], tmp: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, FORCE_COLOR: '0' }, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const leftovers = (tmp: string): string[] => readdirSync(tmp).filter((f) => f.startsWith('patchscope-'));

describe('revisions that would become git options are refused before git runs', () => {
  it.each([
    ['a git: base', (s: string) => ['show', `git:--output=${s}..HEAD`]],
    ['a git: head', (s: string) => ['show', `git:HEAD~1..--output=${s}`]],
    ['an upload-pack base', (s: string) => ['show', `git:--upload-pack=touch ${s}..HEAD`]],
    ['--base', (s: string) => ['check', join(FIXTURE, 'series.mbox'), `--base=--output=${s}`]],
    ['--base with upload-pack', (s: string) => ['check', join(FIXTURE, 'series.mbox'), `--base=--upload-pack=touch ${s}`]],
  ])('%s', (_what, args) => {
    const { tmp, sentinel } = sandbox();
    const r = runCli([...args(sentinel), '--repo', ROOT], tmp);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^patchscope: .*(refusing revision|neither a folder nor a revision)/);
    expect(existsSync(sentinel)).toBe(false);
    expect(leftovers(tmp)).toEqual([]);
  });
});

describe('temporary worktrees do not outlive the run', () => {
  it('after a successful check against a base tree', () => {
    const { tmp } = sandbox();
    const r = runCli(['check', join(FIXTURE, 'series.mbox'), '--base', join(FIXTURE, 'base'), '-q'], tmp);
    expect([0, 1], r.err).toContain(r.code);
    expect(r.out).toMatch(/appl/i);
    expect(leftovers(tmp)).toEqual([]);
  });

  it('after a series that does not apply (error path)', () => {
    const { tmp } = sandbox();
    // The generated series against a tree that lacks its files: patch 1 fails to apply.
    const empty = join(work, 'empty-tree');
    mkdirSync(empty);
    writeFileSync(join(empty, 'README'), 'nothing here\n');
    const r = runCli(['check', join(FIXTURE, 'series.mbox'), '--base', empty, '-q'], tmp);
    expect([1, 2], r.err).toContain(r.code);
    expect(leftovers(tmp)).toEqual([]);
  });

  it('after SIGINT in the middle of applying', async () => {
    await signalWhileApplying('SIGINT', 130, join(FIXTURE, 'base'));
  });
});

describe('a closed terminal (SIGHUP) cleans up as Ctrl-C does', () => {
  it('leaves no temporary folder and no worktree record in the base repository', async () => {
    // A real repository as the base (--base DIR at its top, so its HEAD is the base).
    const repo = join(work, 'hup-repo');
    cpSync(join(FIXTURE, 'base'), repo, { recursive: true });
    for (const args of [['init', '-q'], ['add', '-A'], ['-c', 'user.name=t', '-c', 'user.email=t@invalid', 'commit', '-q', '-m', 'base']]) {
      spawnSync('git', args, { cwd: repo, stdio: 'ignore' });
    }
    await signalWhileApplying('SIGHUP', 129, repo);
    const list = spawnSync('git', ['worktree', 'list', '--porcelain'], { cwd: repo, encoding: 'utf8' }).stdout;
    expect(list.match(/^worktree /gm)).toHaveLength(1);
  });
});

/** Runs `check` on the bundled series against `base`, sends `sig` while a temporary tree exists, expects a clean end. */
async function signalWhileApplying(sig: NodeJS.Signals, exitCode: number, base: string): Promise<void> {
  const { tmp } = sandbox();
  const child = spawn(process.execPath, [BIN, 'check', join(FIXTURE, 'series.mbox'), '--base', base, '-q'], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: tmp, FORCE_COLOR: '0' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  // Wait until a temporary tree exists, so the signal lands while one is live (and git may be writing
  // in it). Only patchscope is signalled, not its git children: harsher than a terminal's Ctrl-C.
  const seen = await waitFor(() => leftovers(tmp).length > 0, 60_000);
  expect(seen, 'a temporary tree appeared').toBe(true);
  child.kill(sig);
  const { code, signal } = await exited;
  expect(signal === sig || code === exitCode, `exit ${code}, signal ${signal}: ${stderr}`).toBe(true);
  expect(stderr).not.toMatch(/\n\s+at |Error:/);
  expect(leftovers(tmp)).toEqual([]);
}

async function waitFor(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}
