import { describe, it, expect } from 'vitest';
import { buildSeriesSet } from './build.js';
import { toShowJson } from './serialize.js';
import { mail } from './test-mail.test-util.js';

const body = 'Do it.\n\nSigned-off-by: A <a@example.org>\n---\ndiff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1 +1,2 @@\n a\n+b\n';

describe('toShowJson', () => {
  it('should write the schema-1 contract with ISO dates and trailer origins', () => {
    const set = buildSeriesSet({
      source: 's.mbox',
      skipped: [],
      messages: [
        mail({ index: 1, id: 'c', subject: '[PATCH 0/1] Title', from: 'A <a@example.org>', date: '2026-02-18T01:11:32.000Z', body: 'cover' }),
        mail({ index: 2, id: 'p', subject: '[PATCH 1/1] sub: thing', inReplyTo: 'c', from: 'A <a@example.org>', body }),
        mail({ index: 3, id: 'r', subject: 'Re: [PATCH 1/1] sub: thing', inReplyTo: 'p', from: 'R <r@example.org>', body: '> a\nAcked-by: R <r@example.org>' }),
        mail({ index: 4, id: 'lone', subject: 'hi' }),
      ],
    });
    const json = JSON.parse(JSON.stringify(toShowJson(set)));
    expect(json).toMatchObject({ schema: 1, messages: 4, unthreaded: ['lone'] });
    expect(json.series[0]).toMatchObject({
      version: 1, rfc: false, total: 1, missing: [],
      cover: { subject: 'Title', author: { name: 'A', email: 'a@example.org' }, date: '2026-02-18T01:11:32.000Z', dateLocal: '2026-02-18T01:11:32.000Z', messageId: 'c', replies: [] },
    });
    expect(json.series[0].patches[0]).toEqual({
      index: 1, subject: 'sub: thing', rawSubject: '[PATCH 1/1] sub: thing', author: { name: 'A', email: 'a@example.org' },
      date: '2026-02-18T01:11:02.000Z', dateLocal: '2026-02-18T01:11:02.000Z', messageId: 'p',
      trailers: [{ key: 'Signed-off-by', value: 'A <a@example.org>', from: 'p' }, { key: 'Acked-by', value: 'R <r@example.org>', from: 'r' }],
      files: [{ path: 'x.c', added: 1, removed: 0 }],
      replies: [{ author: { name: 'R', email: 'r@example.org' }, date: '2026-02-18T01:11:03.000Z', dateLocal: '2026-02-18T01:11:03.000Z', messageId: 'r', newText: 'Acked-by: R <r@example.org>', depth: 1, parentId: 'p' }],
    });
  });

  // Regression (issue 13: the zone was lost in 211 of 228 real threads): the sender's zone is in the contract.
  it('should give each date in the sender\'s zone beside the UTC instant, from the header or the in-body Date', () => {
    const inBody = 'Date: Wed, 7 Aug 2019 09:00:00 -0700\n\nDo it.\n---\ndiff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1 +1,2 @@\n a\n+b\n';
    const set = buildSeriesSet({
      source: 's.mbox',
      skipped: [],
      messages: [
        mail({ index: 1, id: 'p', subject: '[PATCH] sub: thing', dateHeader: 'Tue,  6 Aug 2019 17:01:27 +0200 (CEST)', body }),
        mail({ index: 2, id: 'q', subject: '[PATCH] sub: other', dateHeader: 'Tue, 6 Aug 2019 17:01:27 GMT', body: inBody }),
      ],
    });
    const json = toShowJson(set);
    const [p, q] = json.series.map((s) => s.patches[0]!);
    expect([p!.date, p!.dateLocal]).toEqual(['2019-08-06T15:01:27.000Z', '2019-08-06T17:01:27+02:00']);
    expect([q!.date, q!.dateLocal]).toEqual(['2019-08-07T16:00:00.000Z', '2019-08-07T09:00:00-07:00']);
  });
});
