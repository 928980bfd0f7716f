// BUFFER_LENGTH_MISMATCH (issue 14 part 4) on minimal real-shaped patches: only lengths the added function proves wrong.
import { describe, expect, it } from 'vitest';
import { newFilePatch } from './c-function-fixtures.test-util.js';
import { hitsOf } from './test-findings.test-util.js';

const FILE = 'drivers/dma-buf/demo-ioctl.c';
const fn = (head: string, body: string[]) => [head, '{', ...body, '}', ''];

describe('BUFFER_LENGTH_MISMATCH', () => {
  it('reports sizeof a pointer given as the length of its own buffer', async () => {
    const hits = await hitsOf('buffer-length-mismatch', [newFilePatch(FILE, fn('static int demo_get_name(struct demo_buf *buf, char *name)', [
      '\tsnprintf(name, sizeof(name), "demo-%u", buf->id);',
      '\treturn 0;',
    ]))]);
    expect(hits.map((h) => [h.severity, h.where.line, h.message])).toEqual([
      ['warning', 3, "snprintf() is given sizeof(name), but name is a pointer: that is the pointer's size, not its buffer's"],
    ]);
  });

  it('reports a literal length past a byte array, and a <= loop over an array\'s own size', async () => {
    const hits = await hitsOf('buffer-length-mismatch', [newFilePatch(FILE, fn('static void demo_fill(const void __user *src)', [
      '\tchar tag[16];',
      '\tu32 regs[DEMO_NR_REGS];',
      '\tint i;',
      '',
      '\tmemcpy(tag, src,',
      '\t       32);',
      '\tfor (i = 0; i <= DEMO_NR_REGS; i++)',
      '\t\tregs[i] = 0;',
      '\tfor (i = 0; i <= ARRAY_SIZE(regs); i++)',
      '\t\tregs[i] = i;',
    ]))]);
    expect(hits.map((h) => h.where.line).sort((a, b) => a! - b!)).toEqual([7, 9, 11]);
    expect(hits.map((h) => h.message)).toContain('memcpy() is given 32 bytes for tag, declared tag[16]: it runs past the end');
  });

  it('accepts sizeof of the object, of an array, of a copied pointer value, and < loops', async () => {
    expect(await hitsOf('buffer-length-mismatch', [newFilePatch(FILE, fn('static int demo_ioctl(void __user *argp, struct demo_arg *arg)', [
      '\tstruct demo_arg local;',
      '\tchar path[64];',
      '\tu32 regs[DEMO_NR_REGS];',
      '\tvoid *cookie;',
      '\tint i;',
      '',
      '\tif (copy_from_user(&local, argp, sizeof(local)))',
      '\t\treturn -EFAULT;',
      '\tmemcpy(arg, &local, sizeof(*arg));',
      '\tmemcpy(&cookie, &arg->cookie, sizeof(cookie));',
      '\tsnprintf(path, sizeof(path), "/dev/demo%d", local.id);',
      '\tmemset(path, 0, 64);',
      '\tfor (i = 0; i < ARRAY_SIZE(regs); i++)',
      '\t\tregs[i] = 0;',
      '\treturn 0;',
    ]))])).toEqual([]);
  });
});
