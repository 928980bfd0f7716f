import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readInBodyHeaders } from './inbody.js';

/** The split-based definition readInBodyHeaders had before it read lines one at a time: the reference. */
function reference(text: string) {
  const lines = text.split('\n');
  const out: { from: string | null; subject: string | null; date: string | null; consumed: number } = { from: null, subject: null, date: null, consumed: 0 };
  let i = 0;
  while (i < lines.length && (lines[i] as string).trim() === '') i++;
  let last: 'from' | 'subject' | 'date' | null = null;
  let found = false;
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    const h = /^(from|subject|date):[ \t]*(.*)$/i.exec(line);
    if (h) {
      last = (h[1] as string).toLowerCase() as 'from' | 'subject' | 'date';
      out[last] = (h[2] as string).trim();
      found = true;
    } else if (last && /^[ \t]+\S/.test(line)) {
      out[last] = `${out[last] ?? ''} ${line.trim()}`;
    } else break;
  }
  if (!found) return { from: null, subject: null, date: null, consumed: 0 };
  if ((lines[i] ?? '').trim() === '' && i < lines.length) i++;
  out.consumed = i;
  return out;
}

describe('readInBodyHeaders reads lines one at a time, as the split did', () => {
  const cases = [
    '',
    '\n',
    'From: A <a@b>',
    'From: A <a@b>\n',
    'From: A <a@b>\n\n',
    '\n\nSubject: s\n  more\n\nbody\ndiff --git a/f b/f\n',
    'Date: Mon, 1 Jan 2024 00:00:00 +0000\r\nFrom: x\r\n\r\nmsg',
    '   \n\t\nFrom: x\n\tcont\nSubject: y',
    'prose first\nFrom: x\n',
  ];
  for (const text of cases) it(JSON.stringify(text), () => expect(readInBodyHeaders(text)).toEqual(reference(text)));

  it('any text made of header-like lines', () => {
    const line = fc.constantFrom('', ' ', '\t', 'From: A <a@b>', 'subject: s', 'DATE: d', '  cont', '\tcont', 'body', '\r', 'From:');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (ls) => {
        const text = ls.join('\n');
        expect(readInBodyHeaders(text)).toEqual(reference(text));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});
