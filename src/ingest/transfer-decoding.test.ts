// Issue 18: single-part base64 and quoted-printable mail is decoded ahead of parsing and read by the
// plain fast path instead of postal-mime. The RawMessage must be exactly postal-mime's, body, headers
// and line offsets included: checked on every such message of the real-thread corpus, on git's and
// b4's samples, and on edge cases of base64 (padding on every line, stray characters, a cut group).
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeShared, sharedPath } from '../../test/support/shared.js';
import { piecedStrings } from '../../test/support/pieces.js';
import { decodeMessage, parseMime, toRawMessage, withoutFlowed } from './decode.js';
import { unknownCharsets } from './header-values.js';
import { unquoteMboxrd } from './mbox.js';
import { asEightBit, base64Bytes, base64ByUnits, decodeBase64, decodeQuotedPrintable, LARGE_STRING } from './transfer-decoding.js';
import { Scratch } from './scratch.js';
import type { MessageOrigin } from './types.js';

/** postal-mime's reading of a message, as decodeMessage made it before the fast path. */
async function throughPostalMime(bytes: Uint8Array, origin: MessageOrigin) {
  return toRawMessage(await parseMime(withoutFlowed(bytes), origin), bytes, origin);
}

/** Messages of an mbox (mboxrd un-quoted), or the file itself when it is one message. */
function messagesOf(file: Buffer): Buffer[] {
  if (!file.subarray(0, 5).equals(Buffer.from('From '))) return [file];
  const text = file.toString('latin1');
  return text.split(/^From [^\n]*\n/m).slice(1).map((m) => unquoteMboxrd(Buffer.from(m, 'latin1')));
}

/** Compares both readings of every message the fast path takes; returns how many it took. */
async function compareAll(messages: Buffer[], source: string): Promise<number> {
  let taken = 0;
  for (const [i, bytes] of messages.entries()) {
    if (asEightBit(withoutFlowed(bytes)) === null || unknownCharsets(bytes).length > 0) continue;
    const origin: MessageOrigin = { source, index: i + 1, offset: null };
    const expected = await throughPostalMime(bytes, origin);
    expect(await decodeMessage(bytes, origin), `${source} message ${i + 1}`).toEqual(expected);
    taken += 1;
  }
  return taken;
}

const b64 = (text: string | Buffer): string => (Buffer.isBuffer(text) ? text : Buffer.from(text)).toString('base64');
const mail = (headers: string, body: string): Buffer =>
  Buffer.from(`From: Ann Author <ann@example.org>\nSubject: [PATCH] dma-buf: Fix it\nMessage-ID: <b@x>\nDate: Wed, 1 Apr 2026 09:00:00 +0000\n${headers}\n\n${body}`, 'latin1');
const PATCH = 'Fix it.\n\nSigned-off-by: Ann Author <ann@example.org>\n---\n a.c | 1 +\n\ndiff --git a/a.c b/a.c\n--- a/a.c\n+++ b/a.c\n@@ -1 +1,2 @@\n int x;\n+int y;\n';

describe('transfer decoding ahead of the plain path', () => {
  it('gives postal-mime\'s RawMessage on base64 and quoted-printable edge cases', async () => {
    const cases = [
      mail('Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: base64', b64(PATCH).replace(/.{76}/g, '$&\n')),
      mail('Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64', PATCH.split('\n').map((l) => b64(`${l}\n`)).join('\n')),
      mail('Content-Type: text/plain\nContent-Transfer-Encoding: Base64', `${b64(PATCH).slice(0, 40)}*!\n${b64(PATCH).slice(40)}\nQ\n`),
      mail('Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: base64', b64(Buffer.from(`Gr\xfc\xdfe.\n${PATCH}`, 'latin1'))),
      mail('Content-Type: text/plain; charset="utf-8"; format=flowed\nContent-Transfer-Encoding: base64', b64(`Soft \nbreak.\n${PATCH}`)),
      mail('Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable', `Caf=C3=A9 soft=\nbreak, bad =ZZ escape=\n\n${PATCH}`),
      // CR CR LF line ends (a real Outlook patch on linaro-mm-sig): git's rule takes one CR, and only once.
      mail('Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: base64', b64(`From: Leon <l@x>\n\n${PATCH}`.replace(/\n/g, '\r\r\n'))),
      mail('Content-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: quoted-printable', `From: Leon <l@x>=0D=0D=0A=0D=0D=0AText.=0D=0D=0A\r\n`),
    ];
    expect(await compareAll(cases, 'edge')).toBe(cases.length);
  });

  // (In a multipart part postal-mime's own line reading takes both CRs; the walk does as it does.)
  it('takes one CR of CR CR LF in a single-part body, as git mailsplit does, whichever path reads it', async () => {
    const body = `From: Leon <l@x>\n\nText.\n`.replace(/\n/g, '\r\r\n');
    for (const bytes of [
      mail('Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: base64', b64(body)),
      mail('Content-Type: text/plain; charset="utf-8"', body),
      mail('Content-Type: text/plain; charset="utf-16le"\nContent-Transfer-Encoding: base64', b64(Buffer.from(body, 'utf16le'))),
    ]) {
      expect((await decodeMessage(bytes, { source: 'x', index: 1, offset: null })).body).toMatch(/^From: Leon <l@x>\r\n\r\nText\.\r\n/);
    }
  });

  it('leaves a part with a Content-Disposition to postal-mime', () => {
    expect(asEightBit(mail('Content-Type: text/plain\nContent-Disposition: attachment; filename=a.patch\nContent-Transfer-Encoding: base64', b64(PATCH)))).toBeNull();
  });
});

describeShared('transfer decoding on real mail', ['corpus', 'linaro-mm-sig', 'threads'], () => {
  it('gives postal-mime\'s RawMessage on every base64 and QP message of the 150 real threads', async () => {
    const threads = sharedPath('corpus', 'linaro-mm-sig', 'threads');
    let taken = 0;
    for (const t of readdirSync(threads)) taken += await compareAll(messagesOf(readFileSync(join(threads, t, 'thread.mbox'))), t);
    expect(taken).toBeGreaterThan(300);
  }, 180_000); // every message of 150 threads, decoded twice
});

describeShared('transfer decoding on git and b4 samples', ['conformance'], () => {
  it('gives postal-mime\'s RawMessage on every sample it takes', async () => {
    for (const folder of ['git-t5100', 'b4-samples']) {
      for (const name of readdirSync(sharedPath('conformance', folder))) {
        if (/\.(json|md)$/.test(name)) continue;
        await compareAll(messagesOf(readFileSync(sharedPath('conformance', folder, name))), `${folder}/${name}`);
      }
    }
  });
});

describe("base64 by Node's decoder where it reads as postal-mime does", () => {
  it('equals the unit-by-unit reading on bodies built from alphabet, padding, base64url, blank and 8-bit pieces', () => {
    const pieces = ['QUJD', 'REVGRw', 'SGk=', 'SA==', '\n', ' \t', '-', '_', '=', 'Q', '*!', '\xe9', 'QUJDREVG\n', '___\nlist footer -- x\n'];
    let byNode = 0;
    for (const s of piecedStrings(pieces, 4000, 6, 5)) {
      const body = Buffer.from(s, 'latin1');
      expect(decodeBase64(body), JSON.stringify(s)).toEqual(base64ByUnits(body));
      if (!/[-_]/.test(s) && !/=.*[A-Za-z0-9+/]/s.test(s)) byNode += 1;
    }
    // Both readings were exercised.
    expect(byNode).toBeGreaterThan(200);
    expect(byNode).toBeLessThan(3500);
  });
});

describe('base64 and quoted-printable without a string or a fresh buffer (issue 18)', () => {
  const pieces = ['QUJD', 'REVGRw', 'SGk=', 'SA==', '\n', '\r\n', ' \t', '-', '_', '=', 'Q', '*!', '\xe9', 'QUJDREVG\n', '___\nlist footer -- x\n'];
  it('base64Bytes equals the unit-by-unit reading on every pieced body', () => {
    for (const s of piecedStrings(pieces, 4000, 6, 7)) {
      const body = Buffer.from(s, 'latin1');
      expect(base64Bytes(body), JSON.stringify(s)).toEqual(base64ByUnits(body));
    }
  });
  it('decodeBase64 into a scratch buffer equals the fresh reading, small and large, the scratch reused', () => {
    const scratch = new Scratch();
    const large = (s: string): string => s.repeat(Math.ceil(LARGE_STRING / Math.max(1, s.length)) + 1);
    let largeSeen = 0;
    for (const s of piecedStrings(pieces, 600, 5, 11)) {
      for (const text of [s, large(s)]) {
        const body = Buffer.from(text, 'latin1');
        if (body.length >= LARGE_STRING) largeSeen++;
        // Buffer#equals: toEqual walks a large buffer element by element.
        const want = base64ByUnits(body);
        expect(decodeBase64(body, scratch).equals(want), JSON.stringify(s)).toBe(true);
        expect(decodeBase64(body).equals(want), JSON.stringify(s)).toBe(true);
      }
    }
    expect(largeSeen).toBeGreaterThan(500);
  });
  it('decodeQuotedPrintable into a scratch buffer equals the fresh reading', () => {
    const scratch = new Scratch();
    for (const s of piecedStrings(['=41', '=\n', '=\r\n', '=4', '=ZZ', 'ab', '\r\n', '\n', '\xe9', '='], 2000, 8, 3)) {
      const body = Buffer.from(s, 'latin1');
      expect(Buffer.from(decodeQuotedPrintable(body, scratch)), JSON.stringify(s)).toEqual(decodeQuotedPrintable(body));
    }
  });
});
