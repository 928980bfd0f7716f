// FUNCTION_ARGUMENTS as checkpatch.pl reports it (issue 14 part 2); the corpus parity is in test/checkpatch-corpus.test.ts.
import { describe, expect, it } from 'vitest';
import { newFilePatch } from './c-function-fixtures.test-util.js';
import { hitsOf } from './test-findings.test-util.js';

const HEADER = 'include/linux/demo-heap.h';

describe('FUNCTION_ARGUMENTS', () => {
  it('reports each unnamed argument of an added prototype, on the prototype\'s first line', async () => {
    const hits = await hitsOf('function-arguments', [newFilePatch(HEADER, [
      '#include <linux/types.h>',
      '',
      'struct sg_table *demo_heap_map(struct dma_buf_attachment *,',
      '\t\t\t       unsigned long, int dir);',
      'extern int demo_heap_walk(struct demo_heap *heap, int (*fn)(struct page *, void *), void *);',
    ])]);
    expect(hits.map((h) => [h.severity, h.where.line, h.message])).toEqual([
      ['warning', 3, "function definition argument 'struct dma_buf_attachment *' should also have an identifier name"],
      ['warning', 3, "function definition argument 'unsigned long' should also have an identifier name"],
      ['warning', 5, "function definition argument 'void *' should also have an identifier name"],
    ]);
  });

  it('reports an unnamed argument of an ops struct member', async () => {
    const hits = await hitsOf('function-arguments', [newFilePatch(HEADER, [
      'struct demo_ops {', '\tint (*attach)(struct demo_heap *, struct device *dev);', '};',
    ])]);
    expect(hits.map((h) => h.message)).toEqual(["function definition argument 'struct demo_heap *' should also have an identifier name"]);
  });

  it('accepts named arguments, (void), enum tags, varargs, definitions and calls', async () => {
    expect(await hitsOf('function-arguments', [newFilePatch(HEADER, [
      'int demo_heap_count(void);',
      'void demo_heap_log(enum demo_level, const char *fmt, ...);',
      'u64 demo_heap_size(const struct demo_heap *heap, size_t align);',
      'static int demo_heap_init(struct demo_heap *heap)',
      '{',
      '\treturn demo_heap_setup(heap, GFP_KERNEL);',
      '}',
    ])])).toEqual([]);
  });
});
