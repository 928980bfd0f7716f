import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isFromLine, splitMbox, unquoteMboxrd, type MboxSlice } from './mbox.js';

const SEP = 'From 1234abcd Mon Sep 17 00:00:00 2001\n';

async function* chunked(text: string | Buffer, size: number): AsyncGenerator<Buffer> {
  const b = Buffer.isBuffer(text) ? text : Buffer.from(text, 'latin1');
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}

async function split(text: string | Buffer, opts: { mboxrd?: boolean | 'marked'; chunk?: number } = {}): Promise<MboxSlice[]> {
  const out: MboxSlice[] = [];
  for await (const m of splitMbox(chunked(text, opts.chunk ?? 1 << 20), { mboxrd: opts.mboxrd ?? false })) out.push(m);
  return out;
}
const texts = (slices: MboxSlice[]): string[] => slices.map((s) => s.bytes.toString('latin1'));

describe('isFromLine (git mailsplit is_from_line)', () => {
  it.each([
    ['From 1234abcd Mon Sep 17 00:00:00 2001\n', true],
    ['From nobody Mon Sep 17 00:00:00 2001\n', true],
    ['From foo@z Thu Jan  1 00:00:00 1970\n', true],
    ['From foo@z Thu Jan  1 00:00:00 1970\r\n', true],
    ['From mboxrd@git Thu Jan  1 00:00:00 1970', true],
    ['From the beginning, mbox should have been mboxrd\n', false],
    ['From: A U Thor <a@example.com>\n', false],
    ['From x Mon Sep 17 00:00:00 0089\n', false], // year must be > 90
    ['From x 12:34\n', false], // too short
    ['>From 1234abcd Mon Sep 17 00:00:00 2001\n', false],
  ])('%j → %s', (line, want) => {
    expect(isFromLine(Buffer.from(line))).toBe(want);
  });
});

describe('splitMbox', () => {
  const mbox = `\n  \n${SEP}Subject: one\n\nbody 1\nFrom the start\n${SEP}Subject: two\n\n>From quoted\n>>From twice\n`;

  it('splits at separator lines, drops them and leading blanks, records offsets', async () => {
    const slices = await split(mbox);
    expect(texts(slices)).toEqual([
      'Subject: one\n\nbody 1\nFrom the start\n',
      'Subject: two\n\n>From quoted\n>>From twice\n',
    ]);
    expect(slices.map((s) => s.offset)).toEqual([4, mbox.indexOf(SEP, 5)]);
  });

  it('un-quotes >From lines by one ">" only in mboxrd mode', async () => {
    expect(texts(await split(mbox, { mboxrd: true }))[1]).toBe('Subject: two\n\nFrom quoted\n>From twice\n');
    expect(texts(await split(mbox))[1]).toContain('>From quoted\n>>From twice');
  });

  // Regression (linaro-mm-sig corpus thread 135): a commit message line "From ..." archived by public-inbox as
  // ">From ..." must come back as the author wrote it; public-inbox marks its mboxrd exports on every separator.
  it("'marked' un-quotes only the messages behind public-inbox's mboxrd separator", async () => {
    const marked = `From mboxrd@z Thu Jan  1 00:00:00 1970\nSubject: a\n\n>From quoted\n>>From twice\n${SEP}Subject: b\n\n>From kept\n`;
    for (const chunk of [1, 7, 1 << 20]) {
      expect(texts(await split(marked, { mboxrd: 'marked', chunk }))).toEqual([
        'Subject: a\n\nFrom quoted\n>From twice\n',
        'Subject: b\n\n>From kept\n',
      ]);
    }
  });

  it('gives the same messages whatever the chunk size (property)', async () => {
    const line = fc.constantFrom('Subject: x\n', '\n', 'From here\n', '>From there\n', SEP, 'From ', 'Fr', 'body\r\n', 'x');
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 40 }), fc.integer({ min: 1, max: 17 }), async (lines, size) => {
        const text = SEP + lines.join('');
        const whole = await split(text);
        const pieces = await split(text, { chunk: size });
        expect(texts(pieces)).toEqual(texts(whole));
        expect(pieces.map((s) => s.offset)).toEqual(whole.map((s) => s.offset));
      }),
      { numRuns: 300 },
    );
  });

  it('does not take a From line inside a long line as a separator', async () => {
    const long = 'a'.repeat(100_000);
    const text = `${SEP}Subject: x\n\n${long}From x Mon Sep 17 00:00:00 2001\n`;
    expect(await split(text, { chunk: 4096 })).toHaveLength(1);
  });

  it('handles a 1 MB line without a newline in small chunks', async () => {
    const text = `${SEP}Subject: x\n\nFrom ${'y'.repeat(1 << 20)}`;
    const slices = await split(text, { chunk: 8192 });
    expect(slices).toHaveLength(1);
    expect(slices[0]!.bytes.length).toBe(text.length - SEP.length);
  });

  it('keeps CRLF separators working and NUL bytes intact', async () => {
    const text = Buffer.from(`${SEP.replace('\n', '\r\n')}A: b\r\n\r\n\0\x08x\r\n${SEP.replace('\n', '\r\n')}A: c\r\n`, 'latin1');
    const slices = await split(text, { chunk: 3 });
    expect(texts(slices)).toEqual(['A: b\r\n\r\n\0\x08x\r\n', 'A: c\r\n']);
  });
});

describe('unquoteMboxrd', () => {
  it('removes one ">" from >+From lines and nothing else', () => {
    const input = Buffer.from('>From a\n>>From b\n > From c\n>Fromage\nx>From d\n>From');
    expect(unquoteMboxrd(input).toString()).toBe('From a\n>From b\n > From c\n>Fromage\nx>From d\n>From');
  });
  it('returns the same buffer when nothing is quoted', () => {
    const b = Buffer.from('plain\n');
    expect(unquoteMboxrd(b)).toBe(b);
  });
});

describe('splitMbox over a reused read buffer (reusedChunks, issue 18)', () => {
  /** Chunks read into one buffer again and again, as archive-folder.ts's readInto hands them out. */
  async function* reused(text: string, size: number): AsyncGenerator<Buffer> {
    const b = Buffer.from(text, 'latin1');
    const buf = Buffer.alloc(size);
    for (let i = 0; i < b.length; i += size) {
      const n = b.copy(buf, 0, i, i + size);
      yield buf.subarray(0, n);
      buf.fill(0x23); // what a later read would leave there
    }
  }
  const piece = fc.constantFrom(SEP, 'Subject: x\n\n', 'body line\n', '>From quoted\n', 'From the start\n', 'From ', '\n', 'x'.repeat(50));

  it('gives the slices of a one-buffer split, for any chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 1, max: 64 }), async (parts, size) => {
        const text = `${SEP}${parts.join('')}`;
        const got: MboxSlice[] = [];
        // A slice may be a view of the reused buffer: valid until the generator is resumed, so copied here.
        for await (const m of splitMbox(reused(text, size), { mboxrd: true, reusedChunks: true })) got.push({ ...m, bytes: Buffer.from(m.bytes) });
        const want = await split(text, { mboxrd: true });
        expect(texts(got)).toEqual(texts(want));
        expect(got.map((s) => [s.offset, s.end, s.last])).toEqual(want.map((s) => [s.offset, s.end, s.last]));
        // Each message ends where the next begins, and the last at the end of the stream.
        expect(want.map((s) => s.end)).toEqual([...want.slice(1).map((s) => s.offset), ...(want.length ? [Buffer.byteLength(text, 'latin1')] : [])]);
        expect(want.map((s) => s.last === true)).toEqual(want.map((_, i) => i === want.length - 1));
      }),
      { numRuns: 300 },
    );
  });
});
