// Nothing from a mail or a repository's configuration runs while patchscope applies a series
// (issue 12 items 1-3). Each mechanism git has for running a program is planted, pointing at a
// marker script that appends its name to a log. A control proves every plant is live (plain git,
// used as the old `git worktree add` design used it, runs the marker); then the real CLI checks a
// series on the same repositories, with `--base DIR`, `--base REV` and a plain folder, and no
// marker may appear. The series applies in full (asserted), so every commit and checkout happened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin', 'patchscope');
const work = mkdtempSync(join(tmpdir(), 'isolation-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const home = join(work, 'home');
const bin = join(work, 'bin');
/** The environment of a careless user: a global config (HOME) that defines a filter driver. */
const baseEnv = (log: string): NodeJS.ProcessEnv => ({
  ...process.env,
  HOME: home,
  XDG_CONFIG_HOME: join(home, '.config'),
  GIT_CONFIG_NOSYSTEM: '1',
  MARK_LOG: log,
  FORCE_COLOR: '0',
});

function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = baseEnv(join(work, 'setup.log'))): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A program that records that it ran. Filters and textconv pass their input through. */
function marker(name: string, then = ''): string {
  const path = join(bin, name);
  writeFileSync(path, `#!/bin/sh\necho ${name} >> "$MARK_LOG"\n${then}\n`);
  chmodSync(path, 0o755);
  return path;
}

function write(path: string, text: string, mode = 0o644): void {
  mkdirSync(resolve(path, '..'), { recursive: true });
  writeFileSync(path, text);
  chmodSync(path, mode);
}

function hookScript(name: string): string {
  return `#!/bin/sh\necho ${name} >> "$MARK_LOG"\n`;
}

const LIB = 'int answer(void)\n{\n\treturn 41;\n}\n';

type Variant = 'husky --base DIR' | 'husky --base REV' | 'hooked --base DIR' | 'hooked --base REV' | 'plain folder' | 'partial --base DIR' | 'partial --base REV';
const HUSKY: Variant[] = ['husky --base DIR', 'husky --base REV'];
const HOOKED: Variant[] = ['hooked --base DIR', 'hooked --base REV'];
const PARTIAL: Variant[] = ['partial --base DIR', 'partial --base REV'];

/**
 * Each mechanism: its marker name, where it was planted, and the bases that carry it. (pre-commit,
 * textconv and diff.external did not run before the isolation either, since patchscope commits with
 * --no-verify and runs no diff porcelain: they guard against a future `git diff` or commit change.)
 */
const MECHANISMS: readonly [string, string, Variant[]][] = [
  ['mail-hook', 'a hook the series adds (.githooks/post-commit) under a relative core.hooksPath of the base', HUSKY],
  ['mail-filter', 'a filter driver of the user\'s global config selected by a .gitattributes the series adds', [...HUSKY, ...HOOKED, 'plain folder']],
  ['base-tree-hook', 'a hook committed in the base tree (.githooks/post-checkout, relative core.hooksPath)', HUSKY],
  ['repo-hook-post-checkout', 'the base repository\'s .git/hooks/post-checkout', HOOKED],
  ['repo-hook-post-commit', 'the base repository\'s .git/hooks/post-commit', HOOKED],
  ['repo-hook-reference-transaction', 'the base repository\'s .git/hooks/reference-transaction', HOOKED],
  ['repo-hook-post-index-change', 'the base repository\'s .git/hooks/post-index-change', HOOKED],
  ['repo-hook-pre-commit', 'the base repository\'s .git/hooks/pre-commit', HOOKED],
  ['fsmonitor', 'core.fsmonitor of the base repository', HOOKED],
  ['base-smudge', 'a smudge filter of the base repository\'s config, selected by the base tree\'s .gitattributes', HOOKED],
  ['base-clean', 'a clean filter of the base repository\'s config', HOOKED],
  ['textconv', 'diff.<driver>.textconv of the base repository', HOOKED],
  ['ext-diff', 'diff.external of the base repository', HOOKED],
  ['ssh', 'core.sshCommand of a partial clone whose base blobs would be fetched lazily', PARTIAL],
];

const runs = new Map<Variant, { log: string; code: number | null; out: string; err: string }>();
const controlLog = join(work, 'control.log');
const readLog = (path: string): string[] => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : []);

let mbox = '';

beforeAll(() => {
  mkdirSync(bin, { recursive: true });
  mkdirSync(home, { recursive: true });
  const evil = marker('mail-filter', 'exec cat');
  writeFileSync(join(home, '.gitconfig'), `[user]\n\tname = Control\n\temail = control@invalid\n[filter "evil"]\n\tclean = ${evil}\n\tsmudge = ${evil}\n`);

  // The series: patch 1 adds a hook and a .gitattributes selecting the global filter, patch 2 edits.
  const author = join(work, 'author');
  mkdirSync(author);
  git(author, ['init', '-q']);
  write(join(author, 'lib.c'), LIB);
  git(author, ['add', '.']);
  git(author, ['commit', '-q', '-m', 'base']);
  write(join(author, '.githooks/post-commit'), hookScript('mail-hook'), 0o755);
  write(join(author, 'sub/.gitattributes'), '* filter=evil\n');
  write(join(author, 'sub/notes.txt'), 'one\n');
  git(author, ['add', '.']);
  git(author, ['commit', '-q', '-m', 'tools: add a commit hook and notes']);
  write(join(author, 'sub/notes.txt'), 'one\ntwo\n');
  write(join(author, 'lib.c'), LIB.replace('41', '42'));
  git(author, ['commit', '-q', '-am', 'lib: the answer is 42']);
  mbox = join(work, 'series.mbox');
  writeFileSync(mbox, git(author, ['format-patch', '--stdout', 'HEAD~2..HEAD']));

  // husky: a relative core.hooksPath, and a hook committed in the tree itself.
  const husky = join(work, 'husky');
  mkdirSync(husky);
  git(husky, ['init', '-q']);
  write(join(husky, 'lib.c'), LIB);
  write(join(husky, '.githooks/post-checkout'), hookScript('base-tree-hook'), 0o755);
  git(husky, ['add', '.']);
  git(husky, ['commit', '-q', '-m', 'base']);
  git(husky, ['config', 'core.hooksPath', '.githooks']);

  // hooked: every hook and program-running setting in the repository's own config.
  const hooked = join(work, 'hooked');
  mkdirSync(hooked);
  git(hooked, ['init', '-q']);
  write(join(hooked, 'lib.c'), LIB);
  write(join(hooked, '.gitattributes'), '*.c filter=basefilter diff=baseconv\n');
  git(hooked, ['add', '.']);
  git(hooked, ['commit', '-q', '-m', 'base']);
  for (const h of ['post-checkout', 'post-commit', 'reference-transaction', 'post-index-change', 'pre-commit']) {
    write(join(hooked, '.git/hooks', h), hookScript(`repo-hook-${h}`), 0o755);
  }
  const cfg = (k: string, v: string): string => git(hooked, ['config', k, v]);
  cfg('core.fsmonitor', marker('fsmonitor', 'exit 1'));
  cfg('filter.basefilter.smudge', marker('base-smudge', 'exec cat'));
  cfg('filter.basefilter.clean', marker('base-clean', 'exec cat'));
  cfg('diff.baseconv.textconv', marker('textconv', 'cat "$1"'));
  cfg('diff.external', marker('ext-diff'));

  // partial: a blob-less clone whose promisor remote is reached through core.sshCommand.
  const origin = join(work, 'origin');
  git(work, ['clone', '-q', '--bare', husky, origin]);
  git(origin, ['config', 'uploadpack.allowFilter', 'true']);
  const partial = join(work, 'partial');
  git(work, ['clone', '-q', '--no-checkout', '--filter=blob:none', `file://${origin}`, partial]);
  git(partial, ['config', 'remote.origin.url', 'ssh://git.invalid/base.git']);
  git(partial, ['config', 'core.sshCommand', marker('ssh', 'exit 1')]);

  const folder = join(work, 'folder');
  cpSync(hooked, folder, { recursive: true, filter: (src) => !src.endsWith('.git') });

  runControls(husky, hooked, partial);

  const variants: [Variant, string[]][] = [
    ['husky --base DIR', ['--base', husky]],
    ['husky --base REV', ['--repo', husky, '--base', 'HEAD']],
    ['hooked --base DIR', ['--base', hooked]],
    ['hooked --base REV', ['--repo', hooked, '--base', 'HEAD']],
    ['plain folder', ['--base', folder]],
    ['partial --base DIR', ['--base', partial]],
    ['partial --base REV', ['--repo', partial, '--base', 'HEAD']],
  ];
  for (const [name, base] of variants) {
    const tmp = join(work, `tmp-${runs.size}`);
    mkdirSync(tmp);
    const log = join(work, `run-${runs.size}.log`);
    const r = spawnSync(process.execPath, [BIN, 'check', mbox, '--json', '-q', ...base], {
      cwd: work, encoding: 'utf8', env: { ...baseEnv(log), TMPDIR: tmp }, timeout: 120_000,
    });
    runs.set(name, { log, code: r.status, out: r.stdout, err: r.stderr });
  }
}, 240_000);

/** Plain git doing what a `git worktree add` based apply did: each plant fires. */
function runControls(husky: string, hooked: string, partial: string): void {
  const env = baseEnv(controlLog);
  const patches = join(work, 'control-patches');
  mkdirSync(patches);
  for (const repo of [husky, hooked]) {
    const tree = join(work, `control-${repo === husky ? 'husky' : 'hooked'}`);
    git(repo, ['worktree', 'add', '-q', '--detach', tree, 'HEAD'], env);
    git(tree, ['am', '-q', mbox], env);
    git(tree, ['commit', '-q', '--allow-empty', '-m', 'control'], env);
    write(join(tree, 'lib.c'), LIB.replace('41', '43'));
    git(tree, ['status', '--porcelain'], env);
    git(tree, ['add', 'lib.c'], env);
    git(tree, ['diff', 'HEAD'], env);
    git(tree, ['show', '--textconv', 'HEAD~1', '--', 'lib.c'], env);
  }
  spawnSync('git', ['-C', partial, 'worktree', 'add', '-q', '--detach', join(work, 'control-partial'), 'HEAD'], { env, stdio: 'ignore' });
}

describe('a patch series and the repositories it is checked against cannot make git run a program', () => {
  it('the series applies in full on every base (so every commit and checkout really happened)', () => {
    for (const [name, r] of runs) {
      if (name.startsWith('partial')) continue;
      expect([0, 1], `${name}: ${r.err}`).toContain(r.code);
      const json = JSON.parse(r.out) as { series: { apply: { applied: number } }[] };
      expect(json.series[0]!.apply.applied, name).toBe(2);
    }
  });

  it('a partial clone whose base blobs are missing is one clean error, not a fetch', () => {
    for (const name of ['partial --base DIR', 'partial --base REV'] as const) {
      const r = runs.get(name)!;
      expect(r.code, `${name}: ${r.err}`).toBe(2);
      expect(r.err.trim().split('\n'), name).toHaveLength(1);
      expect(r.err, name).toMatch(/^patchscope: /);
    }
  });

  describe.each(MECHANISMS)('%s: %s', (name, _where, variants) => {
    it('fires under plain git (the plant is live)', () => {
      expect(readLog(controlLog)).toContain(name);
    });
    it.each(variants)('never runs under patchscope check (%s)', (variant) => {
      expect(readLog(runs.get(variant)!.log)).not.toContain(name);
    });
  });
});
