import { describe, expect, it } from 'vitest';
import type { Finding } from '../findings.js';
import { findingsOf, hitsOf } from './test-findings.test-util.js';
import { patchMail, SAMPLE_DIFF } from './test-series.test-util.js';

/** The sample diff with its first added line (new line 12, body line 15) replaced. */
const withAdded = (text: string) => [patchMail({ diff: SAMPLE_DIFF.replace('+\tret = dma_buf_mapping_match(attach);', `+${text}`) })];
const at = (hits: Finding[]) => hits.map((h) => [h.severity, h.where.file, h.where.line, h.where.bodyLine]);
const HERE = ['drivers/dma-buf/dma-buf.c', 12, 15];

describe('added-line checks', () => {
  it('should find nothing in the clean sample', async () => {
    expect(await findingsOf([patchMail()])).toEqual([]);
  });

  it('should flag trailing whitespace with file, line and #N', async () => {
    const hits = await hitsOf('trailing-whitespace', withAdded('\tret = 0; \t'));
    expect(at(hits)).toEqual([['error', ...HERE]]);
    expect(hits[0]!.excerpt).toBe('\tret = 0; \t');
  });

  it('should flag a space before a tab', async () => {
    expect(at(await hitsOf('space-before-tab', withAdded(' \tret = 0;')))).toEqual([['warning', ...HERE]]);
  });

  it('should flag a CR line ending as DOS line endings, not as trailing whitespace', async () => {
    // ingest turns CRLF into LF as git mailsplit does, so the CR of a CRLF file shows only when the mail's own lines
    // end in CRLF too and reach the decoder intact (base64): CR CR LF then decodes to CR LF.
    const mails = withAdded('\tret = 0;\r').map((m) => ({ ...m, crlf: true, base64: true }));
    expect(at(await hitsOf('dos-line-endings', mails))).toEqual([['error', ...HERE]]);
    expect(await hitsOf('trailing-whitespace', mails)).toEqual([]);
  });

  it('should measure width with 8-column tabs against 100 columns', async () => {
    const wide = `\t\t${'x'.repeat(85)};`; // 16 + 86 = 102 columns
    const hits = await hitsOf('long-line', withAdded(wide));
    expect(hits.map((h) => h.message)).toEqual(['line length of 102 exceeds 100 columns']);
    expect(await hitsOf('long-line', withAdded(`\t\t${'x'.repeat(83)};`))).toEqual([]);
  });

  it('should let a URL or a lone string literal run long', async () => {
    expect(await hitsOf('long-line', withAdded(`\t/* https://lore.kernel.org/r/${'x'.repeat(90)} */`))).toEqual([]);
    expect(await hitsOf('long-line', withAdded(`\t\t"${'x'.repeat(100)}\\n",`))).toEqual([]);
  });

  it('should name the bidi override it finds', async () => {
    const hits = await hitsOf('unicode-control-char', withAdded('\tif (access != "user\u202e \u2066// admin\u2069 \u2066") {'));
    expect(at(hits)).toEqual([['error', ...HERE]]);
    expect(hits[0]!.message).toContain('U+202E RIGHT-TO-LEFT OVERRIDE');
  });

  it('should name invisible separators and controls, and leave plain UTF-8 alone', async () => {
    const first = async (text: string) => (await hitsOf('unicode-control-char', withAdded(text)))[0]?.message ?? null;
    expect(await first('\tint zero\u200bwidth = 0;')).toContain('U+200B ZERO WIDTH SPACE');
    expect(await first('\tputs("\u0007");')).toContain('U+0007 control character');
    expect(await first('\t/* Christian K\u00f6nig, \u00b5s, \u2192 */')).toBeNull();
  });

  it('should flag an added last line without newline, at that line', async () => {
    const diff = SAMPLE_DIFF.replace('@@ -10,3 +10,5 @@', '@@ -10,2 +10,4 @@').replace(' }\n', '').replace('\treturn ret;\n', '\treturn ret;\n\\ No newline at end of file\n');
    const hits = await hitsOf('missing-eof-newline', [patchMail({ diff })]);
    expect(hits.map((h) => [h.where.line, h.where.bodyLine, h.excerpt])).toEqual([[13, 16, '\treturn ret;']]);
  });
});

describe('spdx-license-tag', () => {
  const newFile = (path: string, first: string, second = 'int x;') => `diff --git a/${path} b/${path}
new file mode 100644
index 0000000..2222222
--- /dev/null
+++ b/${path}
@@ -0,0 +1,2 @@
+${first}
+${second}
`;
  const hitsFor = async (diff: string) => (await hitsOf('spdx-license-tag', [patchMail({ diff })])).map((h) => [h.where.file, h.where.line, h.message]);

  it('should want the tag in the comment style of the file type on line 1', async () => {
    expect(await hitsFor(newFile('drivers/dma-buf/st-dma-mapping.c', '// SPDX-License-Identifier: GPL-2.0'))).toEqual([]);
    expect(await hitsFor(newFile('include/linux/x.h', '/* SPDX-License-Identifier: GPL-2.0 */'))).toEqual([]);
    expect(await hitsFor(newFile('drivers/dma-buf/st-dma-mapping.c', '/* SPDX-License-Identifier: GPL-2.0 */'))).toEqual([
      ['drivers/dma-buf/st-dma-mapping.c', 1, 'Missing or malformed SPDX-License-Identifier tag in line 1'],
    ]);
  });

  it('should look at line 2 after a shebang, and skip files without a comment style', async () => {
    expect(await hitsFor(newFile('tools/run', '#!/bin/sh', 'echo'))).toEqual([['tools/run', 2, 'Missing or malformed SPDX-License-Identifier tag in line 2']]);
    expect(await hitsFor(newFile('tools/run', '#!/bin/sh', '# SPDX-License-Identifier: GPL-2.0'))).toEqual([]);
    expect(await hitsFor(newFile('drivers/dma-buf/Kconfig', 'config DMABUF_MAPPING'))).toEqual([]);
  });
});

describe('unicode-control-char and form feed', () => {
  it('should leave a form feed page break alone', async () => {
    expect(await hitsOf('unicode-control-char', withAdded('\f'))).toEqual([]);
  });
});
