// stdin (`-`) is read like a file: kind by content, source named "-".
import { afterEach, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { InputError } from '../util/errors.js';
import { readInput } from './index.js';

const realStdin = Object.getOwnPropertyDescriptor(process, 'stdin')!;
function fakeStdin(data: Buffer | string): void {
  Object.defineProperty(process, 'stdin', { value: Readable.from([Buffer.from(data)]), configurable: true });
}
afterEach(() => Object.defineProperty(process, 'stdin', realStdin));

const SEP = 'From 0123456789abcdef Mon Sep 17 00:00:00 2001\n';
const mail = (n: number) => `From: Baolu Lu <baolu.lu@linux.intel.com>\nSubject: Re: [PATCH RFC 12/26] reply ${n}\n\nok\n`;

describe('readInput("-")', () => {
  it('reads an mbox from stdin', async () => {
    fakeStdin(SEP + mail(1) + SEP + mail(2));
    const r = await readInput('-');
    expect(r.messages.map((m) => [m.origin.source, m.subject])).toEqual([
      ['-', 'Re: [PATCH RFC 12/26] reply 1'],
      ['-', 'Re: [PATCH RFC 12/26] reply 2'],
    ]);
  });

  it('reads a gzipped single message from stdin', async () => {
    fakeStdin(gzipSync(mail(3)));
    const r = await readInput('-');
    expect(r.messages.map((m) => m.from)).toEqual([{ name: 'Baolu Lu', email: 'baolu.lu@linux.intel.com' }]);
  });

  it('refuses empty stdin', async () => {
    fakeStdin('');
    await expect(readInput('-')).rejects.toEqual(new InputError({ source: '-' }, 'empty input'));
  });
});
