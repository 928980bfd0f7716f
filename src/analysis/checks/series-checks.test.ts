import { describe, expect, it } from 'vitest';
import { hitsOf } from './test-findings.test-util.js';
import { patchMail, type TestMail } from './test-series.test-util.js';

const cover = (total: number): TestMail => ({ subject: `[PATCH 00/${total}] dma-buf: mapping types`, body: 'Why.\n' });

describe('series checks', () => {
  it('should accept a complete series with a cover letter', async () => {
    const mails = [cover(2), patchMail({ n: 1, total: 2 }), patchMail({ n: 2, total: 2 })];
    for (const id of ['series-numbering-gap', 'series-duplicate-patch', 'series-total-mismatch', 'series-missing-cover',
      'subject-prefix-inconsistent'] as const) {
      expect(await hitsOf(id, mails), id).toEqual([]);
    }
  });

  it('should report the missing numbers once per series, as an error', async () => {
    const hits = await hitsOf('series-numbering-gap', [cover(6), ...[1, 4].map((n) => patchMail({ n, total: 6 }))]);
    expect(hits.map((h) => [h.severity, h.where, h.message])).toEqual([['error', {}, 'patches 2-3, 5-6 of 6 are missing from the series']]);
  });

  it('should give one WARNING for a series that came partly through a list (regression: 92 ERRORs on a cross-post)', async () => {
    const tagged = (m: TestMail): TestMail => ({ ...m, subject: `[Linaro-mm-sig] ${m.subject}` });
    const mails = [tagged(cover(38)), ...[3, 9, 20].map((n) => tagged(patchMail({ n, total: 38 })))];
    const hits = await hitsOf('series-numbering-gap', mails);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ severity: 'warning', message: expect.stringMatching(/^patches 1-2, 4-8, 10-19, 21-38 of 38 are not in this thread: it came through a mailing list/) });
  });

  it('should name the duplicate that was not used', async () => {
    const hits = await hitsOf('series-duplicate-patch', [cover(1), patchMail({ n: 1 }), patchMail({ n: 1 })]);
    expect(hits.map((h) => [h.where.patch, h.message])).toEqual([[1, 'patch 1/1 was sent more than once; <2-test@example.org> was not used']]);
  });

  it('should flag a counter whose total disagrees with the series, and N greater than M', async () => {
    const mails = [cover(3), patchMail({ n: 1, total: 3 }), patchMail({ n: 2, total: 2 }), patchMail({ n: 3, total: 2 })];
    const hits = await hitsOf('series-total-mismatch', mails);
    // One finding for the series (a real 39-patch series numbered /38 gave 39), naming each patch and what is wrong.
    expect(hits.map((h) => [h.where.patch, h.message])).toEqual([[undefined,
      'the N/M counters disagree with the series of 3 patches in patches 2-3: subject says 2/2 but the series has 3 patches; ' +
      'patch number 3 is greater than its total 2']]);
    const one = await hitsOf('series-total-mismatch', [cover(3), patchMail({ n: 1, total: 3 }), patchMail({ n: 2, total: 2 }), patchMail({ n: 3, total: 3 })]);
    expect(one.map((h) => [h.where.patch, h.message])).toEqual([[2, 'subject says 2/2 but the series has 3 patches']]);
  });

  it('should want a cover letter for two patches or more, not for one', async () => {
    const two = await hitsOf('series-missing-cover', [patchMail({ n: 1, total: 2 }), patchMail({ n: 2, total: 2 })]);
    expect(two.map((h) => [h.severity, h.message])).toEqual([['warning', 'series of 2 patches has no cover letter']]);
    expect(await hitsOf('series-missing-cover', [patchMail()])).toEqual([]);
  });

  it('should flag a patch whose prefix words differ from the cover', async () => {
    const odd = { ...patchMail({ n: 2, total: 2 }), subject: '[PATCH RFC 2/2] dma-buf: Add things' };
    const hits = await hitsOf('subject-prefix-inconsistent', [cover(2), patchMail({ n: 1, total: 2 }), odd]);
    expect(hits.map((h) => [h.where.patch, h.message])).toEqual([[2, 'subject prefix [PATCH RFC v1] differs from the series\' [PATCH v1]']]);
  });
});

describe('missing-base-commit', () => {
  it('should accept a base-commit in the cover or after a diff, and ask for one otherwise', async () => {
    const withBase = { ...cover(1), body: 'Why.\n\nbase-commit: c63e5a50e1dd291cd95b04291b028fdcaba4c534\n' };
    const bare = patchMail();
    const noBase = { ...bare, body: bare.body.replace(/\nbase-commit: .*\n/, '\n') };
    expect(await hitsOf('missing-base-commit', [bare])).toEqual([]);
    expect(await hitsOf('missing-base-commit', [withBase, noBase])).toEqual([]);
    const hits = await hitsOf('missing-base-commit', [cover(1), noBase]);
    expect(hits.map((h) => [h.severity, h.where])).toEqual([['check', {}]]);
  });
});
