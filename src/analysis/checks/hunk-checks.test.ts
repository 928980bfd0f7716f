import { describe, expect, it } from 'vitest';
import type { Finding } from '../findings.js';
import { findingsOf, hitsOf } from './test-findings.test-util.js';
import { patchMail, SAMPLE_DIFF } from './test-series.test-util.js';

const rows = (hits: Finding[]) => hits.map((h) => [h.severity, h.where.file, h.where.line, h.where.bodyLine, h.excerpt]);
const FILE = 'drivers/dma-buf/dma-buf.c';

describe('corrupted-patch', () => {
  it('should find a line a mailer wrapped inside a hunk: #N of the continuation, the file line it broke off', async () => {
    const diff = SAMPLE_DIFF.replace('+\tret = dma_buf_mapping_match(attach);', '+\tret = dma_buf_mapping_match(\nattach);');
    expect(rows(await hitsOf('corrupted-patch', [patchMail({ diff })]))).toEqual([['error', FILE, 12, 16, 'attach);']]);
  });

  it('should find a wrapped last line of a hunk as a stray line after it', async () => {
    const diff = SAMPLE_DIFF.replace(' }\n', ' } /* end of\nprobe */\n');
    const hits = await hitsOf('corrupted-patch', [patchMail({ diff })]);
    expect(rows(hits)).toEqual([['error', FILE, 14, 18, 'probe */']]);
    expect(hits[0]!.message).toContain('stray line after a hunk');
  });

  it('should find a hunk cut short of its header counts', async () => {
    const diff = SAMPLE_DIFF.replace(' }\n', '');
    const mail = patchMail({ diff });
    const hits = await hitsOf('corrupted-patch', [{ ...mail, body: mail.body.replace(/\nbase-commit: .*\n/, '\n') }]);
    expect(hits.map((h) => h.message)).toEqual(['patch seems to be corrupt: the diff ends before the hunk has the lines its @@ header counts']);
  });

  it('should report the parser giving up on the same damage', async () => {
    const diff = SAMPLE_DIFF.replace('+\tret = dma_buf_mapping_match(attach);', '+\tret = dma_buf_mapping_match(\nattach);');
    const hits = await hitsOf('not-unified-diff', [patchMail({ diff })]);
    expect(hits.map((h) => [h.severity, h.where.bodyLine])).toEqual([['error', 8]]);
    expect(hits[0]!.message).toMatch(/^the diff could not be parsed into files and hunks: /);
  });

  it('should accept hunks separated by a no-newline marker and several files', async () => {
    const second = SAMPLE_DIFF.replaceAll('dma-buf.c', 'dma-buf-mapping.c').replace('@@ -10,3 +10,5 @@', '@@ -10,3 +10,4 @@')
      .replace(' }\n', ' }\n\\ No newline at end of file\n').replace('+\treturn ret;\n', '');
    expect(await hitsOf('corrupted-patch', [patchMail({ diff: `${SAMPLE_DIFF}${second}` })])).toEqual([]);
  });
});

describe('not-unified-diff and diffstat-mismatch', () => {
  it('should report a numbered patch without a diff', async () => {
    const mail = { subject: '[PATCH 1/1] dma-buf: Add types', body: 'Text only.\n\nSigned-off-by: Jason Gunthorpe <jgg@nvidia.com>\n' };
    const found = await findingsOf([mail]);
    expect(found.map((f) => [f.id, f.severity, f.message])).toEqual([
      ['missing-base-commit', 'check', 'base-commit not given: send with git format-patch --base so reviewers can apply the series'],
      ['not-unified-diff', 'error', 'Does not appear to be a unified-diff format patch'],
    ]);
  });

  it('should point at the diffstat line that disagrees', async () => {
    const mail = patchMail();
    const edited = { ...mail, body: mail.body.replace('dma-buf.c | 2 ++', 'dma-buf.c | 3 +++') };
    const hits = await hitsOf('diffstat-mismatch', [edited]);
    expect(hits.map((h) => [h.severity, h.where.file, h.where.bodyLine, h.message])).toEqual([
      ['warning', FILE, 5, `diffstat says ${FILE} changes 3 lines, the diff changes 2`],
    ]);
  });
});
