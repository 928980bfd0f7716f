import { describe, it, expect } from 'vitest';
import { anchorReplies, hunkLineKey } from './reply-anchors.js';
import { makePatch, JASON } from '../testing/fixtures.test-util.js';

describe('anchorReplies', () => {
  it('places a comment after the diff line its quote ends on, whatever the quote did to the marker and indent', () => {
    const p = makePatch({ index: 21, summary: 'x', adds: 5, replies: [
      { n: 1, quoted: ['+int fn21_1(void);', '+  int   fn21_2(void);'], text: 'Why two calls?' },
      { n: 2, quoted: ['int fn21_4(void);'], text: '\nAnd this one.\n' },
    ] }, 26);
    const { chunks, unmatched } = anchorReplies(p);
    expect(unmatched).toEqual([]);
    // Hunk lines: 0 context, 1 remove, 2.. adds fn21_0..; fn21_2 is line 4, fn21_4 line 6.
    expect(chunks.get(hunkLineKey(0, 0, 4))?.map((c) => c.text)).toEqual([['Why two calls?']]);
    expect(chunks.get(hunkLineKey(0, 0, 6))?.map((c) => c.text)).toEqual([['And this one.']]);
  });

  it('lists replies that quote no hunk line (prose, or nothing) as unmatched', () => {
    const p = makePatch({ index: 21, summary: 'x', replies: [
      { n: 1, quoted: ['Exporters should not expose the backing store.'], text: 'Agreed.' },
      { n: 2, text: 'Thanks, applied.' },
      { n: 3, quoted: ['}', 'return 0;'], text: 'Too short to place.' },
    ] }, 26);
    const { chunks, unmatched } = anchorReplies(p);
    expect(chunks.size).toBe(0);
    expect(unmatched.map((r) => r.newText)).toEqual(['Agreed.', 'Thanks, applied.', 'Too short to place.']);
  });

  it('uses a quote-of-a-quote with no comment of its own to place the following comment', () => {
    const p = makePatch({ index: 21, summary: 'x', replies: [{ n: 1, author: JASON, text: 'I think a converter fits.' }] }, 26);
    const reply = p.replies[0]!;
    reply.quoted = [
      { depth: 2, lines: ['+int fn21_0(void);'], beforeNewLine: 0 },
      { depth: 1, lines: ['That exposes physical addresses.'], beforeNewLine: 0 },
    ];
    const { chunks } = anchorReplies(p);
    expect([...chunks.keys()]).toEqual([hunkLineKey(0, 0, 2)]);
    expect(chunks.get(hunkLineKey(0, 0, 2))![0]!.quote).toEqual(['+int fn21_0(void);', 'That exposes physical addresses.']);
  });
});

describe('anchorReplies on the bundled RFC series (issue 17, bug 2)', () => {
  it("places Christian's NAK under `+};`, where his quote ends, not one line early", async () => {
    const { loadSeriesSet } = await import('../../../series/index.js');
    const { resolve } = await import('node:path');
    const set = await loadSeriesSet(resolve(__dirname, '../../../..', 'fixtures/dmabuf-mapping-types/series.mbox'));
    const p21 = set.series[0]!.patches.find((p) => p.index === 21)!;
    const { chunks } = anchorReplies(p21);
    const [key] = [...chunks].find(([, cs]) => cs.some((c) => c.text.includes('Clear NAK to that part.')))!;
    const [file, hunk, line] = key.split(':').map(Number) as [number, number, number];
    const h = p21.files[file]!.hunks[hunk]!;
    expect(h.lines[line]!.text).toBe('};');
    expect(h.lines[line - 1]!.text).toContain('__counted_by(length);');
  });
});
