import { describe, it, expect } from 'vitest';
import { coverDoc, patchDoc } from './patch-doc.js';
import { makeCover, makePatch, makeTrailer, CHRISTIAN } from '../testing/fixtures.test-util.js';

const HOSTILE = 'evil \x1b]0;pwned\x07 title \x1b[2J clear \u202e rtl \x9b31m c1';

describe('patchDoc', () => {
  const p = makePatch({
    index: 21, summary: 'dma-buf: Add the Physical Address List DMA mapping type', adds: 2,
    extraTrailers: [makeTrailer('Reviewed-by', CHRISTIAN, 'rev@amd.com', 'reply')],
    replies: [{ n: 1, quoted: ['+int fn21_0(void);'], text: 'Inline comment.' }, { n: 2, text: 'General comment.' }],
  }, 26);
  const doc = patchDoc(p, [{ id: 'long-line', severity: 'warning', where: { patch: 21, bodyLine: 16 }, message: 'too long' }]);
  const text = doc.map((l) => l.text);

  it('shows the header, the commit message with trailers highlighted, and trailers given in replies', () => {
    expect(text[0]).toBe('21 [PATCH RFC 21/26] dma-buf: Add the Physical Address List DMA mapping type');
    const sob = doc.find((l) => l.text.startsWith('Signed-off-by:'))!;
    expect(sob.segs[0]!.style).toBe('trailer');
    expect(text).toContain('+ Reviewed-by: Christian König <christian.koenig@amd.com>  (given in <rev@amd.com>)');
  });

  it('renders the diffstat and the diff with markers, hunk header and body lines', () => {
    expect(text).toContain(' drivers/dma-buf/dma-buf-mapping.c |    3 ++-');
    const hunk = doc.find((l) => l.text.startsWith('@@'))!;
    expect(hunk.segs[0]!.style).toBe('hunk');
    const add = doc.find((l) => l.text === '+int fn21_0(void);')!;
    expect([add.segs[0]!.style, add.bodyLine]).toEqual(['add', 15]);
    expect(doc.find((l) => l.text === '-int old_call(void);')!.segs[0]!.style).toBe('remove');
    expect(text).toContain(' #include <linux/dma-buf.h>');
  });

  it('puts an anchored reply right after its line, a finding under its line, and the rest under the diff', () => {
    const at = text.indexOf('+int fn21_0(void);');
    expect(text[at + 1]).toMatch(/^ {4}┌ Christian König/);
    expect(text[at + 2]).toBe('    │ Inline comment.');
    const warn = text.indexOf('+int fn21_1(void);');
    expect(text[warn + 1]).toBe('    ▲ W long-line: too long (#16)');
    const under = text.indexOf('Replies not tied to a hunk (1)');
    expect(under).toBeGreaterThan(warn);
    expect(text.slice(under)).toContain('│ General comment.');
  });

  it('renders mail with terminal escapes inert (title set, screen clear, bidi, C1 CSI)', () => {
    const evil = makePatch({ index: 1, summary: HOSTILE, body: `${HOSTILE}\n\nSigned-off-by: A <a@b>\n`, replies: [{ n: 1, text: HOSTILE }] }, 1);
    evil.rawSubject = HOSTILE;
    const all = patchDoc(evil, []).flatMap((l) => l.segs.map((s) => s.text)).join('\n');
    expect(all).toContain('evil  title  clear  rtl  c1');
    expect(all).not.toMatch(/[\x1b\x07\x9b\u202e]/);
  });
});

describe('coverDoc', () => {
  it('shows the cover body and lists every reply to it', () => {
    const c = makeCover(26);
    const text = coverDoc(c, []).map((l) => l.text);
    expect(text[0]).toContain('[PATCH RFC 00/26] Add DMA-buf mapping types');
    expect(text).toContain('base-commit: c63e5a50e1dd291cd95b04291b028fdcaba4c534');
  });
});
