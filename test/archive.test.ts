// Issue 8: find every version of a series across archives (a public-inbox epoch and an mbox
// folder), made here with git: RFC, v2 as a new thread, v3 of one patch in reply to v2.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { defaultIndexPath, defaultThreads, findSeries, indexArchives, indexExitCode, loadSeriesById, openIndex, type FoundSeries, type IndexProgress } from '../src/archive/index.js';
import { blobPathOf, mboxText, patchBody, writeEpoch, writeMbox, type TestMail } from '../src/archive/test-archive.test-util.js';
import { toShowJson } from '../src/series/index.js';

const ANN = 'Ann Author <ann@example.org>';
const BOB = 'Bob Other <bob@example.org>';
const TITLE = 'dma-buf: Add DMA-buf mapping types';
const cover = (id: string, prefix: string, subject: string, minute: number, from = ANN, extra = ''): TestMail => ({
  id, subject: `[${prefix}] ${subject}`, from, minute, body: `Cover letter.\n\n${extra} a.c | 1 +\n 1 file changed, 1 insertion(+)\n`,
});
const patch = (id: string, prefix: string, subject: string, minute: number, inReplyTo: string, from = ANN): TestMail => ({
  id, subject: `[${prefix}] ${subject}`, from, minute, inReplyTo, body: patchBody(subject, 'drivers/dma-buf/dma-buf.c'),
});

const epochMails: TestMail[] = [
  cover('rfc0@x', 'PATCH RFC 0/2', TITLE, 1),
  patch('rfc1@x', 'PATCH RFC 1/2', 'dma-buf: Add the mapping type enum', 2, 'rfc0@x'),
  patch('rfc2@x', 'PATCH RFC 2/2', 'vfio/pci: Use mapping types', 3, 'rfc0@x'),
  { id: 'rev1@x', subject: 'Re: [PATCH RFC 1/2] dma-buf: Add the mapping type enum', from: BOB, minute: 4, inReplyTo: 'rfc1@x', body: '> quoted\nFine.\n\nReviewed-by: Bob Other <bob@example.org>\n' },
  cover('v20@x', 'PATCH v2 0/2', TITLE, 10),
  patch('v21@x', 'PATCH v2 1/2', 'dma-buf: Add the mapping type enum', 11, 'v20@x'),
  patch('v22@x', 'PATCH v2 2/2', 'vfio/pci: Use mapping types', 12, 'v20@x'),
  cover('bob0@x', 'PATCH 0/1', TITLE, 13, BOB),
  patch('bob1@x', 'PATCH 1/1', 'dma-buf: Something else', 14, 'bob0@x', BOB),
  cover('xe0@x', 'PATCH 0/1', 'drm/xe: Old title', 15, ANN, 'change-id: 20260401-xe-abc\n'),
  patch('xe1@x', 'PATCH 1/1', 'drm/xe: Do it', 16, 'xe0@x'),
  cover('xe20@x', 'PATCH v2 0/1', 'drm/xe: New title', 17, ANN, 'change-id: 20260401-xe-abc\n'),
  patch('xe21@x', 'PATCH v2 1/1', 'drm/xe: Do it', 18, 'xe20@x'),
];
const mboxMails: TestMail[] = [
  patch('v32@x', 'PATCH v3 2/2', 'vfio/pci: Use mapping types', 20, 'v22@x'),
  { id: 'rev2@x', subject: 'Re: [PATCH v3 2/2] vfio/pci: Use mapping types', from: BOB, minute: 21, inReplyTo: 'v32@x', body: 'Acked-by: Bob Other <bob@example.org>\n' },
];

let dir: string;
let epoch: string;
let folder: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'patchscope-archive-'));
  epoch = join(dir, 'inbox', 'git', '0.git');
  writeEpoch(epoch, epochMails);
  folder = join(dir, 'mboxes');
  mkdirSync(folder);
  writeMbox(join(folder, 'late.mbox'), mboxMails);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ours = (found: FoundSeries[]): FoundSeries | undefined => found.find((f) => f.versions.some((v) => v.messageId === 'rfc0@x'));

describe('archive index: find every version of a series', () => {
  it('links RFC, v2 (new thread) and a v3 of one patch sent in reply to v2', async () => {
    const db = join(dir, 'links.sqlite');
    const summary = await indexArchives([join(dir, 'inbox'), folder], { db, threads: 0 });
    expect(summary).toMatchObject({ sources: 2, unchanged: 0, indexed: 15, skipped: [] });
    expect(indexExitCode(summary)).toBe(0);
    const found = findSeries(openIndex(db), 'dma-buf mapping types');
    const family = ours(found)!;
    expect(family.versions.map((v) => [v.version, v.rfc, v.partial, v.patches, v.messageId])).toEqual([
      [1, true, false, 2, 'rfc0@x'],
      [2, false, false, 2, 'v20@x'],
      [3, false, true, 1, 'v32@x'],
    ]);
    // Same subject from another author is another series.
    expect(found.filter((f) => f !== family).map((f) => f.versions.map((v) => v.messageId))).toEqual([['bob0@x']]);
    expect(findSeries(openIndex(db), '<v32@x>').map((f) => f.id)).toEqual([family.id]);
    expect(findSeries(openIndex(db), 'no such words')).toEqual([]);
  });

  it('links versions by change-id when the title changed', async () => {
    const db = join(dir, 'links.sqlite');
    const found = findSeries(openIndex(db), 'drm/xe');
    expect(found).toHaveLength(1);
    expect(found[0]!.title).toBe('drm/xe: New title');
    expect(found[0]!.versions.map((v) => [v.version, v.title])).toEqual([[1, 'drm/xe: Old title'], [2, 'drm/xe: New title']]);
  });

  it('loads a series by id from the archives, replies and partial reroll included', async () => {
    const db = openIndex(join(dir, 'links.sqlite'));
    const family = ours(findSeries(db, TITLE))!;
    const set = await loadSeriesById(db, family.id);
    const bySeries = set.series.map((s) => [s.version, s.rfc, s.patches.map((p) => p.messageId)]);
    expect(bySeries).toEqual([[1, true, ['rfc1@x', 'rfc2@x']], [2, false, ['v21@x', 'v22@x']], [3, false, ['v32@x']]]);
    const v3 = set.series.find((s) => s.version === 3)!;
    expect(v3.partialReroll).toEqual({ from: 2, standIns: [{ index: 1, messageId: 'v21@x' }] });
    expect(v3.patches[0]!.trailers.map((t) => t.key)).toContain('Acked-by');
    expect(set.series[0]!.patches[0]!.replies.map((r) => r.messageId)).toEqual(['rev1@x']);
    await expect(loadSeriesById(db, 'ffffffffffff')).rejects.toThrow(/no such series/);
  });

  it('names an archive that is gone since indexing', async () => {
    const gone = join(dir, 'gone.mbox');
    writeMbox(gone, mboxMails);
    const db = join(dir, 'gone.sqlite');
    await indexArchives([gone], { db, threads: 0 });
    const [series] = findSeries(openIndex(db), 'vfio/pci');
    rmSync(gone);
    await expect(loadSeriesById(openIndex(db), series!.id)).rejects.toThrow(`${gone}: no such file or directory`);
  });

  it('a second run reads nothing new; an appended message is the only one read', async () => {
    const db = join(dir, 'links.sqlite');
    const before = findSeries(openIndex(db), '');
    const again = await indexArchives([join(dir, 'inbox'), folder], { db, threads: 0 });
    expect(again).toMatchObject({ sources: 2, unchanged: 2, indexed: 0 });
    expect(findSeries(openIndex(db), '')).toEqual(before);
    appendFileSync(join(folder, 'late.mbox'), mboxText([{ id: 'rev3@x', subject: 'Re: [PATCH v3 2/2] x', from: ANN, minute: 22, inReplyTo: 'rev2@x', body: 'Thanks.\n' }]));
    writeEpoch(epoch, [cover('new0@x', 'PATCH 0/1', 'iommufd: A new series', 30), patch('new1@x', 'PATCH 1/1', 'iommufd: Fix', 31, 'new0@x')]);
    const third = await indexArchives([join(dir, 'inbox'), folder], { db, threads: 0 });
    expect(third).toMatchObject({ unchanged: 0, indexed: 3, totals: { messages: 18 } });
    expect(findSeries(openIndex(db), 'iommufd').map((f) => f.title)).toEqual(['iommufd: A new series']);
    // Regrouping only what the new mail touched gives what grouping everything from scratch gives.
    const fresh = join(dir, 'fresh.sqlite');
    await indexArchives([join(dir, 'inbox'), folder], { db: fresh, threads: 0 });
    expect(findSeries(openIndex(db), '')).toEqual(findSeries(openIndex(fresh), ''));
    const family = ours(findSeries(openIndex(db), TITLE))!;
    const show = async (path: string) => JSON.stringify(toShowJson(await loadSeriesById(openIndex(path), family.id)));
    expect(await show(db)).toEqual(await show(fresh));
  });
});

describe('archive index: the flagship series', () => {
  it('links the RFC and the v2 whose cover title changed, by their common patches', async () => {
    const fixtures = resolve(__dirname, '..', 'fixtures', 'dmabuf-mapping-types');
    const db = join(dir, 'flagship.sqlite');
    await indexArchives([join(fixtures, 'series.mbox'), join(fixtures, 'series-v2.mbox')], { db, threads: 0 });
    const found = findSeries(openIndex(db), 'DMA-buf mapping types');
    expect(found.map((f) => f.versions.map((v) => [v.version, v.rfc, v.patches, v.total]))).toEqual([[[1, true, 26, 26], [2, false, 20, 20]]]);
    expect(found[0]!.title).toBe('Add DMA-buf mapping types and move exporters to the SGT type');
  });
});

describe('archive index: progress and defaults', () => {
  it('reports messages and bytes against the bytes still to read', async () => {
    const seen: IndexProgress[] = [];
    const path = join(dir, 'progress.mbox');
    writeMbox(path, [...epochMails, ...mboxMails]);
    const summary = await indexArchives([path], { db: join(dir, 'progress.sqlite'), threads: 0, onProgress: (p) => seen.push(p) });
    const last = seen.at(-1)!;
    expect([last.messages, last.skipped, last.sourceIndex, last.sources]).toEqual([summary.indexed, 0, 1, 1]);
    expect(last.bytes).toBeGreaterThan(0);
    expect(last.bytes).toBeLessThanOrEqual(last.total!);
  });

  it('puts the index in the XDG cache and uses no worker on two cores', () => {
    expect(defaultIndexPath({ XDG_CACHE_HOME: '/c' })).toBe('/c/patchscope/index.sqlite');
    expect(defaultIndexPath({ XDG_CACHE_HOME: 'relative' })).toMatch(/\.cache\/patchscope\/index\.sqlite$/);
    expect([defaultThreads(2), defaultThreads(8)]).toEqual([0, 7]);
  });
});

describe('archive index: changed archives', () => {
  it('a gzip is read again only when it changed, and never counted twice', async () => {
    const gz = join(dir, 'list.mbox.gz');
    writeFileSync(gz, gzipSync(mboxText(mboxMails)));
    const db = join(dir, 'gz.sqlite');
    expect(await indexArchives([gz], { db, threads: 0 })).toMatchObject({ indexed: 2, unchanged: 0 });
    expect(await indexArchives([gz], { db, threads: 0 })).toMatchObject({ indexed: 0, unchanged: 1 });
    writeFileSync(gz, gzipSync(mboxText([...mboxMails, cover('gz0@x', 'PATCH 0/1', 'gz: later', 40)])));
    expect(await indexArchives([gz], { db, threads: 0 })).toMatchObject({ indexed: 3, totals: { messages: 3 } });
  });

  it('an epoch whose history was rewritten is read again from scratch', async () => {
    const e = join(dir, 'rewritten.git');
    writeEpoch(e, epochMails.slice(0, 2));
    const db = join(dir, 'rewritten.sqlite');
    await indexArchives([e], { db, threads: 0 });
    rmSync(e, { recursive: true, force: true });
    writeEpoch(e, epochMails.slice(4, 7));
    const again = await indexArchives([e], { db, threads: 0 });
    expect(again).toMatchObject({ indexed: 3, totals: { messages: 3 } });
    expect(findSeries(openIndex(db), '').map((f) => f.versions.map((v) => v.messageId))).toEqual([['v20@x']]);
  });
});

describe('archive index: workers', () => {
  it('gives the same index with worker threads as on one thread', async () => {
    const one = join(dir, 'one.sqlite');
    const two = join(dir, 'two.sqlite');
    await indexArchives([join(dir, 'inbox'), folder], { db: one, threads: 0 });
    await indexArchives([join(dir, 'inbox'), folder], { db: two, threads: 2 });
    const dump = (path: string): string => {
      const db = openIndex(path);
      const rows = db.prepare('SELECT source_id, position, msgid, in_reply_to, refs, subject, from_name, from_email, date, kind, has_diff, has_diffstat, change_id FROM messages ORDER BY id').all();
      return JSON.stringify({ rows, found: findSeries(db, '') });
    };
    expect(dump(two)).toEqual(dump(one));
    const family = ours(findSeries(openIndex(one), TITLE))!;
    const show = async (path: string) => JSON.stringify(toShowJson(await loadSeriesById(openIndex(path), family.id)));
    expect(await show(two)).toEqual(await show(one));
  });
});

describe('archive index: damaged archives', () => {
  it('skips a corrupt git object and a message cut in half, names their positions, indexes the rest', async () => {
    const bad = join(dir, 'bad');
    const commits = writeEpoch(join(bad, 'e.git'), epochMails.slice(0, 4));
    const blob = blobPathOf(join(bad, 'e.git'), commits[2]!);
    chmodSync(blob, 0o644);
    writeFileSync(blob, 'garbage');
    const text = mboxText(mboxMails);
    writeFileSync(join(bad, 'cut.mbox'), text.slice(0, text.length - 10));
    const summary = await indexArchives([join(bad, 'e.git'), join(bad, 'cut.mbox')], { db: join(dir, 'bad.sqlite'), threads: 0 });
    expect(summary.indexed).toBe(4);
    expect(summary.skipped.map((s) => [s.source, s.position])).toEqual([
      [join(bad, 'e.git'), commits[2]],
      [join(bad, 'cut.mbox'), String(text.indexOf('From mboxrd', 1))],
    ]);
    expect(summary.skipped[1]!.reason).toContain('cut in half');
    expect(indexExitCode(summary)).toBe(1);
  });

  it('exit code 2 when nothing could be read', async () => {
    const path = join(dir, 'only-cut.mbox');
    writeFileSync(path, 'From mboxrd@z Thu Jan  1 00:00:00 1970\nSubject: x');
    const summary = await indexArchives([path], { db: join(dir, 'nothing.sqlite'), threads: 0 });
    expect([summary.indexed, summary.skipped.length, indexExitCode(summary)]).toEqual([0, 1, 2]);
  });
});
