import { afterEach, describe, expect, it } from 'vitest';
import { repositoryAt, runGit } from '../../util/git/index.js';
import { objectStoreOf, resolveCommit } from './git.js';
import { makeRepo, removeTestTrees } from './temp-tree.test-util.js';

afterEach(() => removeTestTrees());

describe('reading the base repository', { timeout: 30_000 }, () => {
  it('resolves a revision to its commit id, and names a missing one', async () => {
    const repo = await makeRepo([{ a: '1\n' }, { a: '2\n' }]);
    expect(await resolveCommit(repo, 'HEAD~1')).toBe((await runGit(repositoryAt(repo), ['rev-parse', 'HEAD~1'])).trim());
    await expect(resolveCommit(repo, 'no-such-branch')).rejects.toMatchObject({ code: 'git' });
  });

  it('finds the object folder a scratch repository borrows, as an absolute path', async () => {
    const repo = await makeRepo([{ a: '1\n' }]);
    expect(await objectStoreOf(repo)).toEqual({ objects: `${repo}/.git/objects`, format: 'sha1' });
  });
});
