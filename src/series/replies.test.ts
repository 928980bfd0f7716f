import { describe, it, expect } from 'vitest';
import { splitReply } from './replies.js';

describe('splitReply', () => {
  it('should separate attribution, quotes, new text and signature', () => {
    const body = [
      'On Wed, Apr 22, 2026 at 04:04:19PM +0200, A Reviewer wrote:',
      '> > first level two',
      '> first level one',
      '> still one',
      '',
      'My answer.',
      '',
      '> another quote',
      'Second answer.',
      '',
      '-- ',
      'sig line',
    ].join('\n');
    const r = splitReply(body);
    expect(r.attribution).toBe('On Wed, Apr 22, 2026 at 04:04:19PM +0200, A Reviewer wrote:');
    expect(r.quoted).toEqual([
      { depth: 2, lines: ['first level two'], beforeNewLine: 0 },
      { depth: 1, lines: ['first level one', 'still one'], beforeNewLine: 0 },
      { depth: 1, lines: ['another quote'], beforeNewLine: 2 },
    ]);
    expect(r.newText).toBe('My answer.\n\nSecond answer.');
    expect(r.newLines.map((l) => l.line)).toEqual([6, 7, 9]);
    expect(r.signature).toBe('sig line');
  });

  it('should join a two-line attribution', () => {
    const r = splitReply('On Tue, 3 Mar 2026, Some Body\n<some@body.org> wrote:\n> q\nok');
    expect(r.attribution).toBe('On Tue, 3 Mar 2026, Some Body\n<some@body.org> wrote:');
    expect(r.newText).toBe('ok');
  });

  it('should take the German attribution with the name after the verb', () => {
    const r = splitReply('Sorry for the delay.\n\nAm 13.04.26 um 14:16 schrieb Jason Gunthorpe:\n> quoted\n\nAnswer.');
    expect(r.attribution).toBe('Am 13.04.26 um 14:16 schrieb Jason Gunthorpe:');
    expect(r.newText).toBe('Sorry for the delay.\n\nAnswer.');
    expect(r.quoted).toEqual([{ depth: 1, lines: ['quoted'], beforeNewLine: 2 }]);
  });

  it('should keep a `--` line followed by quotes as text, not as a signature', () => {
    const r = splitReply('a\n--\n> quoted\nb');
    expect(r.signature).toBeNull();
    expect(r.newText).toBe('a\n--\nb');
  });

  it('should return all text as new when nothing is quoted', () => {
    const r = splitReply('\n\nReviewed-by: X <x@y.org>\n\n');
    expect(r).toMatchObject({ newText: 'Reviewed-by: X <x@y.org>', quoted: [], attribution: null, signature: null });
    expect(r.newLines[0]?.line).toBe(3);
  });
});
