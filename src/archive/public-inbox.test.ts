import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { epochHead, epochRecords, isAncestorOfHead, isEpoch, commitRecords } from './public-inbox.js';
import { MAX_ARCHIVE_MESSAGE, type ArchiveRecord } from './types.js';
import { blobPathOf, mailText, writeEpoch, type TestMail } from './test-archive.test-util.js';

const mails: TestMail[] = [1, 2, 3, 4].map((i) => ({ id: `m${i}@example.org`, subject: `message ${i}`, body: `body ${i}\nFrom here on, text.\n`, minute: i }));

async function all(records: AsyncIterable<ArchiveRecord>): Promise<ArchiveRecord[]> {
  const out: ArchiveRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}

describe('public-inbox v2 epoch', () => {
  let dir: string;
  let epoch: string;
  let commits: string[];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'patchscope-epoch-'));
    epoch = join(dir, '0.git');
    commits = writeEpoch(epoch, mails);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is recognised as an epoch, a plain folder is not', async () => {
    expect(await isEpoch(epoch)).toBe(true);
    expect(await isEpoch(dir)).toBe(false);
    expect(await epochHead(epoch)).toBe(commits[3]);
    expect(await isAncestorOfHead(epoch, commits[1]!)).toBe(true);
    expect(await isAncestorOfHead(epoch, '0'.repeat(40))).toBe(false);
  });

  it('streams every message blob oldest first, each with its commit as position and resume point', async () => {
    const records = await all(epochRecords(epoch));
    expect(records.map((r) => r.kind)).toEqual(['raw', 'raw', 'raw', 'raw']);
    expect(records.map((r) => r.resume)).toEqual(commits);
    expect(records.map((r) => r.position)).toEqual(commits.map((commit) => ({ kind: 'commit', source: epoch, commit })));
    expect(records.map((r) => (r.kind === 'raw' ? r.bytes.toString('utf8') : ''))).toEqual(mails.map(mailText));
  });

  it('reads only the commits after `since`', async () => {
    const records = await all(epochRecords(epoch, commits[1]!));
    expect(records.map((r) => r.resume)).toEqual(commits.slice(2));
  });

  it('reads the blobs of chosen commits in the order asked', async () => {
    const records = await all(commitRecords(epoch, [commits[2]!, commits[0]!]));
    expect(records.map((r) => (r.kind === 'raw' ? r.bytes.toString('utf8') : r.reason))).toEqual([mailText(mails[2]!), mailText(mails[0]!)]);
  });

  it('refuses a since that is not a commit id (never reaches git argv)', async () => {
    await expect(all(epochRecords(epoch, '--output=/tmp/x'))).rejects.toThrow(/not a commit id/);
  });
});

describe('an oversized message blob', () => {
  it('is passed over without being held, and the next commit is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'patchscope-epoch-big-'));
    try {
      const big = { ...mails[1]!, body: `${'y'.repeat(1023)}\n`.repeat(MAX_ARCHIVE_MESSAGE / 1024 + 1) };
      const commits = writeEpoch(join(dir, 'e.git'), [mails[0]!, big, mails[2]!]);
      const records = await all(epochRecords(join(dir, 'e.git')));
      expect(records.map((r) => [r.kind, r.resume])).toEqual([['raw', commits[0]], ['damaged', commits[1]], ['raw', commits[2]]]);
      expect(records[1]!.kind === 'damaged' && records[1]!.reason).toMatch(/over the \d+-byte cap/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a damaged epoch', () => {
  it('reports a corrupt blob and a commit without m by commit id, and reads the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'patchscope-epoch-bad-'));
    try {
      const epoch = join(dir, 'e.git');
      const commits = writeEpoch(epoch, mails);
      const blob = blobPathOf(epoch, commits[1]!);
      chmodSync(blob, 0o644);
      writeFileSync(blob, Buffer.from('this is not a zlib stream at all'));
      // A commit whose tree holds no `m`.
      const env = { ...process.env, GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@b', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@b' };
      const tree = execFileSync('git', [`--git-dir=${epoch}`, 'mktree'], { input: '', encoding: 'utf8' }).trim();
      const empty = execFileSync('git', [`--git-dir=${epoch}`, 'commit-tree', tree, '-p', commits[3]!, '-m', 'x'], { encoding: 'utf8', env }).trim();
      execFileSync('git', [`--git-dir=${epoch}`, 'update-ref', 'HEAD', empty]);
      const records = await all(epochRecords(epoch));
      expect(records.map((r) => [r.kind, r.resume])).toEqual([
        ['raw', commits[0]],
        ['damaged', commits[1]],
        ['raw', commits[2]],
        ['raw', commits[3]],
        ['damaged', empty],
      ]);
      const damaged = records.filter((r) => r.kind === 'damaged').map((r) => (r.kind === 'damaged' ? r.reason : ''));
      expect(damaged[0]).toContain(`commit ${commits[1]}`);
      expect(damaged[1]).toContain(`no message blob m in commit ${empty}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
