// Issue 18: Content-Type lines found in the bytes, not in a latin1 copy of the whole message. The regex the
// bytes stand in for is the reference, on built inputs and on every message of the shared samples.
import { describe, expect, it } from 'vitest';
import { piecedStrings } from '../../test/support/pieces.js';
import { conformanceMessages, corpusThreadMessages } from '../../test/support/shared-mail.js';
import { describeShared } from '../../test/support/shared.js';
import { contentTypeLines } from './content-type-lines.js';

const REGEX = /^content-type:[^\n]*(?:\r?\n[ \t][^\n]*)*/gim;

/** The regex's matches in the latin1 text from `from` on, as byte offsets. */
function byRegex(b: Buffer, from: number): number[] {
  return [...b.toString('latin1', from).matchAll(REGEX)].flatMap((m) => [from + m.index, from + m.index + m[0].length]);
}

describe('Content-Type lines found in the bytes', () => {
  const pieces = ['Content-Type:', 'content-type:', 'CONTENT-TYPE: x', 'Content-Typ', 'e:', 'Content\rType:', 'Content-Type', ':', ' text/plain', '\n', '\r', '\r\n', '\n ', '\n\t', ' ', 'x', '\xe9', 'Content-Type:\n c;\n\tformat=flowed'];
  it('equal the regex matches on built latin1 text, from any start', () => {
    for (const s of piecedStrings(pieces, 6000, 8, 9)) {
      const b = Buffer.from(s, 'latin1');
      for (const from of [0, 1, 5, 14]) {
        if (from > b.length) continue;
        expect(contentTypeLines(b, from), `${from} ${JSON.stringify(s)}`).toEqual(byRegex(b, from));
      }
    }
  });
  it('look for the next line after the end of a match, as matchAll does, past a CR inside it', () => {
    const b = Buffer.from('Content-Type: a\rContent-Type: b\n\tc\nContent-type: d', 'latin1');
    expect(contentTypeLines(b)).toEqual(byRegex(b, 0));
    expect(contentTypeLines(b)).toEqual([0, 34, 35, 50]);
  });
  it('read a view of a larger buffer by its own offsets', () => {
    const whole = Buffer.from('junk\nContent-Type: a\n b\nx', 'latin1');
    expect(contentTypeLines(whole.subarray(5))).toEqual([0, 18]);
  });
});

describeShared('Content-Type lines on real mail', ['corpus', 'linaro-mm-sig', 'threads'], () => {
  it('equal the regex matches in every corpus and conformance message', async () => {
    let found = 0;
    for (const { label, messages } of [...(await corpusThreadMessages()), ...(await conformanceMessages())]) {
      for (const [i, bytes] of messages.entries()) {
        const want = byRegex(bytes, 0);
        expect(contentTypeLines(bytes), `${label} message ${i + 1}`).toEqual(want);
        found += want.length / 2;
      }
    }
    expect(found).toBeGreaterThan(1000);
  });
});
