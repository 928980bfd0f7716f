// Issue 17: a stable-tree notice ("Patch "X" has been added to the 6.1-stable tree") carries the
// patch it is about, diff included. One rule (src/series/stable-notice.ts, applied by classify)
// decides for the series view (show, the TUI) and the archive index (find) alike: a notice is a
// message, never a version of a series. Before it, show and the TUI listed each notice as a series
// of its own, and so did find.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeriesSet, parseSubject } from '../src/series/index.js';
import { isStableNotice } from '../src/series/stable-notice.js';
import { findSeries, indexArchives, openIndex } from '../src/archive/index.js';
import { patchBody, writeMbox, type TestMail } from '../src/archive/test-archive.test-util.js';

const GREG = 'Stable Robot <stable@example.org>';
const FIX = 'dma-buf: Fix the refcount on release';
/** Our own wording around the notice's real subject forms; the patch is quoted as the stable team quotes it. */
const notice = (id: string, subject: string, minute: number): TestMail => ({
  id, subject, from: GREG, minute,
  body: `This is a note to let you know that the patch below was queued.\n\n>From 0123 Mon Sep 17 00:00:00 2001\nFrom: Ann Author <ann@example.org>\n` +
    `Subject: ${FIX}\n\n${patchBody(FIX, 'drivers/dma-buf/dma-buf.c')}`,
});
const mails: TestMail[] = [
  { id: 'fix1@x', subject: `[PATCH] ${FIX}`, minute: 1, body: patchBody(FIX, 'drivers/dma-buf/dma-buf.c') },
  notice('n414@x', `[Linaro-mm-sig] Patch "${FIX}" has been added to the 4.14-stable tree`, 2),
  notice('n419@x', `Patch "${FIX}" has been added to the 4.19-stable tree`, 3),
  notice('n510@x', `FAILED: patch "[PATCH] ${FIX}" failed to apply to 5.10-stable tree`, 4),
  notice('n61@x', `patch "${FIX}" added to the 6.1-stable tree`, 5),
];

let dir: string;
let mbox: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'patchscope-stable-'));
  mbox = join(dir, 'list.mbox');
  writeMbox(mbox, mails);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('stable-tree notices: one rule for series and archive', () => {
  it('recognises the notice forms by their subject, and nothing that merely mentions stable', () => {
    for (const m of mails.slice(1)) expect(isStableNotice(parseSubject(m.subject).summary), m.subject).toBe(true);
    for (const s of [`[PATCH] ${FIX}`, '[PATCH 5.10 012/123] dma-buf: Fix the refcount',
      'dma-buf: keep the stable tree building', 'Patch "x" has been added to the queue']) {
      expect(isStableNotice(parseSubject(s).summary), s).toBe(false);
    }
  });

  it('the series view (show, the TUI) has the patch as its one series; the notices are messages outside any series', async () => {
    const set = await loadSeriesSet(mbox);
    expect(set.series.map((s) => s.title)).toEqual([FIX]);
    expect(set.series[0]!.patches).toHaveLength(1);
    expect(set.messages).toBe(mails.length);
    expect(set.unthreaded.length).toBe(4);
  });

  it('find, over the archive index, gives the same one series and no notice', async () => {
    const db = join(dir, 'index.sqlite');
    await indexArchives([mbox], { db, threads: 0 });
    const idx = openIndex(db);
    try {
      const found = findSeries(idx, '');
      expect(found.map((f) => f.title)).toEqual([FIX]);
      expect(found[0]!.versions.map((v) => v.messageId)).toEqual(['fix1@x']);
    } finally {
      idx.close();
    }
  });
});
