// USE_NEGATIVE_ERRNO and POSITIVE_RETURN_ERRNO_FUNCTION (issue 14 part 4) on minimal real-shaped patches.
import { describe, expect, it } from 'vitest';
import { newFilePatch } from './c-function-fixtures.test-util.js';
import { hitsOf } from './test-findings.test-util.js';
import { patchMail } from './test-series.test-util.js';

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

describe('POSITIVE_RETURN_ERRNO_FUNCTION', () => {
  it('reports a positive return in a function whose kernel-doc promises 0 or a negative errno', async () => {
    const hits = await hitsOf('positive-return-errno-function', [charge([' * Return: 0 on success, negative error code on failure.'], '1')]);
    expect(hits.map((h) => [h.severity, h.where.line, h.excerpt])).toEqual([['warning', 12, '\t\treturn 1;']]);
  });

  it('does not judge a function whose doc names the positive value, nor one without a doc, nor return 0', async () => {
    const doc = [' * Return: 0 when charged now, 1 when it already was, or a negative errno.'];
    expect(await hitsOf('positive-return-errno-function', [charge(doc, '1')])).toEqual([]);
    expect(await hitsOf('positive-return-errno-function', [charge([], '1')])).toEqual([]);
    expect(await hitsOf('positive-return-errno-function', [charge([' * Returns 0 on success or a negative errno.'], '0')])).toEqual([]);
  });

  it('reads the last "Return" of the doc, not the word used in the description above it', async () => {
    const doc = [' * Return the pages counted so far to the pool first.', ' *', ' * Returns: zero on success, -errno on failure.'];
    expect((await hitsOf('positive-return-errno-function', [charge(doc, '2')])).map((h) => h.excerpt)).toEqual(['\t\treturn 2;']);
  });
});

describe('POSITIVE_RETURN_ERRNO_FUNCTION for ops callbacks', () => {
  const attach = (ret: string) => [
    'static int demo_attach(struct dma_buf *dmabuf, struct dma_buf_attachment *attach)', '{',
    '\tif (attach->peer2peer)', `\t\treturn ${ret};`, '\treturn 0;', '}', '',
  ];
  const ops = (member: string) => ['static const struct dma_buf_ops demo_ops = {', `\t.${member} = demo_attach,`, '};'];

  it('reports a positive literal from a function the series assigns to .attach, in the same or a later patch', async () => {
    const same = await hitsOf('positive-return-errno-function', [newFilePatch(FILE, [...attach('1'), ...ops('attach')])]);
    expect(same.map((h) => [h.where.line, h.message])).toEqual([
      [4, 'demo_attach() is the .attach callback, whose caller takes any non-zero return for an error code, but returns 1 here'],
    ]);
    const later = patchMail({ n: 2, total: 2, summary: 'dma-buf: demo: register the ops', diff: [
      `diff --git a/${FILE} b/${FILE}`, 'index 1111111..2222222 100644', `--- a/${FILE}`, `+++ b/${FILE}`,
      '@@ -7,0 +8,3 @@', ...ops('attach').map((l) => `+${l}`), ''].join('\n') });
    const across = await hitsOf('positive-return-errno-function', [newFilePatch(FILE, attach('1'), 1, 2), later]);
    expect(across.map((h) => h.where.line)).toEqual([4]);
    expect(await hitsOf('positive-return-errno-function', [newFilePatch(FILE, attach('1'))])).toEqual([]);
  });

  it('reads a return type written on the line above the name (kernel style)', async () => {
    const split = ['static int', ...attach('2').map((l) => l.replace('static int demo_attach', 'demo_attach'))];
    const hits = await hitsOf('positive-return-errno-function', [newFilePatch(FILE, [...split, ...ops('attach')])]);
    expect(hits.map((h) => [h.where.line, h.excerpt])).toEqual([[5, '\t\treturn 2;']]);
  });

  it('does not judge a member without that convention, nor an errno return', async () => {
    expect(await hitsOf('positive-return-errno-function', [newFilePatch(FILE, [...attach('1'), ...ops('get_modes')])])).toEqual([]);
    expect(await hitsOf('positive-return-errno-function', [newFilePatch(FILE, [...attach('-EBUSY'), ...ops('attach')])])).toEqual([]);
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
