/**
 * Mail is untrusted: a line built to make a backtracking regex go quadratic must not stall the checks. Each case
 * is a 200,000-character line aimed at one pattern that once could (unanchored `\s+$`, `.+?\s*$`, `[\w.]*://`,
 * `\[[^\]]*?`), and must be checked in well under a second of work.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from './run-checks.js';
import { patchMail, SAMPLE_DIFF, seriesFromMails, type TestMail } from './test-series.test-util.js';
import { cpuNow } from '../../../test/support/cpu-clock.js';
import { newFilePatch } from './c-function-fixtures.test-util.js';

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

  it('should read a hunk of 20,000 function heads whose bodies never close in one pass', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => [`static int demo_${i}(struct demo *d)`, '{', '\td->n++;']).flat();
    expect(await bodyChecksMs([newFilePatch('drivers/dma-buf/demo.c', lines)])).toBeLessThan(1000);
  });

  it('should judge a function of ~500 distinct pointers dereferenced then tested within its budget', async () => {
    const derefs = Array.from({ length: 495 }, (_, i) => `\tn += p${i}->count;`);
    const tests = Array.from({ length: 495 }, (_, i) => `\tif (!p${i}) n++;`);
    const lines = ['static int demo_sum(struct demo **p)', '{', '\tint n = 0;', ...derefs, ...tests, '\treturn n;', '}'];
    expect(await bodyChecksMs([newFilePatch('drivers/dma-buf/demo.c', lines)])).toBeLessThan(2000);
  });

  it('should judge a function of 330 NULL tests that do not leave, each followed by dereferences, within its budget', async () => {
    const lines = ['static int demo_sum(struct demo **p)', '{', '\tint n = 0;'];
    for (let i = 0; i < 330; i++) lines.push(`\tif (!p${i})`, '\t\tn++;', `\tn += p${i}->count;`);
    lines.push('\treturn n;', '}');
    expect(await bodyChecksMs([newFilePatch('drivers/dma-buf/demo.c', lines)])).toBeLessThan(2000);
  });

  it('should compare a run of 30,000 added lines for pasted blocks in linear time (once cubic)', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => [`\tdemo->reg[${i % 7}] = readl(base + ${i % 5});`, `\tdemo->val += demo->reg[${i % 3}];`, '\twritel(demo->val, base + DEMO_CTRL);']).flat();
    expect(await bodyChecksMs([newFilePatch('drivers/dma-buf/demo.c', lines)])).toBeLessThan(1000);
  });
});

/** CPU time of the checks that read added function bodies and runs of added lines. */
async function bodyChecksMs(mails: TestMail[]): Promise<number> {
  const series = await seriesFromMails(mails);
  const start = cpuNow();
  runChecks(series, { only: ['empty-release-callback', 'positive-return-errno-function', 'buffer-length-mismatch', 'deref-before-null-check', 'null-check-then-deref', 'duplicated-added-block'] });
  return cpuNow() - start;
}
