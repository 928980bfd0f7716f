import { afterEach, describe, expect, it } from 'vitest';
import { GitError } from '../../util/errors.js';
import { resolveCommit, runGit, tryGit } from './git.js';
import { makeRepo, makeTree, removeTestTrees } from './temp-tree.test-util.js';

afterEach(() => removeTestTrees());

describe('the git edge', { timeout: 30_000 }, () => {
  it('wraps a failing command in a GitError that keeps the command', async () => {
    const dir = makeTree({});
    const err = await runGit(dir, ['rev-parse', '--verify', 'HEAD']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitError);
    expect((err as GitError).command).toEqual(['git', 'rev-parse', '--verify', 'HEAD']);
    expect((err as GitError).message).toContain(dir);
  });

  it('returns an expected failure as a value', async () => {
    const r = await tryGit(makeTree({}), ['rev-parse', '--verify', 'HEAD']);
    expect(r.ok).toBe(false);
  });

  it('resolves a revision to its commit id, and names a missing one', async () => {
    const repo = await makeRepo([{ a: '1\n' }, { a: '2\n' }]);
    expect(await resolveCommit(repo, 'HEAD~1')).toBe((await runGit(repo, ['rev-parse', 'HEAD~1'])).trim());
    await expect(resolveCommit(repo, 'no-such-branch')).rejects.toMatchObject({ code: 'git' });
  });
});
