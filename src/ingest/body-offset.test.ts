// RawMessage.bodyOffsetLines: the raw lines before the body (mbox `From ` line, headers with their folds, the
// blank line), so body line N is line N + offset of the mail file as checkpatch.pl numbers it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeMessage, parseMime, toRawMessage } from './decode.js';
import { readInput } from './index.js';
import { linesBeforeBody, parsePlainMail } from './plain-mail.js';
import type { MessageOrigin } from './types.js';

const origin: MessageOrigin = { source: 'x', index: 1, offset: 0 };
const FOLDED = 'From: A U Thor <a@example.org>\nSubject: [PATCH] a subject long enough\n to be folded\nMessage-ID: <1@x>\n\n';
const BODY = 'Why.\n\nSigned-off-by: A U Thor <a@example.org>\n---\n+int y; \n';

describe('bodyOffsetLines', () => {
  it('counts header lines, folds and the blank line; both parsers agree', async () => {
    const bytes = Buffer.from(FOLDED + BODY);
    const plain = parsePlainMail(bytes, 1 << 22);
    expect(plain?.bodyOffsetLines).toBe(5);
    const viaMime = toRawMessage(await parseMime(bytes, origin), bytes, origin);
    expect(viaMime.bodyOffsetLines).toBe(5);
    expect(toRawMessage(plain!, bytes, origin)).toEqual(viaMime);
    // Body line N is raw line N + offset.
    const raw = bytes.toString().split('\n');
    viaMime.body.split('\n').forEach((line, i) => expect(raw[i + 5]).toBe(line));
  });

  it('counts CRLF lines as lines, on both paths', async () => {
    const bytes = Buffer.from((FOLDED + BODY).replace(/\n/g, '\r\n'));
    expect(parsePlainMail(bytes, 1 << 22)?.bodyOffsetLines).toBe(5);
    expect((await parseMime(bytes, origin)).bodyOffsetLines).toBe(5);
  });

  it('is counted on the raw lines for a message only postal-mime reads (QP)', async () => {
    const bytes = Buffer.from(`${FOLDED.trimEnd()}\nContent-Transfer-Encoding: quoted-printable\n\nWhy=3F\n`);
    expect(parsePlainMail(bytes, 1 << 22)).toBeNull();
    expect((await decodeMessage(bytes, origin)).bodyOffsetLines).toBe(6);
  });

  it('is absent when the headers never end, and 1 for a message that starts with its blank line', async () => {
    expect(linesBeforeBody(Buffer.from('Subject: x\nFrom: a@b\n'))).toBeUndefined();
    expect('bodyOffsetLines' in (await decodeMessage(Buffer.from('Subject: x\nFrom: a@b\n'), origin))).toBe(false);
    expect(linesBeforeBody(Buffer.from('\nbody\n'))).toBe(1);
    expect(linesBeforeBody(Buffer.from('\r\nbody\n'))).toBe(1);
    expect(linesBeforeBody(Buffer.from('Subject: x\r\n\r\nbody\n'))).toBe(2);
  });

  describe('through readInput', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'patchscope-offset-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('adds the `From ` separator line of each mbox message (per message)', async () => {
      const sep = 'From 1234567890abcdef1234567890abcdef12345678 Mon Sep 17 00:00:00 2001\n';
      writeFileSync(join(dir, 'two.mbox'), `${sep}${FOLDED}${BODY}${sep}Subject: two\n\nhi\n`);
      const r = await readInput(join(dir, 'two.mbox'));
      expect(r.messages.map((m) => m.bodyOffsetLines)).toEqual([6, 3]);
    });

    it('adds no separator line to a single message without one (.eml)', async () => {
      writeFileSync(join(dir, 'one.eml'), FOLDED + BODY);
      const r = await readInput(join(dir, 'one.eml'));
      expect(r.messages.map((m) => m.bodyOffsetLines)).toEqual([5]);
    });
  });
});
