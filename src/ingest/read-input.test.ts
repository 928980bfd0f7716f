import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { InputError, LimitError } from '../util/errors.js';
import { gunzipChunks } from './gzip.js';
import { iterateMessages, readInput } from './index.js';

const SEP = 'From 0123456789abcdef Mon Sep 17 00:00:00 2001\n';
const message = (n: number, extra = '') =>
  `From: Jason Gunthorpe <jgg@nvidia.com>\nSubject: [PATCH RFC ${String(n).padStart(2, '0')}/26] dma-buf: step ${n}\n` +
  `Message-ID: <${n}-v1-b5cab63049c0+191af-dmabuf_map_type_jgg@nvidia.com>\n\nbody ${n}\n${extra}`;
const mbox = (count: number, extra = '') => Array.from({ length: count }, (_, i) => SEP + message(i + 1, extra)).join('');

let dir: string;
const file = (name: string, data: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'patchscope-ingest-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readInput: kinds by content', () => {
  it('reads an mbox, with origins and progress', async () => {
    const p = file('series.mbox', mbox(3));
    const seen: number[] = [];
    const r = await readInput(p, { onProgress: (x) => seen.push(x.messages) });
    expect(r.messages.map((m) => m.subject)).toEqual([1, 2, 3].map((n) => `[PATCH RFC 0${n}/26] dma-buf: step ${n}`));
    expect(r.messages.map((m) => m.origin.offset)).toEqual([0, 1, 2].map((i) => mbox(i).length));
    expect(r.messages[1]!.origin).toEqual({ source: p, index: 2, offset: mbox(1).length });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('reads a single .eml message', async () => {
    const r = await readInput(file('one.eml', message(7)));
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]!.messageId).toBe('7-v1-b5cab63049c0+191af-dmabuf_map_type_jgg@nvidia.com');
  });

  it('detects gzip by magic bytes, not by name', async () => {
    const r = await readInput(file('archive.txt', gzipSync(mbox(4))));
    expect(r.messages).toHaveLength(4);
    expect(r.skipped).toEqual([]);
  });

  it('keeps the messages before a truncation and skips the cut one, naming the offset', async () => {
    const gz = gzipSync(mbox(50, 'x'.repeat(2000) + '\n'));
    const cut = gz.subarray(0, Math.floor(gz.length * 0.6));
    const r = await readInput(file('cut.mbox.gz', cut));
    expect(r.messages.length).toBeGreaterThan(10);
    expect(r.messages.length).toBeLessThan(50);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]!.origin.index).toBe(r.messages.length + 1);
    expect(r.skipped[0]!.reason).toMatch(/^gzip data truncated or corrupt at compressed byte \d+: unexpected end of file/);
  });

  it('un-quotes >From only when asked for mboxrd', async () => {
    const p = file('rd.mbox', SEP + message(1, '>From the start\n>>From twice\n'));
    expect((await readInput(p)).messages[0]!.body).toBe('body 1\n>From the start\n>>From twice\n');
    expect((await readInput(p, { mboxrd: true })).messages[0]!.body).toBe('body 1\nFrom the start\n>From twice\n');
  });
});

describe('readInput: folders', () => {
  it('reads format-patch files in numeric name order and ignores other files', async () => {
    const d = join(dir, 'fp');
    mkdirSync(d);
    writeFileSync(join(d, '0002-b.patch'), SEP + message(2));
    writeFileSync(join(d, '0010-c.patch'), SEP + message(10));
    writeFileSync(join(d, '0000-cover-letter.patch'), SEP + message(0));
    writeFileSync(join(d, 'README'), 'not mail');
    writeFileSync(join(d, '0003-empty.patch'), '');
    const r = await readInput(d);
    expect(r.messages.map((m) => [m.origin.index, m.origin.file])).toEqual([
      [1, '0000-cover-letter.patch'],
      [2, '0002-b.patch'],
      [4, '0010-c.patch'],
    ]);
    expect(r.skipped).toEqual([
      { origin: { source: d, index: 3, offset: null, file: '0003-empty.patch' }, messageId: null, reason: 'empty input' },
    ]);
  });

  it('refuses a folder without mail files', async () => {
    const d = join(dir, 'nomail');
    mkdirSync(d);
    writeFileSync(join(d, 'notes.txt'), 'x');
    await expect(readInput(d)).rejects.toThrow(/nomail: no mail files in this folder/);
  });
});

describe('readInput: errors name the input', () => {
  it.each([
    ['a missing file', () => join(dir, 'missing.mbox'), /missing\.mbox: no such file or directory$/],
    ['an empty file', () => file('empty.mbox', ''), /empty\.mbox: empty input$/],
    ['binary garbage', () => file('garbage.bin', Buffer.from([0, 1, 2, 255, 254, 10, 13, 0x80])), /garbage\.bin: line 1: not a mail message/],
    ['prose', () => file('notes.txt', 'just some notes\nno headers here\n'), /notes\.txt: line 1: not a mail message/],
    ['prose after blank lines', () => file('notes2.txt', '\n\n  \njust notes\n'), /notes2\.txt: line 4: not a mail message/],
    ['a bad git range', () => 'git:--upload-pack=evil..HEAD', /refusing revision/],
  ])('%s → InputError', async (_what, spec, message) => {
    const err = await readInput(spec()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(message);
  });

  it('streams items one by one', async () => {
    const kinds: string[] = [];
    for await (const item of iterateMessages(file('stream.mbox', mbox(2)))) kinds.push(item.kind);
    expect(kinds).toEqual(['message', 'message']);
  });
});

describe('gzip ratio guard', () => {
  it('refuses output beyond the ratio once past the floor', async () => {
    const bomb = gzipSync(Buffer.alloc(4 << 20, 0x41));
    async function* once() {
      yield bomb;
    }
    const read = async () => {
      for await (const _ of gunzipChunks(once(), 'bomb.gz', { maxRatio: 50, minBombOutput: 1 << 20 }));
    };
    await expect(read()).rejects.toBeInstanceOf(LimitError);
    await expect(read()).rejects.toThrow(/bomb\.gz: byte \d+: gzip expands beyond 1:50/);
  });

  it('lets a normal archive through', async () => {
    async function* once() {
      yield gzipSync(mbox(100));
    }
    let out = 0;
    for await (const piece of gunzipChunks(once(), 'ok.gz', { maxRatio: 50, minBombOutput: 1024 })) out += piece.length;
    expect(out).toBe(mbox(100).length);
  });
});
