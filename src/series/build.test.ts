import { describe, it, expect } from 'vitest';
import type { IngestResult, RawMessage } from '../ingest/index.js';
import { buildSeriesSet, countPlaced } from './build.js';
import { mail } from './test-mail.test-util.js';
import { cpuNow } from '../../test/support/cpu-clock.js';

const diffFor = (file: string) =>
  `---\n ${file} | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n\ndiff --git a/${file} b/${file}\nindex 1..2 100644\n--- a/${file}\n+++ b/${file}\n@@ -1,2 +1,2 @@\n ctx\n-old\n+new\n-- \n2.43.0\n`;

const patchBody = (n: number) => `Change number ${n}.\n\nSigned-off-by: Test Author <author@example.org>\n${diffFor(`f${n}.c`)}`;

function ingest(messages: RawMessage[], skipped: IngestResult['skipped'] = []): IngestResult {
  return { source: 'test.mbox', messages, skipped };
}

describe('buildSeriesSet', () => {
  it('should build one series with cover, ordered patches, missing, duplicates, replies and trailers', () => {
    const msgs = [
      mail({ index: 1, id: 'cover', subject: '[PATCH RFC v2 0/4] The series', body: 'Cover text.\n\nbase-commit: c63e5a50e1dd291cd95b04291b028fdcaba4c534\n' }),
      mail({ index: 2, id: 'p3', subject: '[PATCH RFC v2 3/4] third', inReplyTo: 'cover', body: patchBody(3) }),
      mail({ index: 3, id: 'p1', subject: '[PATCH RFC v2 1/4] first', inReplyTo: 'cover', body: patchBody(1) }),
      mail({ index: 4, id: 'p1-again', subject: '[PATCH RFC v2 1/4] first (resent)', inReplyTo: 'cover', body: patchBody(1) }),
      mail({ index: 5, id: 'r1', subject: 'Re: [PATCH RFC v2 3/4] third', inReplyTo: 'p3', references: ['cover', 'p3'],
        from: 'Rev Iewer <rev@example.org>', date: '2026-03-02T00:00:00.000Z',
        body: 'On Tue, X wrote:\n> -old\n\nLooks right.\n\nReviewed-by: Rev Iewer <rev@example.org>\n' }),
      mail({ index: 6, id: 'r2', subject: 'Re: [PATCH RFC v2 3/4] third', inReplyTo: 'r1', references: ['cover', 'p3', 'r1'],
        from: 'Test Author <author@example.org>', date: '2026-03-01T00:00:00.000Z', body: '> Looks right.\n\nThanks!\n' }),
      mail({ index: 7, id: 'rc', subject: 'Re: [PATCH RFC v2 0/4] The series', inReplyTo: 'cover',
        from: 'Ack Er <ack@example.org>', body: 'Acked-by: Ack Er <ack@example.org>\n' }),
      mail({ index: 8, id: 'chatter', subject: 'Unrelated', body: 'hello' }),
      mail({ index: 9, id: 'chatter', subject: 'Unrelated copy', body: 'hello' }),
    ];
    const set = buildSeriesSet(ingest(msgs, [{ origin: { source: 'test.mbox', index: 10, offset: null }, messageId: null, reason: 'undecodable' }]));
    expect(set.messages).toBe(10);
    expect(countPlaced(set)).toBe(10);
    expect(set.series).toHaveLength(1);
    const s = set.series[0]!;
    expect(s).toMatchObject({ id: 'cover', title: 'The series', version: 2, rfc: true, total: 4, missing: [2, 4], rootId: 'cover' });
    expect(s.baseCommit).toBe('c63e5a50e1dd291cd95b04291b028fdcaba4c534');
    expect(s.duplicates).toEqual([{ index: 1, messageId: 'p1-again' }]);
    expect(s.patches.map((p) => [p.index, p.messageId, p.subject])).toEqual([[1, 'p1', 'first'], [3, 'p3', 'third']]);
    const p3 = s.patches[1]!;
    expect(p3.replies.map((r) => [r.messageId, r.depth, r.parentId])).toEqual([['r2', 2, 'r1'], ['r1', 1, 'p3']]);
    expect(p3.trailers.map((t) => `${t.origin} ${t.key}: ${t.value}`)).toEqual([
      'patch Signed-off-by: Test Author <author@example.org>',
      'reply Reviewed-by: Rev Iewer <rev@example.org>',
    ]);
    expect(p3.files.map((f) => [f.path, f.added, f.removed])).toEqual([['f3.c', 1, 1]]);
    expect(p3.diffstatMismatches).toEqual([]);
    expect(s.cover?.trailers.map((t) => `${t.origin} ${t.key}`)).toEqual(['reply Acked-by']);
    expect(s.cover?.baseCommit).toBe('c63e5a50e1dd291cd95b04291b028fdcaba4c534');
    expect(set.unthreaded).toEqual(['chatter', 'chatter']);
    expect(set.notes.join('\n')).toMatch(/repeats Message-ID <chatter>/);
  });

  it('should keep several versions apart and recognise a partial reroll', () => {
    const msgs = [
      mail({ index: 1, id: 'c1', subject: '[PATCH 0/2] s', body: 'cover' }),
      mail({ index: 2, id: 'a1', subject: '[PATCH 1/2] a', inReplyTo: 'c1', body: patchBody(1) }),
      mail({ index: 3, id: 'b1', subject: '[PATCH 2/2] b', inReplyTo: 'c1', body: patchBody(2) }),
      mail({ index: 4, id: 'b2', subject: '[PATCH v2 2/2] b', inReplyTo: 'b1', references: ['c1', 'b1'], body: patchBody(2) }),
      mail({ index: 5, id: 'x2', subject: '[PATCH v2 0/1] other', body: 'other cover' }),
      mail({ index: 6, id: 'y2', subject: '[PATCH v2 1/1] other', inReplyTo: 'x2', body: patchBody(9) }),
    ];
    const set = buildSeriesSet(ingest(msgs));
    expect(countPlaced(set)).toBe(6);
    expect(set.series.map((s) => [s.id, s.version, s.patches.map((p) => p.messageId), s.missing])).toEqual([
      ['c1', 1, ['a1', 'b1'], []],
      ['b2', 2, ['b2'], []],
      ['x2', 2, ['y2'], []],
    ]);
    expect(set.series[1]?.partialReroll).toEqual({ from: 1, standIns: [{ index: 1, messageId: 'a1' }] });
    expect(set.series[0]?.patches[1]?.replies).toEqual([]);
  });

  it('should group unthreaded format-patch output and find a single patch without counter', () => {
    const msgs = [1, 2, 3].map((n) => mail({ index: n, id: `u${n}`, subject: `[PATCH ${n}/3] u${n}`, body: patchBody(n), source: 'dir' }));
    msgs.push(mail({ index: 4, id: 'single', subject: '[PATCH] single', body: patchBody(7) }));
    const set = buildSeriesSet([ingest(msgs.slice(0, 3)), ingest(msgs.slice(3))]);
    expect(set.series.map((s) => [s.patches.map((p) => p.index), s.total, s.cover])).toEqual([[[1, 2, 3], 3, null], [[1], 1, null]]);
  });

  it('should record an unparseable diff on the patch instead of throwing', () => {
    const body = 'msg\n---\ndiff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,5 +1,5 @@\n-a\n+b\n';
    const set = buildSeriesSet(ingest([mail({ id: 'bad', subject: '[PATCH] bad', body })]));
    const p = set.series[0]?.patches[0];
    expect(p?.files).toEqual([]);
    expect(p?.diffError).toMatch(/Hunk|line/);
  });

  it('should attribute a reply without Re: but with trailers and no diff as a reply (b4 "nore")', () => {
    const set = buildSeriesSet(ingest([
      mail({ index: 1, id: 'p', subject: '[PATCH] x', body: patchBody(1) }),
      mail({ index: 2, id: 'f', subject: '[PATCH] x', inReplyTo: 'p', from: 'R <r@example.org>', body: '> q\n\nReviewed-by: R <r@example.org>\n' }),
    ]));
    expect(set.series).toHaveLength(1);
    expect(set.series[0]?.patches[0]?.trailers.map((t) => t.key)).toEqual(['Signed-off-by', 'Reviewed-by']);
  });
});

describe('buildSeriesSet, other shapes', () => {
  it('should read a patch sent as a text attachment', () => {
    const m = mail({ id: 'att', subject: '[PATCH] attached', body: 'See attached.\n' });
    m.attachments.push({ filename: '0001-x.patch', mimeType: 'text/x-patch', text: `Signed-off-by: Test Author <author@example.org>\n${diffFor('att.c')}` });
    const p = buildSeriesSet(ingest([m])).series[0]?.patches[0];
    expect(p?.files.map((f) => f.path)).toEqual(['att.c']);
    expect(p?.trailers.map((t) => t.key)).toEqual(['Signed-off-by']);
  });

  it('should keep a v2 posted in reply to the v1 cover as its own series, replies under their own cover', () => {
    const set = buildSeriesSet(ingest([
      mail({ index: 1, id: 'v1c', subject: '[PATCH 0/1] s', body: 'v1' }),
      mail({ index: 2, id: 'v1p', subject: '[PATCH 1/1] s', inReplyTo: 'v1c', body: patchBody(1) }),
      mail({ index: 3, id: 'v2c', subject: '[PATCH v2 0/1] s', inReplyTo: 'v1c', body: 'v2' }),
      mail({ index: 4, id: 'v2p', subject: '[PATCH v2 1/1] s', inReplyTo: 'v2c', references: ['v1c', 'v2c'], body: patchBody(1) }),
      mail({ index: 5, id: 'r', subject: 'Re: [PATCH v2 0/1] s', inReplyTo: 'v2c', body: 'ok' }),
    ]));
    expect(set.series.map((s) => [s.version, s.cover?.messageId, s.cover?.replies.map((r) => r.messageId), s.patches.map((p) => p.messageId)])).toEqual([
      [1, 'v1c', [], ['v1p']],
      [2, 'v2c', ['r'], ['v2p']],
    ]);
    expect(countPlaced(set)).toBe(5);
  });
});

describe('buildSeriesSet at scale', () => {
  it('should place 10,000 messages (100 series of 50 patches with replies) in linear-ish time', () => {
    const msgs: RawMessage[] = [];
    let index = 0;
    for (let s = 0; s < 100; s++) {
      msgs.push(mail({ index: ++index, id: `c${s}`, subject: `[PATCH 00/50] series ${s}`, body: 'cover' }));
      for (let p = 1; p <= 50; p++) {
        msgs.push(mail({ index: ++index, id: `p${s}-${p}`, subject: `[PATCH 0${p}/50] change ${p}`, inReplyTo: `c${s}`, body: patchBody(p) }));
        if (p % 2 === 0) msgs.push(mail({ index: ++index, id: `r${s}-${p}`, subject: 'Re: x', inReplyTo: `p${s}-${p}`, body: '> x\nReviewed-by: Test Author <author@example.org>' }));
      }
    }
    msgs.push(...Array.from({ length: 10_000 - msgs.length }, () => mail({ index: ++index, id: `z${index}`, subject: 'chatter' })));
    const started = cpuNow();
    const set = buildSeriesSet(ingest(msgs));
    const ms = cpuNow() - started;
    expect(set.messages).toBe(10_000);
    expect(countPlaced(set)).toBe(10_000);
    expect(set.series).toHaveLength(100);
    console.log(`buildSeriesSet: 10,000 messages in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(10_000);
  });
});
