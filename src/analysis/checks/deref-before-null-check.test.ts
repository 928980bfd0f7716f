// DEREF_BEFORE_NULL_CHECK (issue 14 part 4) on minimal real-shaped patches.
import { describe, expect, it } from 'vitest';
import { newFilePatch } from './c-function-fixtures.test-util.js';
import { hitsOf } from './test-findings.test-util.js';

const FILE = 'drivers/dma-buf/demo-map.c';
const fn = (body: string[]) => newFilePatch(FILE, [
  'static int demo_map(struct demo_attachment *attach, struct demo_buf *buf)', '{', '\tint ret;', '', ...body, '\treturn 0;', '}',
]);

describe('DEREF_BEFORE_NULL_CHECK', () => {
  it('reports a NULL test of a pointer the function already dereferenced on every path (thread 100\'s shape)', async () => {
    const hits = await hitsOf('deref-before-null-check', [fn([
      '\tdemo_assert_locked(attach->buf->lock);',
      '',
      '\tif (WARN_ON(!attach || !buf))',
      '\t\treturn -EINVAL;',
    ])]);
    expect(hits.map((h) => [h.severity, h.where.line, h.excerpt])).toEqual([['warning', 7, '\tif (WARN_ON(!attach || !buf))']]);
    expect(hits[0]?.message).toMatch(/already dereferenced it at line 5 of drivers\/dma-buf\/demo-map.c/);
  });

  it('accepts a test before the dereference, a guarded or conditional one, sizeof, &p->x and a reassigned pointer', async () => {
    expect(await hitsOf('deref-before-null-check', [fn([
      '\tif (!attach)',
      '\t\treturn -EINVAL;',
      '\tret = attach->flags;',
      '\tret = buf && buf->pinned;',
      '\tif (buf == NULL)',
      '\t\treturn -ENOENT;',
    ])])).toEqual([]);
    expect(await hitsOf('deref-before-null-check', [fn([
      '\tif (ret)',
      '\t\tret = buf->pinned;',
      '\tret = sizeof(buf->pinned) + sizeof(*attach);',
      '\tdemo_lock(&attach->lock);',
      '\tif (!buf || !attach)',
      '\t\treturn -EINVAL;',
    ])])).toEqual([]);
    expect(await hitsOf('deref-before-null-check', [fn([
      '\tret = buf->pinned;',
      '\tbuf = demo_next(buf);',
      '\tif (!buf)',
      '\t\treturn -ENOENT;',
    ])])).toEqual([]);
  });
});
