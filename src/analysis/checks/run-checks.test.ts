import { describe, expect, it } from 'vitest';
import { patchCheck, seriesCheck } from './check.js';
import { CHECKS, checkInfo } from './registry.js';
import { runChecks } from './run-checks.js';
import { patchMail, seriesFromMails } from './test-series.test-util.js';

const throwing = patchCheck({
  id: 'throws-on-patch-2',
  severity: 'warning',
  description: 'test check',
  run(patch) {
    if (patch.index === 2) throw new Error('boom');
    return [{ message: `seen ${patch.index}`, where: { bodyLine: 1 } }];
  },
});
const seriesThrowing = seriesCheck({ id: 'series-throws', severity: 'check', description: 'test', run: () => { throw new TypeError('bad'); } });

describe('runChecks', () => {
  it('should turn a throwing check into check-crashed and keep running', async () => {
    const series = await seriesFromMails([patchMail({ n: 1, total: 3 }), patchMail({ n: 2, total: 3 }), patchMail({ n: 3, total: 3 })]);
    const found = runChecks(series, { checks: [throwing, seriesThrowing] });
    expect(found.map((f) => [f.id, f.severity, f.where.patch, f.message])).toEqual([
      ['check-crashed', 'error', undefined, 'check series-throws crashed: bad'],
      ['throws-on-patch-2', 'warning', 1, 'seen 1'],
      ['check-crashed', 'error', 2, 'check throws-on-patch-2 crashed: boom'],
      ['throws-on-patch-2', 'warning', 3, 'seen 3'],
    ]);
    expect(found[2]!.where.messageId).toBe(series.patches[1]!.messageId);
  });

  it('should honour only and skip', async () => {
    const series = await seriesFromMails([patchMail({ n: 1, total: 2, summary: 'no subsystem.' })]);
    const ids = (opts: Parameters<typeof runChecks>[1]) => [...new Set(runChecks(series, opts).map((f) => f.id))].sort();
    expect(ids({})).toEqual(['series-missing-cover', 'series-numbering-gap', 'subject-no-subsystem', 'subject-trailing-period']);
    expect(ids({ only: ['subject-trailing-period'] })).toEqual(['subject-trailing-period']);
    expect(ids({ skip: ['series-numbering-gap', 'subject-no-subsystem'] })).toEqual(['series-missing-cover', 'subject-trailing-period']);
  });

  it('should apply a tighter line limit when asked', async () => {
    const series = await seriesFromMails([patchMail()]);
    expect(runChecks(series, { maxLineLength: 30 }).map((f) => [f.id, f.where.line])).toEqual([['long-line', 12]]);
  });
});

describe('registry', () => {
  it('should list unique kebab-case ids with a checkpatch TYPE and a description', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CHECKS) {
      expect(c.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(c.checkpatchType).toMatch(/^[A-Z]+(?:_[A-Z]+)*$/);
      expect(c.description.length).toBeGreaterThan(10);
    }
    expect(checkInfo('missing-signoff')?.checkpatchType).toBe('MISSING_SIGN_OFF');
    expect(checkInfo('check-crashed')?.severity).toBe('error');
    expect(checkInfo('does-not-apply')).toBeUndefined();
  });
});
