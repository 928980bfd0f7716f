import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { archiveSources, mboxRecords, readInto, startsMessageAt } from './archive-folder.js';
import { MAX_ARCHIVE_MESSAGE, type ArchiveRecord } from './types.js';
import { mailText, mboxText, writeEpoch, type TestMail } from './test-archive.test-util.js';

const mails: TestMail[] = [1, 2, 3].map((i) => ({ id: `f${i}@example.org`, subject: `message ${i}`, body: `line ${i}\nFrom the body, quoted in mboxrd.\n`, minute: i }));

async function all(records: AsyncIterable<ArchiveRecord>): Promise<ArchiveRecord[]> {
  const out: ArchiveRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}
const text = (r: ArchiveRecord): string => (r.kind === 'raw' ? r.bytes.toString('utf8') : `damaged: ${r.reason}`);

describe('mbox records', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'patchscope-folder-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives each message with its offset, un-quoted, and the offset of the next as resume point', async () => {
    const path = join(dir, 'a.mbox');
    const content = mboxText(mails);
    writeFileSync(path, content);
    const records = await all(mboxRecords(path, 0, true));
    expect(records.map(text)).toEqual(mails.map((m) => `${mailText(m)}\n`));
    const offsets = records.map((r) => (r.position.kind === 'offset' ? r.position.offset : -1));
    expect(offsets[0]).toBe(0);
    expect(records.map((r) => r.resume)).toEqual([String(offsets[1]), String(offsets[2]), String(Buffer.byteLength(content))]);
    expect(await startsMessageAt(path, offsets[1]!)).toBe(true);
    expect(await startsMessageAt(path, offsets[1]! + 3)).toBe(false);
  });

  it('resumes at a stored offset and reads only what follows (an appended message too)', async () => {
    const path = join(dir, 'b.mbox');
    writeFileSync(path, mboxText(mails.slice(0, 2)));
    const first = await all(mboxRecords(path, 0, true));
    appendFileSync(path, mboxText(mails.slice(2)));
    const rest = await all(mboxRecords(path, Number(first[1]!.resume), true));
    expect(rest.map(text)).toEqual([`${mailText(mails[2]!)}\n`]);
    expect(rest[0]!.position).toEqual({ kind: 'offset', source: path, offset: Number(first[1]!.resume) });
  });

  it('reports a message cut in half (the file ends mid-line) and keeps the others', async () => {
    const path = join(dir, 'cut.mbox');
    const content = mboxText(mails);
    writeFileSync(path, content.slice(0, content.length - 12));
    const records = await all(mboxRecords(path, 0, true));
    expect(records.map((r) => r.kind)).toEqual(['raw', 'raw', 'damaged']);
    expect(text(records[2]!)).toContain('cut in half');
  });

  it('passes over a message larger than the cap without holding it, and reads on', async () => {
    const path = join(dir, 'huge.mbox');
    const huge = { ...mails[1]!, body: `${'x'.repeat(1023)}\n`.repeat(MAX_ARCHIVE_MESSAGE / 1024 + 1) };
    writeFileSync(path, mboxText([mails[0]!, huge, mails[2]!]));
    const records = await all(mboxRecords(path, 0, true));
    expect(records.map((r) => r.kind)).toEqual(['raw', 'damaged', 'raw']);
    expect(text(records[1]!)).toMatch(/over the \d+-byte cap/);
    expect(text(records[2]!)).toBe(`${mailText(mails[2]!)}\n`);
  });

  it('reports a truncated gzip at the message being read and keeps the ones before it', async () => {
    const path = join(dir, 'cut.mbox.gz');
    const many = Array.from({ length: 60 }, (_, i) => ({ ...mails[0]!, id: `g${i}@example.org`, body: `${'word '.repeat(400)}\n${i}\n` }));
    const gz = gzipSync(mboxText(many));
    writeFileSync(path, gz.subarray(0, Math.floor(gz.length / 2)));
    const records = await all(mboxRecords(path, 0, true));
    const kinds = records.map((r) => r.kind);
    expect(kinds.at(-1)).toBe('damaged');
    expect(kinds.slice(0, -1).every((k) => k === 'raw')).toBe(true);
    expect(records.length).toBeGreaterThan(2);
    expect(records.length).toBeLessThan(60);
    expect(text(records.at(-1)!)).toMatch(/gzip data truncated or corrupt at compressed byte \d+/);
  });
});

describe('archive sources', () => {
  it('a file is an mbox, a folder its mail files in name order, an inbox its epochs in number order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'patchscope-sources-'));
    try {
      const folder = join(dir, 'folder');
      mkdirSync(folder);
      for (const name of ['10.mbox', '2.mbox', 'notes.txt', 'old.mbox.gz']) writeFileSync(join(folder, name), mboxText(mails));
      expect(await archiveSources(join(folder, '2.mbox'))).toEqual([{ kind: 'mbox', path: join(folder, '2.mbox') }]);
      expect((await archiveSources(folder)).map((s) => s.path)).toEqual(['2.mbox', '10.mbox', 'old.mbox.gz'].map((n) => join(folder, n)));
      const inbox = join(dir, 'inbox');
      writeEpoch(join(inbox, 'git', '10.git'), mails.slice(0, 1));
      writeEpoch(join(inbox, 'git', '2.git'), mails.slice(1, 2));
      expect(await archiveSources(inbox)).toEqual([
        { kind: 'epoch', path: join(inbox, 'git', '2.git') },
        { kind: 'epoch', path: join(inbox, 'git', '10.git') },
      ]);
      expect(await archiveSources(join(inbox, 'git', '2.git'))).toEqual([{ kind: 'epoch', path: join(inbox, 'git', '2.git') }]);
      await expect(archiveSources(join(dir, 'missing'))).rejects.toThrow(/no such file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('readInto', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'patchscope-read-into-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the file from any start, each chunk intact until the next is asked for while the next is read', async () => {
    // No period that a chunk's length could hide a wrong read behind: an LCG's high bytes.
    let x = 12345;
    const bytes = Buffer.from(Array.from({ length: 3.5 * 1024 * 1024 }, () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24)));
    const path = join(dir, 'big');
    writeFileSync(path, bytes);
    for (const start of [0, 1, 1024 * 1024 + 3, bytes.length]) {
      const seen: Buffer[] = [];
      let at = start;
      for await (const chunk of readInto(path, start)) {
        // The next read is under way meanwhile: it must not land in this chunk.
        await new Promise((resolve) => setTimeout(resolve, 5));
        expect(chunk.equals(bytes.subarray(at, at + chunk.length))).toBe(true);
        seen.push(Buffer.from(chunk));
        at += chunk.length;
      }
      expect(Buffer.concat(seen).equals(bytes.subarray(start))).toBe(true);
    }
    // Left early, with a read under way: it ends quietly.
    for await (const chunk of readInto(path)) if (chunk.length > 0) break;
  });
});
