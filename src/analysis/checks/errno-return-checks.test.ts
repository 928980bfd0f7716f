// USE_NEGATIVE_ERRNO and POSITIVE_RETURN_DOCUMENTED_ERRNO (issue 14 part 4) on minimal real-shaped patches.
import { describe, expect, it } from 'vitest';
import { newFilePatch } from './c-function-fixtures.test-util.js';
import { hitsOf } from './test-findings.test-util.js';

const FILE = 'drivers/dma-buf/demo-charge.c';

const charge = (doc: string[], ret: string) => newFilePatch(FILE, [
  '/**',
  ' * demo_try_charge - charge a buffer to its cgroup',
  ' * @buf: the buffer',
  ' *',
  ...doc,
  ' */',
  'int demo_try_charge(struct demo_buf *buf)',
  '{',
  '\tif (!buf->pool)',
  '\t\treturn -EINVAL;',
  '\tif (buf->charged)',
  `\t\treturn ${ret};`,
  '\treturn page_counter_try_charge(&buf->pool->cnt, buf->pages, NULL) ? 0 : -ENOMEM;',
  '}',
]);

describe('POSITIVE_RETURN_DOCUMENTED_ERRNO', () => {
  it('reports a positive return in a function whose kernel-doc promises 0 or a negative errno', async () => {
    const hits = await hitsOf('positive-return-documented-errno', [charge([' * Return: 0 on success, negative error code on failure.'], '1')]);
    expect(hits.map((h) => [h.severity, h.where.line, h.excerpt])).toEqual([['warning', 12, '\t\treturn 1;']]);
  });

  it('does not judge a function whose doc names the positive value, nor one without a doc, nor return 0', async () => {
    const doc = [' * Return: 0 when charged now, 1 when it already was, or a negative errno.'];
    expect(await hitsOf('positive-return-documented-errno', [charge(doc, '1')])).toEqual([]);
    expect(await hitsOf('positive-return-documented-errno', [charge([], '1')])).toEqual([]);
    expect(await hitsOf('positive-return-documented-errno', [charge([' * Returns 0 on success or a negative errno.'], '0')])).toEqual([]);
  });

  it('reads the last "Return" of the doc, not the word used in the description above it', async () => {
    const doc = [' * Return the pages counted so far to the pool first.', ' *', ' * Returns: zero on success, -errno on failure.'];
    expect((await hitsOf('positive-return-documented-errno', [charge(doc, '2')])).map((h) => h.excerpt)).toEqual(['\t\treturn 2;']);
  });
});

describe('USE_NEGATIVE_ERRNO', () => {
  it('reports `return EINVAL;` as checkpatch does, and ERR_PTR(ENOMEM), which checkpatch misses', async () => {
    const hits = await hitsOf('use-negative-errno', [newFilePatch(FILE, [
      'static struct demo_buf *demo_get(int fd)', '{', '\tif (fd < 0)', '\t\treturn ERR_PTR(ENOMEM);', '\treturn NULL;', '}',
      'static int demo_put(int fd)', '{', '\tif (fd < 0)', '\t\treturn EINVAL;', '\treturn 0;', '}',
    ])]);
    expect(hits.map((h) => [h.where.line, h.message])).toEqual([
      [4, 'ERR_PTR(ENOMEM) makes a pointer IS_ERR() does not catch: use ERR_PTR(-ENOMEM)'],
      [10, 'return of an errno should typically be negative (ie: return -EINVAL)'],
    ]);
  });

  it('leaves EOF, EPOLL bits, negative errnos and errno names in comments or strings alone', async () => {
    expect(await hitsOf('use-negative-errno', [newFilePatch(FILE, [
      'static __poll_t demo_poll(struct file *f, poll_table *w)', '{', '\treturn EPOLLIN;', '}',
      'static int demo_getc(void)', '{', '\treturn EOF;', '}',
      'static int demo_fail(void)', '{', '\t/* return EINVAL; would be wrong */', '\tpr_err("return EINVAL;\\n");', '\treturn -EINVAL;', '}',
    ])])).toEqual([]);
  });
});
