// Hostile inputs for the git edge (after simple-git's attack-vectors.spec.ts): a mail is
// untrusted, so each of these must be refused with a finding or an error, and nothing may be
// written outside the temporary worktree.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applySeries } from '../src/analysis/apply/apply-series.js';
import { assertSafeRef, isSafeRef } from '../src/util/git/index.js';
import { seriesOfDiffs } from '../src/analysis/apply/series-of-diffs.js';
import { liveTempDirs } from '../src/analysis/apply/temp-dirs.js';
import { makeRepo, makeTree, removeTestTrees } from '../src/analysis/apply/temp-tree.test-util.js';

const sentinels: string[] = [];
/** A path in the system temp folder that must still not exist at the end of a test. */
function sentinel(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `patchscope-attack-${label}-`));
  sentinels.push(dir);
  return join(dir, 'pwned');
}

afterEach(() => {
  removeTestTrees();
  for (const dir of sentinels.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A git diff creating `path` (written as git would, quoted when needed). */
function newFile(path: string, mode = '100644'): string {
  const q = (p: string): string => (/[\n"\\]/.test(p) ? JSON.stringify(p) : p);
  return [`diff --git ${q(`a/${path}`)} ${q(`b/${path}`)}`, `new file mode ${mode}`, 'index 0000000..1111111',
    '--- /dev/null', `+++ ${q(`b/${path}`)}`, '@@ -0,0 +1,2 @@', '+#!/bin/sh', '+echo pwned', ''].join('\n');
}

const symlinkTo = (name: string, target: string): string =>
  [`diff --git a/${name} b/${name}`, 'new file mode 120000', 'index 0000000..2222222', '--- /dev/null',
    `+++ b/${name}`, '@@ -0,0 +1 @@', `+${target}`, '\\ No newline at end of file', ''].join('\n');

const BASE = { 'README': 'a tree\n' };

async function applyDiffs(diffs: string[]) {
  const series = seriesOfDiffs('attack', diffs.map((diffText, i) => ({ subject: `attack ${i + 1}`, diffText })));
  return applySeries(series, { kind: 'dir', path: makeTree(BASE) });
}

function expectRefused(result: Awaited<ReturnType<typeof applyDiffs>>, patch: number, reason: RegExp): void {
  expect(result.patches[patch - 1]).toMatchObject({ status: 'unsafe-path' });
  expect(result.findings.some((f) => f.id === 'unsafe-path' && f.where.patch === patch && reason.test(f.message))).toBe(true);
  expect(liveTempDirs()).toEqual([]);
}

describe('diff paths that leave the worktree', { timeout: 30_000 }, () => {
  it('refuses ../../ climbing out of the tree', async () => {
    const target = sentinel('dotdot');
    const climb = `../../../../../../../../..${target}`;
    expectRefused(await applyDiffs([newFile(climb)]), 1, /climbs out/);
    expect(existsSync(target)).toBe(false);
    const passwd = existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8') : null;
    expectRefused(await applyDiffs([newFile('../../etc/passwd')]), 1, /climbs out/);
    expectRefused(await applyDiffs([newFile('drivers/../../../etc/passwd')]), 1, /climbs out/);
    if (passwd !== null) expect(readFileSync('/etc/passwd', 'utf8')).toBe(passwd);
  });

  it('refuses an absolute path (and leaves /etc/passwd alone)', async () => {
    const passwd = existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8') : null;
    const target = sentinel('abs');
    expectRefused(await applyDiffs([newFile(target)]), 1, /absolute path/);
    expectRefused(await applyDiffs([newFile('/etc/passwd')]), 1, /absolute path/);
    expect(existsSync(target)).toBe(false);
    if (passwd !== null) expect(readFileSync('/etc/passwd', 'utf8')).toBe(passwd);
  });

  it('refuses a rename or copy whose target leaves the tree or enters .git', async () => {
    const move = (kind: 'rename' | 'copy', to: string): string =>
      [`diff --git a/README b/${to}`, 'similarity index 100%', `${kind} from README`, `${kind} to ${to}`, ''].join('\n');
    expectRefused(await applyDiffs([move('rename', '../../moved')]), 1, /climbs out/);
    expectRefused(await applyDiffs([move('copy', '.git/config')]), 1, /inside \.git/);
  });

  it('refuses a hook written into .git', async () => {
    expectRefused(await applyDiffs([newFile('.git/hooks/pre-commit', '100755')]), 1, /inside \.git/);
    expectRefused(await applyDiffs([newFile('sub/.Git/config')]), 1, /inside \.git/);
  });

  it('refuses a write through a symbolic link an earlier patch created', async () => {
    const target = sentinel('link');
    const dir = join(target, '..');
    const result = await applyDiffs([symlinkTo('out', dir), newFile('out/pwned')]);
    expect(result.patches[0]).toMatchObject({ status: 'applied' });
    expectRefused(result, 2, /symbolic link out/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a write through a symbolic link made by the same patch', async () => {
    const target = sentinel('link1');
    expectRefused(await applyDiffs([symlinkTo('out', join(target, '..')) + newFile('out/pwned')]), 1, /symbolic link out/);
    expect(existsSync(target)).toBe(false);
  });
});

describe('a symbolic link written with a mode git still reads as a link (issue 12 item 4)', { timeout: 30_000 }, () => {
  it.each(['0120000', '120000 ', '120777'])('refuses a write through a link made with "new file mode %s" in the same patch', async (mode) => {
    const target = sentinel('linkmode');
    const link = symlinkTo('out', join(target, '..')).replace('new file mode 120000', `new file mode ${mode}`);
    expectRefused(await applyDiffs([link + newFile('out/pwned')]), 1, /symbolic link out/);
    expect(existsSync(target)).toBe(false);
  });
});

describe('names that a shell would interpret', { timeout: 30_000 }, () => {
  it.each([
    ['a newline', 'x\ny.c', /control character/],
    ['a command substitution', 'a$(touch SENTINEL).c', /shell metacharacter/],
    ['a command separator', 'b;touch SENTINEL;.c', /shell metacharacter/],
    ['backquotes', 'c`touch SENTINEL`.c', /shell metacharacter/],
  ])('refuses a file name with %s', async (_label, name, reason) => {
    const target = sentinel('shell');
    expectRefused(await applyDiffs([newFile(name.replace('SENTINEL', target))]), 1, reason);
    expect(existsSync(target)).toBe(false);
  });

  it('commits an author whose name carries shell text without running it', async () => {
    const target = sentinel('author');
    const series = seriesOfDiffs('author', [{ subject: `$(touch ${target})`, diffText: newFile('ok.c'),
      author: { name: `Eve $(touch ${target}) <x>\n`, email: `eve@example.org>; touch ${target}` }, message: `\`touch ${target}\`` }]);
    const result = await applySeries(series, { kind: 'dir', path: makeTree(BASE) });
    expect(result.appliedAll).toBe(true);
    expect(existsSync(target)).toBe(false);
  });
});

describe('refs that would become options', { timeout: 30_000 }, () => {
  it.each(['--upload-pack=evil', '-c', '--output=/tmp/x', 'HEAD..main', 'a b', 'HEAD:path', '', 'x\nHEAD'])('refuses %j', (ref) => {
    expect(isSafeRef(ref)).toBe(false);
    expect(() => assertSafeRef(ref)).toThrow(/refusing revision/);
  });

  it('refuses --upload-pack as a base revision before git runs', async () => {
    const target = sentinel('ref');
    const repo = await makeRepo([BASE]);
    const series = seriesOfDiffs('ref', [{ subject: 'x', diffText: newFile('ok.c') }]);
    await expect(applySeries(series, { kind: 'rev', repo, rev: `--upload-pack=touch ${target}` })).rejects.toMatchObject({ code: 'git' });
    expect(existsSync(target)).toBe(false);
    expect(liveTempDirs()).toEqual([]);
  });

  it('accepts ordinary revisions', () => {
    for (const ref of ['HEAD', 'HEAD~3', 'v6.8-rc1', 'origin/main', 'c63e5a50e1dd291cd95b04291b028fdcaba4c534', 'main^']) expect(isSafeRef(ref)).toBe(true);
  });
});
