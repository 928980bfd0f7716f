// NULL_CHECK_THEN_DEREF (issue 14 part 4) on minimal real-shaped patches.
import { describe, expect, it } from 'vitest';
import { newFilePatch } from './c-function-fixtures.test-util.js';
import { hitsOf } from './test-findings.test-util.js';

const FILE = 'drivers/dma-buf/demo-fence.c';
const fn = (body: string[]) => newFilePatch(FILE, [
  'static void demo_signal(struct demo_fence *f, struct demo_ctx *ctx)', '{', ...body, '}',
]);

describe('NULL_CHECK_THEN_DEREF', () => {
  it('reports a pointer tested for NULL without leaving, then dereferenced on every path', async () => {
    const hits = await hitsOf('null-check-then-deref', [fn([
      '\tif (!ctx)',
      '\t\tpr_warn("demo: no context\\n");',
      '',
      '\tspin_lock(&ctx->lock);',
      '\tctx->seqno++;',
    ])]);
    expect(hits.map((h) => [h.severity, h.where.line, h.excerpt])).toEqual([['warning', 7, '\tctx->seqno++;']]);
    expect(hits[0]?.message).toMatch(/tested ctx for NULL at line 3 of drivers\/dma-buf\/demo-fence.c/);
  });

  it('reports `if (p) { … }` followed by an unguarded dereference', async () => {
    const hits = await hitsOf('null-check-then-deref', [fn([
      '\tif (f) {', '\t\tdemo_fence_put(f->parent);', '\t}', '\tf->parent = NULL;',
    ])]);
    expect(hits.map((h) => h.where.line)).toEqual([6]);
  });

  it('accepts a test that leaves, one that assigns, an else, a guarded use and a nested one', async () => {
    for (const body of [
      ['\tif (!ctx)', '\t\treturn;', '\tctx->seqno++;'],
      ['\tif (!ctx) {', '\t\tpr_warn("demo: none\\n");', '\t\tgoto out;', '\t}', '\tctx->seqno++;', 'out:', '\treturn;'],
      ['\tif (!ctx)', '\t\tctx = demo_default_ctx();', '\tctx->seqno++;'],
      ['\tif (!ctx)', '\t\tpr_warn("demo: none\\n");', '\telse', '\t\tctx->seqno++;', '\tdemo_done(f);'],
      ['\tif (!ctx)', '\t\tpr_warn("demo: none\\n");', '\tif (ctx && ctx->armed)', '\t\tctx->seqno++;'],
      ['\tif (ctx)', '\t\tdemo_kick(ctx);', '\tif (f->flags)', '\t\tctx->seqno++;'],
    ]) {
      expect(await hitsOf('null-check-then-deref', [fn(body)]), body.join(' ')).toEqual([]);
    }
  });
});
