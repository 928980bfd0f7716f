/**
 * Mail is untrusted: a line built to make a backtracking regex go quadratic must not stall the checks. Each case
 * is a 200,000-character line aimed at one pattern that once could (unanchored `\s+$`, `.+?\s*$`, `[\w.]*://`,
 * `\[[^\]]*?`), and must be checked in well under a second of work.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from './run-checks.js';
import { patchMail, SAMPLE_DIFF, seriesFromMails, type TestMail } from './test-series.test-util.js';
import { cpuNow } from '../../../test/support/cpu-clock.js';

const N = 100_000;
const added = (text: string): TestMail[] => [patchMail({ diff: SAMPLE_DIFF.replace('+\treturn ret;', `+${text}`) })];

async function timedIds(mails: TestMail[]): Promise<{ ids: string[]; ms: number }> {
  const series = await seriesFromMails(mails);
  const start = cpuNow();
  const ids = [...new Set(runChecks(series).map((f) => f.id))].sort();
  return { ids, ms: cpuNow() - start };
}

describe('hostile input', () => {
  // The spelling dictionary (37,000 lines) loads once per process, on the first check: not part of any case's time.
  beforeAll(async () => {
    runChecks(await seriesFromMails([patchMail()]));
  });

  it('should check a long dotted word (URL look-back) in linear time', async () => {
    const { ids, ms } = await timedIds(added('a.'.repeat(N)));
    expect(ids).toEqual(['long-line']);
    expect(ms).toBeLessThan(1000);
  });

  it('should check a long run of blanks before a last character in linear time', async () => {
    const { ids, ms } = await timedIds(added(`${' '.repeat(2 * N)}x`));
    expect(ids).toEqual(['code-indent', 'long-line']); // spaces where tabs belong, as checkpatch says too
    expect(ms).toBeLessThan(1000);
  });

  it('should check a long string literal followed by blanks and junk in linear time', async () => {
    const { ids, ms } = await timedIds(added(`"${'x'.repeat(200)}"${' '.repeat(2 * N)}y`));
    expect(ids).toEqual(['long-line']);
    expect(ms).toBeLessThan(1000);
  });

  it('should check a long commit-message line of dotted words in linear time', async () => {
    const { ids, ms } = await timedIds([patchMail({ message: `${'a.'.repeat(N)}\n` })]);
    expect(ids).toEqual(['commit-log-long-line']);
    expect(ms).toBeLessThan(1000);
  });

  it('should check a +++ header padded with blanks and a diffstat line of blanks in linear time', async () => {
    const mail = patchMail();
    const body = mail.body
      .replace('+++ b/drivers/dma-buf/dma-buf.c', `+++ b/drivers/dma-buf/dma-buf.c${' '.repeat(2 * N)}`)
      .replace(' 1 file changed', `${' '.repeat(2 * N)}x\n 1 file changed`)
      .replace('| 2 ++', '| 3 +++');
    const { ids, ms } = await timedIds([{ ...mail, body }]);
    expect(ids).toEqual(['diffstat-mismatch']);
    expect(ms).toBeLessThan(1000);
  });
});
