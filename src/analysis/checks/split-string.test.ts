// SPLIT_STRING as checkpatch.pl reports it (issue 14 part 2); the corpus parity is in test/checkpatch-corpus.test.ts.
import { describe, expect, it } from 'vitest';
import { newFilePatch } from './c-function-fixtures.test-util.js';
import { hitsOf } from './test-findings.test-util.js';
import { patchMail } from './test-series.test-util.js';

const FILE = 'drivers/dma-buf/demo.c';

describe('SPLIT_STRING', () => {
  it('reports the second line of a message split in two, on that line', async () => {
    const hits = await hitsOf('split-string', [newFilePatch(FILE, [
      'static void demo_warn(struct device *dev, int n)',
      '{',
      '\tdev_warn(dev, "importer asked for %d pages, "',
      '\t\t "more than the exporter has\\n", n);',
      '}',
    ])]);
    expect(hits.map((h) => [h.severity, h.where.line, h.message])).toEqual([['warning', 4, 'quoted string split across lines']]);
  });

  it('accepts a literal ending in \\n, \\t, an escape, or inline asm, and a string after code', async () => {
    expect(await hitsOf('split-string', [newFilePatch(FILE, [
      '\tpr_info("first line\\n"', '\t\t"second line\\n");',
      '\tasm volatile("mov r0, r1;"', '\t\t     "mov r1, r2");',
      '\tpr_info("tab\\t"', '\t\t"done");',
      '\tpr_info("%s", "a"', '\t\t);',
      '\tputs(name,', '\t     "b");',
    ])])).toEqual([]);
  });

  it('reads the line before on the new side: an unchanged line ending in a literal counts, a removed one does not', async () => {
    const diff = [
      `diff --git a/${FILE} b/${FILE}`, 'index 1111111..2222222 100644', `--- a/${FILE}`, `+++ b/${FILE}`,
      '@@ -20,3 +20,3 @@ static int demo_probe(struct device *dev)',
      ' \tdev_err(dev, "cannot map the buffer "',
      '-\t\t"at all\\n");',
      '+\t\t"at offset %u\\n", off);',
      ' \treturn -ENOMEM;',
      '@@ -40,3 +40,3 @@ static int demo_remove(struct device *dev)',
      ' \tint ret;',
      '-\tdev_err(dev, "gone "',
      '+\t\t"for good\\n");',
      ' \treturn 0;',
      '',
    ].join('\n');
    const hits = await hitsOf('split-string', [patchMail({ diff })]);
    expect(hits.map((h) => h.where.line)).toEqual([21]);
  });
});
