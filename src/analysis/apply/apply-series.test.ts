import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applySeries } from './apply-series.js';
import { repositoryAt, runGit, scratchAt } from '../../util/git/index.js';
import { seriesOfDiffs } from './series-of-diffs.js';
import { liveTempDirs } from './temp-dirs.js';
import { diffsOfStates, makeRepo, makeTree, removeTestTrees, writeFiles } from './temp-tree.test-util.js';

const BASE = {
  'lib/core.c': 'int core_init(void)\n{\n\treturn 0;\n}\n\nint core_exit(void)\n{\n\treturn 1;\n}\n',
  'include/core.h': 'int core_init(void);\nint core_exit(void);\n',
};
const STEP1 = { 'lib/core.c': BASE['lib/core.c'].replace('return 0;', 'return core_setup();') };
const STEP2 = { 'lib/extra.c': 'int extra(void)\n{\n\treturn 2;\n}\n' };

async function twoPatchSeries() {
  const [d1, d2] = await diffsOfStates([BASE, STEP1, STEP2]);
  return seriesOfDiffs('two', [
    { subject: 'core: call setup', diffText: d1!, author: { name: 'Ada Lovelace', email: 'ada@example.org' }, date: '2026-02-18T00:11:32Z', message: 'Why: setup.\n\nSigned-off-by: Ada Lovelace <ada@example.org>' },
    { subject: 'extra: add', diffText: d2! },
  ]);
}

afterEach(() => removeTestTrees());

describe('applySeries on a plain folder', { timeout: 30_000 }, () => {
  it('applies every patch in order, one commit each, with the patch author and date', async () => {
    const series = await twoPatchSeries();
    const seen: { index: number; core: string }[] = [];
    const result = await applySeries(series, { kind: 'dir', path: makeTree(BASE) }, {
      inspect: async (index, dir) => { seen.push({ index, core: readFileSync(join(dir, 'lib/core.c'), 'utf8') }); },
    });
    expect(result.appliedAll).toBe(true);
    expect(result.findings).toEqual([]);
    expect(result.patches.map((p) => p.status)).toEqual(['applied', 'applied']);
    const commits = result.patches.map((p) => (p.status === 'applied' ? p.commit : ''));
    expect(new Set([...commits, result.baseCommit]).size).toBe(3);
    expect(seen.map((s) => s.index)).toEqual([0, 1, 2]);
    expect(seen[0]!.core).toContain('return 0;');
    expect(seen[1]!.core).toContain('return core_setup();');
    expect(liveTempDirs()).toEqual([]);
  });

  it('records author, date and message in the commit', async () => {
    const series = await twoPatchSeries();
    let log = '';
    await applySeries(series, { kind: 'dir', path: makeTree(BASE) }, {
      inspect: async (index, dir) => { if (index === 1) log = await runGit(scratchAt(dir), ['log', '-1', '--format=%an <%ae>|%aI|%s|%b']); },
    });
    expect(log).toContain('Ada Lovelace <ada@example.org>|2026-02-18T00:11:32+00:00|core: call setup|Why: setup.');
  });

  it('stops at the first patch that does not apply and shows the failing hunk', async () => {
    const series = await twoPatchSeries();
    const changed = { ...BASE, 'lib/core.c': BASE['lib/core.c'].replace('return 0;', 'return -1;') };
    const result = await applySeries(series, { kind: 'dir', path: makeTree(changed) });
    expect(result.patches.map((p) => p.status)).toEqual(['does-not-apply', 'not-tried']);
    expect(result.appliedAll).toBe(false);
    const [finding] = result.findings;
    expect(finding).toMatchObject({ id: 'does-not-apply', severity: 'error', where: { patch: 1, file: 'lib/core.c', line: 1 } });
    expect(finding!.excerpt).toContain('+\treturn core_setup();');
    expect(finding!.excerpt).toMatch(/^@@ -1,/);
    expect(liveTempDirs()).toEqual([]);
  });

  it('removes the worktree when the inspect callback throws', async () => {
    const series = await twoPatchSeries();
    let tree = '';
    const run = applySeries(series, { kind: 'dir', path: makeTree(BASE) }, {
      inspect: async (index, dir) => { tree = dir; if (index === 1) throw new Error('inspector failed'); },
    });
    await expect(run).rejects.toThrow('inspector failed');
    expect(existsSync(tree)).toBe(false);
    expect(liveTempDirs()).toEqual([]);
  });

  it('throws an InputError naming the folder when the base does not exist', async () => {
    const series = await twoPatchSeries();
    await expect(applySeries(series, { kind: 'dir', path: '/nonexistent/patchscope-base' })).rejects.toMatchObject({
      code: 'input', message: expect.stringContaining('/nonexistent/patchscope-base'),
    });
  });
});

describe('applySeries on a repository', { timeout: 30_000 }, () => {
  it('applies on the named revision without touching the repository (no worktree, no new object, no ref)', async () => {
    const series = await twoPatchSeries();
    const repo = await makeRepo([BASE, { 'lib/core.c': 'int core_init(void) { return 9; }\n' }]);
    const state = async (): Promise<string> => (await runGit(repositoryAt(repo), ['count-objects', '-v'])) + (await runGit(repositoryAt(repo), ['for-each-ref']));
    const before = await state();
    const result = await applySeries(series, { kind: 'rev', repo, rev: 'HEAD~1' });
    expect(result.appliedAll).toBe(true);
    expect(result.baseCommit).toBe((await runGit(repositoryAt(repo), ['rev-parse', 'HEAD~1'])).trim());
    expect((await runGit(repositoryAt(repo), ['worktree', 'list', '--porcelain'])).match(/^worktree /gm)).toHaveLength(1);
    expect(await state()).toBe(before);
    expect(readFileSync(join(repo, 'lib/core.c'), 'utf8')).toContain('return 9;');
  });

  it('takes a folder at the top of a work tree as its HEAD, without uncommitted changes', async () => {
    const series = await twoPatchSeries();
    const repo = await makeRepo([BASE]);
    writeFiles(repo, { 'lib/core.c': 'uncommitted\n' });
    const result = await applySeries(series, { kind: 'dir', path: repo });
    expect(result.appliedAll).toBe(true);
  });

  it('refuses a revision that would be read as an option, before running git', async () => {
    const series = await twoPatchSeries();
    const repo = await makeRepo([BASE]);
    await expect(applySeries(series, { kind: 'rev', repo, rev: '--upload-pack=touch /tmp/x' })).rejects.toMatchObject({ code: 'git', message: expect.stringContaining('refusing revision') });
  });
});
