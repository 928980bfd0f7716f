// Checks for bugs list reviewers often let through (issue 14 part 4), each on a minimal real-shaped patch.
import { describe, expect, it } from 'vitest';
import { hitsOf } from './test-findings.test-util.js';
import { patchMail, SAMPLE_DIFF } from './test-series.test-util.js';

const withAdded = (...lines: string[]) => [patchMail({
  diff: SAMPLE_DIFF.replace('+\tret = dma_buf_mapping_match(attach);', lines.map((l) => `+${l}`).join('\n'))
    .replace('@@ -10,3 +10,5 @@', `@@ -10,3 +10,${4 + lines.length} @@`),
})];

const block = [
  '\tsg = dma_buf_map_attachment(attach, DMA_BIDIRECTIONAL);',
  '\tif (IS_ERR(sg))',
  '\t\treturn dev_err_probe(dev, PTR_ERR(sg), "map failed\\n");',
  '\tpriv->sgt = sg;',
];

describe('DUPLICATED_ADDED_BLOCK', () => {
  it('reports a block of four added lines pasted twice, once, at the second copy', async () => {
    const hits = await hitsOf('duplicated-added-block', withAdded(...block, ...block));
    expect(hits.map((h) => [h.severity, h.excerpt])).toEqual([['check', block[0]]]);
    expect(hits[0]?.message).toMatch(/repeat the 4 added just before/);
  });

  it('does not report three repeated lines, nor repeated trivial lines', async () => {
    expect(await hitsOf('duplicated-added-block', withAdded(...block.slice(0, 3), ...block.slice(0, 3)))).toEqual([]);
    const trivial = ['\t}', '\treturn 0;', '\tbreak;', '\t}'];
    expect(await hitsOf('duplicated-added-block', withAdded(...trivial, ...trivial))).toEqual([]);
  });
});

describe('DUPLICATED_ADDED_BLOCK near misses', () => {
  it('does not report the same block in two places apart (parallel code, as in real drivers)', async () => {
    expect(await hitsOf('duplicated-added-block', withAdded(...block, '\tpriv->count++;', ...block))).toEqual([]);
  });
});

describe('DUPLICATED_ADDED_BLOCK on tables', () => {
  it('does not report rows of a constant table that repeat (thread 064, a Rust coefficient array)', async () => {
    const rows = Array.from({ length: 8 }, () => '        &f32!([13.0]),');
    expect(await hitsOf('duplicated-added-block', withAdded(...rows))).toEqual([]);
    const same = Array.from({ length: 8 }, () => '\tpriv->regs[i++] = readl(base + REG_STATUS);');
    expect(await hitsOf('duplicated-added-block', withAdded(...same))).toEqual([]);
  });
});

describe('FREE_FAMILY_MISMATCH', () => {
  it('reports kvmalloc memory freed with kfree, and a devm_ allocation freed by hand', async () => {
    const hits = await hitsOf('free-family-mismatch', withAdded(
      '\tpriv->pages = kvmalloc_array(n, sizeof(*priv->pages), GFP_KERNEL);',
      '\tpriv->map = devm_kzalloc(dev, sizeof(*priv->map), GFP_KERNEL);',
      '\tkfree(priv->pages);',
      '\tkfree(priv->map);',
    ));
    expect(hits.map((h) => [h.severity, h.excerpt])).toEqual([
      ['warning', '\tkfree(priv->pages);'],
      ['warning', '\tkfree(priv->map);'],
    ]);
    expect(hits[0]?.message).toMatch(/needs kvfree/);
  });

  it('accepts kvfree of kmalloc memory, kfree of kzalloc memory, and a name allocated from two families', async () => {
    expect(await hitsOf('free-family-mismatch', withAdded(
      '\tpriv->pages = kmalloc_array(n, sizeof(*priv->pages), GFP_KERNEL);',
      '\tkvfree(priv->pages);',
      '\tobj = kzalloc(sizeof(*obj), GFP_KERNEL);',
      '\tkfree(obj);',
      '\tbuf = vmalloc(size);',
      '\tbuf = kmalloc(size, GFP_KERNEL);',
      '\tkfree(buf);',
    ))).toEqual([]);
  });
});

describe('FREE_FAMILY_MISMATCH regression (thread 016)', () => {
  it('sees a vmalloc in a declaration, so a local of the same name as a kvmalloc_array result is not judged', async () => {
    expect(await hitsOf('free-family-mismatch', withAdded(
      '\tstruct page **pages = vmalloc(sizeof(struct page *) * npages);',
      '\tvfree(pages);',
      '\tpages = kvmalloc_array(count, sizeof(*pages), GFP_KERNEL);',
    ))).toEqual([]);
  });
});
