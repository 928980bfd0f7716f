import { describe, expect, it } from 'vitest';
import { findingsOf, hitsOf } from './test-findings.test-util.js';
import { patchMail, TEST_AUTHOR } from './test-series.test-util.js';

const LONG = 'The importer hands its list of accepted mapping types to the core which picks one.'; // 84 chars

describe('commit message checks', () => {
  it('should warn once, at the first long prose line', async () => {
    const hits = await hitsOf('commit-log-long-line', [patchMail({ message: `Short line.\n${LONG}\n${LONG}\n` })]);
    expect(hits.map((h) => [h.severity, h.where.bodyLine, h.excerpt])).toEqual([['warning', 2, LONG]]);
    expect(hits[0]!.message).toBe('Prefer a maximum 75 chars per line (possible unwrapped commit description?)');
  });

  it('should let URLs, quoted logs, indented logs and trailers run long', async () => {
    const message = [
      'Seen on boot:',
      `[   12.345678] ${LONG}`,
      `    ${LONG}`,
      `> ${LONG}`,
      `See https://lore.kernel.org/all/${'x'.repeat(70)}@nvidia.com/`,
      '',
    ].join('\n');
    const trailers = `Link: https://lore.kernel.org/r/${'y'.repeat(60)}@nvidia.com\nSigned-off-by: ${TEST_AUTHOR}`;
    expect(await hitsOf('commit-log-long-line', [patchMail({ message, trailers })])).toEqual([]);
  });

  it('should want a description besides the trailers', async () => {
    const hits = await hitsOf('missing-commit-description', [patchMail({ message: '' })]);
    expect(hits.map((h) => [h.severity, h.message])).toEqual([['warning', 'Missing commit description - add one that says what changes and why']]);
    expect(await hitsOf('missing-commit-description', [patchMail()])).toEqual([]);
  });

  it('should find diff lines pasted above the --- separator, at their line', async () => {
    const message = 'Like this:\n\ndiff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-a\n+b\n';
    const hits = await hitsOf('diff-in-commit-msg', [patchMail({ message })]);
    expect(hits.map((h) => [h.where.bodyLine, h.excerpt])).toEqual([
      [3, 'diff --git a/x.c b/x.c'], [4, '--- a/x.c'], [5, '+++ b/x.c'], [6, '@@ -1 +1 @@'],
    ]);
  });

  it('should end the message at a --- file header when the diff has no --- separator (plain diff -u)', async () => {
    const body = `Fix the probe.\n\nSigned-off-by: ${TEST_AUTHOR}\n\n--- a/x.c\n+++ b/x.c\n@@ -2 +2 @@\n-a\n+b\n`;
    const found = await findingsOf([{ subject: '[PATCH] x: Fix the probe', body }]);
    expect(found.map((f) => f.id)).toEqual(['missing-base-commit']);
  });
});

describe('git-commit-id', () => {
  const ids = async (message: string) => (await hitsOf('git-commit-id', [patchMail({ message })])).map((h) => [h.where.bodyLine, h.message.split(' - ')[1]]);

  it('should accept 12+ digits with the title, also wrapped onto the next line', async () => {
    expect(await ids('Since commit c63e5a50e1dd ("dma-buf: Introduce DMA-buf mapping types") the core matches.\n')).toEqual([]);
    expect(await ids('Since commit c63e5a50e1dd ("dma-buf: Introduce\nDMA-buf mapping types") the core matches.\n')).toEqual([]);
    expect(await ids('This reverts commit c63e5a50e1dd291cd95b04291b028fdcaba4c534.\n')).toEqual([]);
  });

  it('should flag a short hash and a missing title, but not pasted git log lines', async () => {
    expect(await ids('As commit c63e5a50 did.\nAnd commit c63e5a50e1dd did too.\n    commit c63e5a50\n')).toEqual([
      [1, 'commit c63e5a50 has 8 hex digits; use at least 12'],
      [2, 'commit c63e5a50e1dd should be followed by its title, as ("<title line>")'],
    ]);
  });
});
