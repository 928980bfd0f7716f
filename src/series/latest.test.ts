import { describe, it, expect } from 'vitest';
import { buildSeriesSet } from './build.js';
import { latestVersion } from './latest.js';
import { mail } from './test-mail.test-util.js';

const diff = (n: number) => `Do ${n}.\n\nSigned-off-by: A <a@example.org>\n---\ndiff --git a/x${n}.c b/x${n}.c\n--- a/x${n}.c\n+++ b/x${n}.c\n@@ -1 +1,2 @@\n a\n+b\n`;
const set = (messages: ReturnType<typeof mail>[]) => buildSeriesSet({ source: 't.mbox', skipped: [], messages });

describe('latestVersion (the series am applies)', () => {
  // Regression (corpus thread 005 and issue 13): the same version posted twice in one thread: the newer posting.
  it('takes the newer of two postings of the same version, and reports the other as duplicates', () => {
    const s = set([
      mail({ index: 1, id: 'a1', subject: '[PATCH v2 1/2] x: one', date: '2026-01-01T00:00:00.000Z', body: diff(1) }),
      mail({ index: 2, id: 'a2', subject: '[PATCH v2 2/2] x: two', inReplyTo: 'a1', date: '2026-01-01T00:00:01.000Z', body: diff(2) }),
      mail({ index: 3, id: 'b1', subject: '[PATCH v2 1/2] x: one', date: '2026-01-05T00:00:00.000Z', body: diff(1) }),
      mail({ index: 4, id: 'b2', subject: '[PATCH v2 2/2] x: two', inReplyTo: 'b1', date: '2026-01-05T00:00:01.000Z', body: diff(2) }),
    ]);
    const v2 = latestVersion(s.series)!;
    expect(v2.patches.map((p) => p.messageId)).toEqual(['b1', 'b2']);
    expect(s.series.flatMap((x) => x.duplicates.map((d) => d.messageId)).sort()).toEqual(['a1', 'a2']);
  });

  // Regression (corpus thread 026): a bot's lone `[PATCH]` fix-up in the thread is not the series.
  it('prefers a numbered posting to a lone [PATCH] of the same version sent later into the thread', () => {
    const s = set([
      mail({ index: 1, id: 'p1', subject: '[PATCH 1/2] x: one', date: '2026-01-01T00:00:00.000Z', body: diff(1) }),
      mail({ index: 2, id: 'p2', subject: '[PATCH 2/2] x: two', inReplyTo: 'p1', date: '2026-01-01T00:00:01.000Z', body: diff(2) }),
      mail({ index: 3, id: 'bot', subject: '[PATCH] x: fix warnings', inReplyTo: 'p2', date: '2026-01-02T00:00:00.000Z', body: diff(3) }),
    ]);
    expect(latestVersion(s.series)!.patches.map((p) => p.messageId)).toEqual(['p1', 'p2']);
  });

  // Regression (corpus threads 064, 134): a cover whose thread root is a patch (a reference cycle cut, or a reroll
  // sent in reply to the previous version) is still its patches' cover: no cover-only series.
  it('joins a reroll sent in reply to the previous version with its own cover', () => {
    const s = set([
      mail({ index: 1, id: 'v1', subject: '[PATCH] x: one', date: '2026-01-01T00:00:00.000Z', body: diff(1) }),
      mail({ index: 2, id: 'c2', subject: '[PATCH v2 0/2] x: cover', inReplyTo: 'v1', body: 'Cover.\n' }),
      mail({ index: 3, id: 'p21', subject: '[PATCH v2 1/2] x: one', inReplyTo: 'c2', references: ['v1', 'c2'], body: diff(1) }),
      mail({ index: 4, id: 'p22', subject: '[PATCH v2 2/2] x: two', inReplyTo: 'c2', references: ['v1', 'c2'], body: diff(2) }),
    ]);
    const v2 = latestVersion(s.series)!;
    expect([v2.version, v2.cover?.messageId, v2.patches.map((p) => p.messageId), v2.missing]).toEqual([2, 'c2', ['p21', 'p22'], []]);
    expect(s.series.filter((x) => x.version === 2)).toHaveLength(1);
  });
});
