import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { GitError, InputError } from '../util/errors.js';
import { parseGitRange } from './git-range.js';
import { readInput } from './index.js';

describe('parseGitRange', () => {
  it.each([
    ['git:v6.19..HEAD', { base: 'v6.19', head: 'HEAD' }],
    ['git:HEAD~3..', { base: 'HEAD~3', head: 'HEAD' }],
    ['git:origin/main..feature/x^{commit}', { base: 'origin/main', head: 'feature/x^{commit}' }],
    ['git:main@{1}..main', { base: 'main@{1}', head: 'main' }],
  ])('%s', (spec, want) => {
    expect(parseGitRange(spec)).toEqual(want);
  });

  it.each(['git:HEAD:README..HEAD', 'git:a//b..c', 'git:main.lock..HEAD', 'git:-oops..HEAD', 'git:HEAD..--output=/tmp/x', 'git:a b..c', 'git:a;rm..b', 'git:$(id)..b', 'git:HEAD', 'git:..HEAD', 'git:a...b'])(
    'refuses %s',
    (spec) => {
      expect(() => parseGitRange(spec)).toThrow(InputError);
    },
  );
});

describe('git range ingest', () => {
  let repo: string;
  beforeAll(async () => {
    repo = mkdtempSync(join(tmpdir(), 'patchscope-git-'));
    const git = simpleGit({ baseDir: repo });
    await git.init();
    await git.addConfig('user.name', 'Jason Gunthorpe');
    await git.addConfig('user.email', 'jgg@nvidia.com');
    await git.addConfig('commit.gpgsign', 'false');
    writeFileSync(join(repo, 'dma-buf.c'), 'int x;\n');
    await git.add(['--', 'dma-buf.c']);
    await git.commit('base');
    await git.addTag('base');
    const subjects = ['dma-buf: Introduce DMA-buf mapping types', 'dma-buf: Add the SGT DMA mapping type'];
    for (const [i, subject] of subjects.entries()) {
      writeFileSync(join(repo, 'dma-buf.c'), `int x;\nint y${i};\n`);
      await git.add(['--', 'dma-buf.c']);
      await git.commit(subject, undefined, { '--date': `2026-02-17T20:11:3${i}-04:00` });
    }
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('reads the commits of BASE..HEAD as messages, in commit order', async () => {
    const r = await readInput('git:base..HEAD', { repo });
    expect(r.skipped).toEqual([]);
    expect(r.messages.map((m) => m.subject)).toEqual([
      '[PATCH 1/2] dma-buf: Introduce DMA-buf mapping types',
      '[PATCH 2/2] dma-buf: Add the SGT DMA mapping type',
    ]);
    expect(r.messages.map((m) => m.date)).toEqual(['2026-02-18T00:11:30.000Z', '2026-02-18T00:11:31.000Z']);
    expect(r.messages[0]!.from).toEqual({ name: 'Jason Gunthorpe', email: 'jgg@nvidia.com' });
    expect(r.messages[0]!.body).toContain('+int y0;');
    expect(r.messages[1]!.origin).toEqual({ source: 'git:base..HEAD', index: 2, offset: expect.any(Number) });
  });

  // Regression: every commit of a git: range was reported as "message N has no Message-ID".
  it('names each message after its commit: <SHA@git>, the same on every run', async () => {
    const shas = (await simpleGit({ baseDir: repo }).raw(['rev-list', '--reverse', 'base..HEAD'])).trim().split('\n');
    const r = await readInput('git:base..HEAD', { repo });
    expect(r.messages.map((m) => m.messageId)).toEqual(shas.map((sha) => `${sha}@git`));
    expect((await readInput('git:base..HEAD', { repo })).messages.map((m) => m.messageId)).toEqual(r.messages.map((m) => m.messageId));
  });

  it('reports an empty range and an unknown revision', async () => {
    await expect(readInput('git:HEAD..HEAD', { repo })).rejects.toThrow(/git:HEAD\.\.HEAD: the range contains no commits/);
    await expect(readInput('git:nosuchrev..HEAD', { repo })).rejects.toBeInstanceOf(GitError);
  });
});
