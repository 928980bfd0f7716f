// EMPTY_RELEASE_CALLBACK (issue 14 part 4) on minimal dma-buf exporter patches of the shape real heaps have.
import { describe, expect, it } from 'vitest';
import { hitsOf } from './test-findings.test-util.js';
import { newFilePatch } from './c-function-fixtures.test-util.js';
import { patchMail } from './test-series.test-util.js';

const FILE = 'drivers/dma-buf/heaps/demo_heap.c';

const mapAllocating = [
  'static struct sg_table *demo_map_dma_buf(struct dma_buf_attachment *attach,',
  '\t\t\t\t\t enum dma_data_direction dir)',
  '{',
  '\tstruct demo_buffer *buf = attach->dmabuf->priv;',
  '\tstruct sg_table *sgt;',
  '',
  '\tsgt = kzalloc(sizeof(*sgt), GFP_KERNEL);',
  '\tif (!sgt)',
  '\t\treturn ERR_PTR(-ENOMEM);',
  '\tif (sg_alloc_table(sgt, buf->nr_pages, GFP_KERNEL)) {',
  '\t\tkfree(sgt);',
  '\t\treturn ERR_PTR(-ENOMEM);',
  '\t}',
  '\treturn sgt;',
  '}',
  '',
];

const unmap = (name: string, body: string[] = []) => [
  `static void ${name}(struct dma_buf_attachment *attach,`,
  '\t\t\t       struct sg_table *sgt, enum dma_data_direction dir)',
  '{',
  ...body,
  '}',
  '',
];

describe('EMPTY_RELEASE_CALLBACK', () => {
  it('reports an empty unmap_dma_buf whose map allocates the sg_table it returns', async () => {
    const hits = await hitsOf('empty-release-callback', [newFilePatch(FILE, [...mapAllocating, ...unmap('demo_unmap_dma_buf')])]);
    expect(hits.map((h) => [h.severity, h.where.file, h.where.line])).toEqual([['warning', FILE, 17]]);
    expect(hits[0]?.message).toMatch(/demo_unmap_dma_buf\(\) does nothing, but its pair demo_map_dma_buf\(\) hands out 'sgt'/);
  });

  it('pairs callbacks through the ops struct when their names do not mirror', async () => {
    const lines = [...mapAllocating, ...unmap('demo_release_table', ['\t/* nothing to do */']),
      'static const struct dma_buf_ops demo_ops = {',
      '\t.map_dma_buf = demo_map_dma_buf,',
      '\t.unmap_dma_buf = demo_release_table,',
      '};'];
    const hits = await hitsOf('empty-release-callback', [newFilePatch(FILE, lines)]);
    expect(hits.map((h) => h.where.line)).toEqual([17]);
  });

  it('reports an empty detach when attach stores a kzalloc\'d object that no other function reads', async () => {
    const attach = ['static int demo_attach(struct dma_buf *dmabuf, struct dma_buf_attachment *attach)', '{',
      '\tstruct demo_attachment *a;', '', '\ta = kzalloc(sizeof(*a), GFP_KERNEL);', '\tif (!a)', '\t\treturn -ENOMEM;',
      '\tattach->priv = a;', '\treturn 0;', '}', ''];
    const detach = ['static void demo_detach(struct dma_buf *dmabuf, struct dma_buf_attachment *attach)', '{', '}', ''];
    const hits = await hitsOf('empty-release-callback', [newFilePatch(FILE, [...attach, ...detach])]);
    expect(hits.map((h) => h.message)).toEqual(["demo_detach() does nothing, but its pair demo_attach() hands out 'a', which it acquired: is it never given back?"]);
    const reader = ['static void demo_flush(struct dma_buf_attachment *attach)', '{', '\tdemo_clean(attach->priv);', '}', ''];
    expect(await hitsOf('empty-release-callback', [newFilePatch(FILE, [...attach, ...detach, ...reader])])).toEqual([]);
  });

  it('does not report an unmap that frees, nor one whose pair lies in another file', async () => {
    const freeing = unmap('demo_unmap_dma_buf', ['\tsg_free_table(sgt);', '\tkfree(sgt);']);
    expect(await hitsOf('empty-release-callback', [newFilePatch(FILE, [...mapAllocating, ...freeing])])).toEqual([]);
    expect(await hitsOf('empty-release-callback', [
      newFilePatch(FILE, mapAllocating, 1, 2), newFilePatch('drivers/dma-buf/heaps/other.c', unmap('demo_unmap_dma_buf'), 2, 2),
    ])).toEqual([]);
  });
});

describe('EMPTY_RELEASE_CALLBACK names what leaks', () => {
  it('names the table a map fills in place, not the status it returns', async () => {
    const map = ['static int demo_map(struct demo_buf *buf, struct device *dev)', '{', '\tint ret;', '',
      '\tret = dma_map_sgtable(dev, buf->sgt, DMA_TO_DEVICE, 0);', '\treturn ret;', '}', ''];
    const unmapping = ['static void demo_unmap(struct demo_buf *buf, struct device *dev)', '{', '}', ''];
    const hits = await hitsOf('empty-release-callback', [newFilePatch(FILE, [...map, ...unmapping])]);
    expect(hits.map((h) => h.message)).toEqual(["demo_unmap() does nothing, but its pair demo_map() hands out 'buf->sgt', which it acquired: is it never given back?"]);
  });
});

describe('EMPTY_RELEASE_CALLBACK near misses from the corpus', () => {
  it('does not report an empty unmap when map returns the table attach made (thread 048\'s shape)', async () => {
    const map = ['static struct sg_table *demo_map_dma_buf(struct dma_buf_attachment *attach,',
      '\t\t\t\t\t enum dma_data_direction dir)', '{', '\tstruct demo_attachment *a = attach->priv;', '', '\treturn a->table;', '}', ''];
    expect(await hitsOf('empty-release-callback', [newFilePatch(FILE, [...map, ...unmap('demo_unmap_dma_buf')])])).toEqual([]);
  });

  it('does not report an empty unmap when map only fails (thread 099\'s selftest exporter)', async () => {
    const map = ['static struct sg_table *demo_map_dma_buf(struct dma_buf_attachment *attach,',
      '\t\t\t\t\t enum dma_data_direction dir)', '{', '\treturn ERR_PTR(-EOPNOTSUPP);', '}', ''];
    expect(await hitsOf('empty-release-callback', [newFilePatch(FILE, [...map, ...unmap('demo_unmap_dma_buf')])])).toEqual([]);
  });

  it('does not report a stub a later patch of the series fills in', async () => {
    const later = patchMail({ n: 2, total: 2, summary: 'dma-buf: heaps: free the table', diff: [
      `diff --git a/${FILE} b/${FILE}`, 'index 1111111..2222222 100644', `--- a/${FILE}`, `+++ b/${FILE}`,
      '@@ -18,4 +18,5 @@ static void demo_unmap_dma_buf(struct dma_buf_attachment *attach,',
      ' \t\t\t       struct sg_table *sgt, enum dma_data_direction dir)', ' {', '+\tkfree(sgt);', ' }', ' ', ''].join('\n') });
    expect(await hitsOf('empty-release-callback', [newFilePatch(FILE, [...mapAllocating, ...unmap('demo_unmap_dma_buf')], 1, 2), later])).toEqual([]);
  });
});
