// Hostile mail must not hang ingest. Regression: header unfolding used the regex
// /[ \t]*\r?\n[ \t]/ which backtracks quadratically, so a Subject of 1 MB of blanks never
// finished (found by this file). Each case is 1 MB-ish and must decode in well under a second
// on a quiet machine; the bound is loose for a busy CI box.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeMessage } from './decode.js';
import { readInput } from './read-input.js';

const MB = 1 << 20;
const origin = { source: 'hostile.mbox', index: 1, offset: 0 };

describe('hostile headers decode in bounded time', () => {
  it.each([
    ['blanks in a Subject', `Subject: ${' '.repeat(MB)}x`],
    ['blanks folded many times', `Subject: a${' \n '.repeat(MB / 4)}b`],
    ['tabs before an address', `From: ${'\t'.repeat(MB)}a@b`],
    ['nested comment openers', `From: ${'('.repeat(MB / 2)} a@b`],
    ['angle brackets', `From: ${'<'.repeat(MB / 2)}a@b`],
    ['an id of many @', `Message-ID: ${'a@'.repeat(MB / 4)} `],
    ['a References of brackets', `References: ${'<'.repeat(MB / 2)}`],
    ['a charset of blanks', `Content-Type: text/plain; charset=${' '.repeat(MB / 2)}`],
    ['many encoded words', `Subject: ${'=?utf-8?q?a?= '.repeat(MB / 16)}`],
  ])('%s', async (_what, header) => {
    const started = Date.now();
    const m = await decodeMessage(Buffer.from(`${header}\n\nbody\n`), origin);
    expect(m.body).toBe('body\n');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('hostile files read in bounded time', () => {
  it('a 1 MB first line without a newline is "not mail", quickly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'patchscope-hostile-'));
    try {
      const p = join(dir, 'one-line');
      writeFileSync(p, 'x'.repeat(4 * MB));
      const started = Date.now();
      await expect(readInput(p)).rejects.toThrow(/line 1: not a mail message/);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
