import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describeShared, sharedPath } from '../../test/support/shared.js';
import { readInput } from '../ingest/index.js';
import { quoteDepth, splitReply } from './replies.js';

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

/** The regex quoteDepth stands in for (issue 18: the scan replaced a match per line, and one more for the line before). */
const QUOTE = /^((?:[ \t]?>)+)[ ]?(.*)$/;

/** quoteDepth's answer as [depth, quoted text], and the regex's. */
function bothReadings(line: string): { scan: [number, string | null]; regex: [number, string | null] } {
  const at = { at: -1 };
  const depth = quoteDepth(line, at);
  const m = QUOTE.exec(line);
  return {
    scan: [depth, depth > 0 ? line.slice(at.at) : null],
    regex: m ? [(m[1] ?? '').replace(/[ \t]/g, '').length, m[2] ?? ''] : [0, null],
  };
}

describe('quoteDepth', () => {
  it('should read a line as the quote regex does, on the edges of its markers', () => {
    const lines = [
      '', '>', '> ', '>  two spaces', '>>x', '> > x', '>\t> x', '>\tx', ' >x', '  >x', '\t>x', ' > >  y', '> >', '>> >',
      'a > b', '>\rx', 'x\r', '> x\u2028y', '> x\u2029', '> \r', '>'.repeat(5000), ' >'.repeat(3000), '> '.repeat(3000) + 'z',
      '\u00a0>x', '>\u00a0x', '＞x',
    ];
    for (const line of lines) {
      const { scan, regex } = bothReadings(line);
      expect(scan, JSON.stringify(line)).toEqual(regex);
    }
  });
});

describeShared('quoteDepth on the real corpus', ['corpus', 'linaro-mm-sig', 'threads'], () => {
  it('should read every line of every message as the quote regex does', async () => {
    const dir = sharedPath('corpus', 'linaro-mm-sig', 'threads');
    let quoted = 0;
    for (const t of readdirSync(dir).sort()) {
      const { messages } = await readInput(join(dir, t, 'thread.mbox'), { mboxrd: true });
      for (const m of messages) {
        for (const line of m.body.split('\n')) {
          const { scan, regex } = bothReadings(line);
          if (scan[0] !== regex[0] || scan[1] !== regex[1]) expect(scan, `${t}: ${JSON.stringify(line)}`).toEqual(regex);
          if (regex[0] > 0) quoted++;
        }
      }
    }
    expect(quoted).toBeGreaterThan(10_000);
  });
});
