import { describe, expect, it } from 'vitest';
import { runChecks } from '../../analysis/checks/index.js';
import { BASE_COMMIT, patchMail, SAMPLE_DIFF, seriesFromMails } from '../../analysis/checks/test-series.test-util.js';
import { formatCheckpatch, formatFinding } from './checkpatch-text.js';

const cover = { subject: '[PATCH 0/2] dma-buf: mapping types', body: `Why.\n\nbase-commit: ${BASE_COMMIT}\n` };
/** checkpatch's header for one input: the name between two rules as long as it. */
const header = (name: string) => ['-'.repeat(name.length), name, '-'.repeat(name.length)];

describe('formatCheckpatch', () => {
  it('should print findings as checkpatch --show-types does, with the raw #N line', async () => {
    const diff = SAMPLE_DIFF.replace('+\treturn ret;', '+\treturn ret; ');
    const series = await seriesFromMails([cover, patchMail({ n: 1, total: 2, diff }), patchMail({ n: 2, total: 2 })]);
    const text = formatCheckpatch(series, runChecks(series));
    expect(text).toBe([
      ...header('[PATCH 0/2] dma-buf: mapping types'),
      'total: 0 errors, 0 warnings, 0 checks, 3 lines checked',
      '',
      '[PATCH 0/2] dma-buf: mapping types has no obvious style problems and is ready for submission.',
      '',
      ...header('[PATCH 01/2] dma-buf: Add dma_buf_mapping_attach()'),
      'ERROR:TRAILING_WHITESPACE: trailing whitespace',
      // Line 16 of the body is line 25 of the mail (8 header lines and the blank line), as checkpatch.pl counts.
      '#25: FILE: drivers/dma-buf/dma-buf.c:13:',
      '+\treturn ret; ',
      '',
      'total: 1 errors, 0 warnings, 0 checks, 21 lines checked',
      '',
      '[PATCH 01/2] dma-buf: Add dma_buf_mapping_attach() has style problems, please review.',
      '',
      ...header('[PATCH 02/2] dma-buf: Add dma_buf_mapping_attach()'),
      'total: 0 errors, 0 warnings, 0 checks, 21 lines checked',
      '',
      '[PATCH 02/2] dma-buf: Add dma_buf_mapping_attach() has no obvious style problems and is ready for submission.',
      '',
      '2 patches checked, 1 with style problems: 1 errors, 0 warnings, 0 checks in total',
      '',
    ].join('\n'));
  });

  it('should list series-wide findings under the series and map ids to checkpatch TYPEs', async () => {
    const series = await seriesFromMails([patchMail({ n: 1, total: 2, trailers: 'Reviewed-by: Kevin Tian <kevin.tian@intel.com>' })]);
    const text = formatCheckpatch(series, runChecks(series));
    expect(text.split('\n').slice(0, 3)).toEqual(header('series: dma-buf: Add dma_buf_mapping_attach()'));
    expect(text).toContain('ERROR:SERIES_NUMBERING_GAP: patch 2/2 is missing from the series\n');
    expect(text).toContain('WARNING:SERIES_MISSING_COVER: series of 2 patches has no cover letter\n');
    expect(text).toContain('ERROR:MISSING_SIGN_OFF: Missing Signed-off-by: line(s)\n');
  });

  it('should show terminal escapes and bidi controls in mail text as <U+XXXX>, never raw', async () => {
    const evil = patchMail({ summary: 'dma-buf: \u001b]0;pwned\u0007Add \u202eattach', diff: SAMPLE_DIFF.replace('+\treturn ret;', '+\treturn ret; /* \u001b[2J */') });
    const series = await seriesFromMails([evil]);
    const text = formatCheckpatch(series, runChecks(series));
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(text).toContain('[PATCH 01/1] dma-buf: <U+001B>]0;pwned<U+0007>Add <U+202E>attach\n');
    expect(text).toContain('ERROR:UNICODE_CONTROL_CHAR: invisible U+001B control character');
    expect(text).toContain('+\treturn ret; /* <U+001B>[2J */\n');
  });

  it('should show an excerpt with + only for an added line, and name unknown ids by their own TYPE', () => {
    expect(formatFinding({ id: 'does-not-apply', severity: 'error', where: { patch: 3, file: 'a.c', line: 7 }, message: 'hunk #1 failed', excerpt: 'x = 1;' }))
      .toBe('ERROR:DOES_NOT_APPLY: hunk #1 failed\nFILE: a.c:7:\n+x = 1;\n');
    expect(formatFinding({ id: 'subject-too-long', severity: 'warning', where: { patch: 1 }, message: 'long', excerpt: 'dma-buf: x' }))
      .toBe('WARNING:SUBJECT_TOO_LONG: long\ndma-buf: x\n');
  });
});
