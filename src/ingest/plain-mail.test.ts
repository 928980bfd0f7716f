// The plain fast path must be invisible: wherever it accepts a message, the RawMessage equals
// the one postal-mime's path gives, on real inputs (both conformance corpora) and on a
// generated archive.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseMime, toRawMessage } from './decode.js';
import { splitMbox } from './mbox.js';
import { decodeBody, decoderFor, headerEnd, headerEndByBytes, parsePlainMail } from './plain-mail.js';
import { normaliseNewlines, normaliseNewlineBytes } from './git-mailinfo.js';
import type { MessageOrigin } from './types.js';
import { hasShared, sharedPath } from '../../test/support/shared.js';
import { piecedStrings } from '../../test/support/pieces.js';

const ROOT = resolve(__dirname, '..', '..');
const CONFORMANCE = sharedPath('conformance');
const origin: MessageOrigin = { source: 'x', index: 1, offset: 0 };

async function messagesOf(data: Buffer, mboxrd: boolean): Promise<Buffer[]> {
  const out: Buffer[] = [];
  async function* once() {
    yield data;
  }
  for await (const s of splitMbox(once(), { mboxrd })) out.push(s.bytes);
  return out;
}

async function compare(messages: Buffer[]): Promise<number> {
  let fast = 0;
  for (const bytes of messages) {
    const plain = parsePlainMail(bytes, 1 << 22);
    if (plain === null) continue;
    fast++;
    const viaMime = toRawMessage(await parseMime(bytes, origin), bytes, origin);
    expect(toRawMessage(plain, bytes, origin)).toEqual(viaMime);
  }
  return fast;
}

describe('plain fast path ≡ postal-mime', () => {
  it.skipIf(!hasShared('conformance'))('on every conformance message (../shared)', async () => {
    const all: Buffer[] = [];
    for (const folder of ['git-t5100', 'b4-samples']) {
      for (const name of readdirSync(join(CONFORMANCE, folder)).filter((n) => !n.endsWith('.json'))) {
        all.push(...(await messagesOf(readFileSync(join(CONFORMANCE, folder, name)), false)));
      }
    }
    const fast = await compare(all);
    expect(all.length).toBe(114);
    expect(fast).toBeGreaterThan(40);
  });

  it('on a generated archive (QP bodies and encoded words included)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'patchscope-plain-'));
    try {
      const out = join(dir, 'a.mboxrd');
      execFileSync(process.execPath, [join(ROOT, 'bench', 'gen-archive.mjs'), '--mb', '1', '--seed', '7', '--out', out]);
      const messages = await messagesOf(readFileSync(out), true);
      const fast = await compare(messages);
      expect(fast / messages.length).toBeGreaterThan(0.7);
      expect(fast).toBeLessThan(messages.length); // the QP ones take the MIME path
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['multipart', 'Content-Type: multipart/mixed; boundary=x'],
    ['quoted-printable', 'Content-Transfer-Encoding: quoted-printable'],
    ['base64', 'Content-Transfer-Encoding: base64'],
    ['format=flowed', 'Content-Type: text/plain; format=flowed'],
    ['an unknown charset', 'Content-Type: text/plain; charset=x-unknown'],
    ['a header line without a colon', 'Not a header'],
  ])('declines %s', (_what, header) => {
    expect(parsePlainMail(Buffer.from(`From: a@b\n${header}\n\nbody\n`), 1 << 22)).toBeNull();
  });

  it('accepts plain UTF-8 and latin-1 text', () => {
    expect(parsePlainMail(Buffer.from('Subject: x\nContent-Type: text/plain; charset="utf-8"\n\nKönig\n'), 1 << 22)?.text).toBe('König\n');
    const latin1 = Buffer.concat([Buffer.from('Content-Type: text/plain; charset=iso-8859-1\n\n'), Buffer.from('K\xf6nig\n', 'latin1')]);
    expect(parsePlainMail(latin1, 1 << 22)?.text).toBe('König\n');
  });
});

describe('where the header block ends', () => {
  it('found by search, as the byte loop finds it, on mail built from NUL, CR, CRLF and blank-line pieces', () => {
    const pieces = ['Subject: a\n', '\n', '\r\n', '\r', '\0', 'X: b\r\n', ' fold\n', 'body\n', '\n\r\n', '\n\n'];
    const seen = new Set<string>();
    for (const s of piecedStrings(pieces, 3000, 7, 11)) {
      const b = Buffer.from(s, 'latin1');
      const expected = headerEndByBytes(b);
      seen.add(expected === null ? 'null' : `${expected.body - expected.headers}`);
      expect(headerEnd(b), JSON.stringify(s)).toEqual(b[0] === 0x0a || b[0] === 0x0d ? null : expected);
    }
    // Both kinds of blank line and the declined blocks all occurred.
    expect([...seen].sort()).toEqual(['2', '3', 'null']);
  });
});

describe('CRLF taken off the bytes before decoding (issue 18)', () => {
  // Bytes whose decoding differs by charset: CR and LF in every order, cut and invalid UTF-8, a BOM, 8-bit bytes,
  // ISO-2022-JP's escapes, and bytes that are half of a UTF-16 CR or LF.
  const pieces = ['\r\n', '\r', '\n', '\r\r\n', 'ab', '\xe2', '\xe2\x80', '\xe2\x80\xa8', '\xef\xbb\xbf', '\xe9', '\x1b$B', '\x1b(B', '\x0d\x00', '\x00\x0a', '\x00'];
  const charsets = ['utf-8', 'windows-1252', 'iso-8859-2', 'koi8-r', 'utf-16le', 'utf-16be', 'iso-2022-jp', 'shift_jis', 'gb18030'];
  it('normaliseNewlineBytes then decoding gives normaliseNewlines of the decoded text, in every charset', () => {
    const safe = ['utf-8', 'windows-1252', 'iso-8859-2', 'koi8-r'];
    for (const s of piecedStrings(pieces, 1500, 7, 5)) {
      const bytes = Buffer.from(s, 'latin1');
      for (const charset of charsets) {
        const decoder = decoderFor(charset)!;
        const want = normaliseNewlines(decoder.decode(bytes));
        expect(decodeBody(decoder, bytes), `${charset} ${JSON.stringify(s)}`).toBe(want);
        // What decodeBody does for a large body in a charset where CR and LF are bytes of their own.
        if (safe.includes(charset)) expect(decoder.decode(normaliseNewlineBytes(bytes)), `${charset} ${JSON.stringify(s)}`).toBe(want);
      }
      const expected = Buffer.from(s.replace(/\r\n/g, '\n'), 'latin1');
      expect(normaliseNewlineBytes(bytes)).toEqual(expected);
      // In place: the bytes only move forward.
      const own = Buffer.from(bytes);
      expect(Buffer.from(normaliseNewlineBytes(own, own))).toEqual(expected);
    }
  });
  it('decodeBody reads a large body the same whichever way it takes CRLF off, in every charset', () => {
    for (const s of piecedStrings(pieces, 12, 7, 17)) {
      const bytes = Buffer.from(s.repeat(Math.ceil((130 * 1024) / Math.max(1, s.length))), 'latin1');
      for (const charset of charsets) {
        const decoder = decoderFor(charset)!;
        expect(decodeBody(decoder, bytes) === normaliseNewlines(decoder.decode(bytes)), `${charset} ${JSON.stringify(s)}`).toBe(true);
      }
    }
  });
  it('is the same bytes object when there is no CRLF', () => {
    const bytes = Buffer.from('a\rb\nc');
    expect(normaliseNewlineBytes(bytes)).toBe(bytes);
  });
});

describe('header lines read from the bytes (issue 18)', () => {
  // The reading headerLinesOf stands for: the block decoded as UTF-8 (BOM kept), split on LF, CR off each line end.
  function reference(block: string): { key: string; line: string }[] | null {
    const out: { key: string; line: string }[] = [];
    for (const raw of new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.from(block, 'latin1')).split('\n')) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (/^[ \t]/.test(line)) {
        const last = out[out.length - 1];
        if (!last) return null;
        last.line += `\n${line}`;
        continue;
      }
      const colon = line.indexOf(':');
      if (colon <= 0 || !/^[\x21-\x39\x3b-\x7e]+$/.test(line.slice(0, colon))) return null;
      out.push({ key: line.slice(0, colon).toLowerCase(), line });
    }
    return out;
  }
  const pieces = ['Subject: a', 'X-Spam: b', 'TO: c', '\n', '\r\n', '\n ', '\n\t', ' ', ':', 'x', '\xc3\xa9', '\xe2\x80', '\xef\xbb\xbf', 'Bad Name: d', '\x7f', ': e'];
  const keepTo = (key: string): boolean => key === 'to';
  it('equal the decoded block split as postal-mime groups it, every line checked, only the kept ones given', () => {
    let read = 0;
    const edges = [' fold first\nSubject: a', '\x7f: e', 'Sub ject: a', ': e', 'Subject a', 'Subject: a\n\tfold\r\n fold', 'To: \xe2\x80\r\nX: \xef\xbb\xbf'];
    for (const block of [...edges, ...piecedStrings(pieces, 5000, 6, 13)]) {
      // A lone CR in the block makes headerEnd decline before any line is read.
      if (/\r(?!\n)/.test(block) || /\n\r?\n/.test(block)) continue;
      const bytes = Buffer.from(`${block}\n\nbody\n`, 'latin1');
      const want = reference(block);
      const all = parsePlainMail(bytes, 1 << 22);
      expect(all?.headerLines ?? null, JSON.stringify(block)).toEqual(want);
      const some = parsePlainMail(bytes, 1 << 22, keepTo);
      expect(some?.headerLines ?? null, JSON.stringify(block)).toEqual(want && want.filter((h) => ['to', 'content-type', 'content-transfer-encoding'].includes(h.key)));
      if (want) read++;
    }
    expect(read).toBeGreaterThan(300);
  });
});
