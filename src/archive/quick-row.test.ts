// Issue 18: the quick paths (quick-row.ts for single-part mail, quick-multipart.ts for simple multipart mail)
// must give exactly the row of the path they stand in for: lazy-row.ts's rewrite-and-parse path where it takes a
// message, else the full decoder (postal-mime). Checked on every message of the real-thread corpus, on git's and
// b4's samples, and on odd mail built to sit on each edge the quick paths decline or read.
import { describe, it, expect } from 'vitest';
import { describeShared } from '../../test/support/shared.js';
import { conformanceMessages, corpusThreadMessages } from '../../test/support/shared-mail.js';
import { piecedStrings } from '../../test/support/pieces.js';
import { decodeBase64, decodeMessage, unquoteMboxrd } from '../ingest/index.js';
import { rewrittenRow } from './lazy-row.js';
import { quickRow } from './quick-row.js';
import { multipartRow } from './quick-multipart.js';
import { toMessageRow, type MessageRow } from './record.js';

/** The row decodeRow gave before the quick paths: the rewrite-and-parse path, else the full decoder. */
async function reference(bytes: Buffer, position: string): Promise<MessageRow> {
  return rewrittenRow(bytes, 'src', position) ?? toMessageRow(await decodeMessage(bytes, { source: 'src', index: 1, offset: null }, { mimeWalk: false }), 'src', position);
}

/** Compares every quick row with the reference; returns how many each quick path took. */
async function compare(messages: Buffer[], label: string): Promise<{ single: number; multi: number }> {
  const taken = { single: 0, multi: 0 };
  for (const [i, bytes] of messages.entries()) {
    const single = quickRow(bytes, 'src', String(i));
    const multi = single === undefined ? multipartRow(bytes, 'src', String(i)) : undefined;
    if (single === undefined && multi === undefined) continue;
    expect(single ?? multi, `${label} message ${i}`).toEqual(await reference(bytes, String(i)));
    if (single) taken.single += 1;
    else taken.multi += 1;
  }
  return taken;
}

describeShared('quick index rows on the real-thread corpus', ['corpus', 'linaro-mm-sig', 'threads'], () => {
  it('equal the reference rows on every message of the 150 threads, multipart ones included', async () => {
    let all = 0;
    const taken = { single: 0, multi: 0 };
    for (const { label, messages } of await corpusThreadMessages()) {
      all += messages.length;
      const n = await compare(messages, label);
      taken.single += n.single;
      taken.multi += n.multi;
    }
    expect(all).toBeGreaterThan(1000);
    // Nearly all of the corpus takes a quick path; its multipart mail (list footers, PGP signatures) too.
    expect(taken.single + taken.multi).toBeGreaterThan(all * 0.95);
    expect(taken.multi).toBeGreaterThan(20);
  }, 180_000);
});

describeShared('quick index rows on shared samples', ['conformance'], () => {
  it('equal the reference rows on git t5100 and b4 sample mails', async () => {
    let taken = 0;
    for (const { label, messages } of await conformanceMessages()) {
      const n = await compare(messages, label);
      taken += n.single + n.multi;
    }
    expect(taken).toBeGreaterThan(5);
  });
});

const b64 = (text: string): string => Buffer.from(text).toString('base64');
const HEAD = 'From: Ann Author <ann@example.org>\nSubject: [PATCH] dma-buf: Fix it\nMessage-ID: <b@x>\nDate: Wed, 1 Apr 2026 09:00:00 +0000\nMIME-Version: 1.0\n';
const mail = (headers: string, body: string): Buffer => Buffer.from(`${HEAD}${headers}\n\n${body}`, 'latin1');
const PATCH = 'Fix it.\n\nSigned-off-by: Ann Author <ann@example.org>\n---\n a.c | 1 +\n 1 file changed, 1 insertion(+)\n\ndiff --git a/a.c b/a.c\n--- a/a.c\n+++ b/a.c\n@@ -1 +1,2 @@\n int x;\n+int y;\n';
const FOOTER = '_______________________________________________\nLinaro-mm-sig mailing list -- linaro-mm-sig@lists.linaro.org\nTo unsubscribe send an email to linaro-mm-sig-leave@lists.linaro.org\n';
const multipart = (type: string, parts: string[], boundary = 'b1'): string =>
  `Content-Type: multipart/${type}; boundary="${boundary}"\n\nPreamble.\n${parts.map((p) => `--${boundary}\n${p}`).join('')}--${boundary}--\nEpilogue.\n`;
const split = (s: string): [string, string] => {
  const at = s.indexOf('\n\n');
  return [s.slice(0, at), s.slice(at + 2)];
};
const multipartMail = (type: string, parts: string[], boundary?: string): Buffer => mail(...split(multipart(type, parts, boundary)));

describe('quick index rows on odd mail', () => {
  const cases: [string, Buffer, 'single' | 'multi' | 'none'][] = [
    ['base64 in lines', mail('Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64', b64(PATCH).replace(/.{76}/g, '$&\n')), 'single'],
    // A list footer appended after the base64 text: `-` and `_` are base64url to Node, noise to postal-mime.
    ['base64 with a footer', mail('Content-Type: text/plain\nContent-Transfer-Encoding: base64', `${b64(PATCH)}\n${FOOTER}`), 'single'],
    ['base64 padded per line', mail('Content-Type: text/plain\nContent-Transfer-Encoding: base64', PATCH.split('\n').map((l) => b64(`${l}\n`)).join('\n')), 'single'],
    ['base64 stray characters and a lone last one', mail('Content-Type: text/plain\nContent-Transfer-Encoding: Base64', `${b64(PATCH).slice(0, 40)}*!\n${b64(PATCH).slice(40)}\nQ\n`), 'single'],
    ['base64 inline disposition', mail('Content-Type: text/plain; charset="utf-8"\nContent-Disposition: inline\nContent-Transfer-Encoding: base64', b64(PATCH)), 'single'],
    ['base64 attachment disposition', mail('Content-Type: text/plain\nContent-Disposition: attachment; filename=a.patch\nContent-Transfer-Encoding: base64', b64(PATCH)), 'none'],
    ['flowed, in a folded Content-Type', mail('Content-Type: text/plain; charset=us-ascii;\n format=flowed\nContent-Transfer-Encoding: 7bit', `Soft \nbreak.\n${PATCH}`), 'single'],
    // Declined by quick-row.ts; the multipart walk reads the message as decode.ts rewrites it.
    ['flowed, with a Content-Type line in the body', mail('Content-Type: text/plain; format=flowed', `Content-Type: text/plain; format=flowed\n${PATCH}`), 'multi'],
    ['quoted-printable', mail('Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable', `Gr=FC=DFe, soft=\n break.\n${PATCH}`), 'single'],
    // Declined by quick-row.ts; postal-mime takes the first, as the multipart walk does.
    ['two transfer encodings', mail('Content-Transfer-Encoding: base64\nContent-Transfer-Encoding: 7bit', `${b64(PATCH)}\n`), 'multi'],
    ['folded transfer encoding', mail('Content-Transfer-Encoding:\n base64', b64(PATCH)), 'none'],
    ['an extra Content-Type parameter', mail('Content-Type: text/plain; charset="us-ascii"; x-default="true"\nContent-Transfer-Encoding: 7bit', PATCH), 'multi'],
    ['a list footer part', multipartMail('mixed', [`Content-Type: text/plain; charset="us-ascii"\n\n${PATCH}`, `Content-Type: text/plain; charset="us-ascii"\nContent-Transfer-Encoding: 7bit\n\n${FOOTER}`]), 'multi'],
    ['signed, quoted-printable, and a footer', multipartMail('mixed', [
      `${multipart('signed', ['Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nSigned =E2=9C=93\n\n', 'Content-Type: application/pgp-signature; name="signature.asc"\n\n-----BEGIN PGP SIGNATURE-----\nxyz\n-----END PGP SIGNATURE-----\n'], 'inner')}`,
      `Content-Type: text/plain\n\n${FOOTER}`]), 'multi'],
    ['alternative text and html, base64', multipartMail('alternative', [`Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n${b64('Looks good.\n\nReviewed-by: Bo <bo@x>\n')}\n`, 'Content-Type: text/html\n\n<p>Looks good.</p>\n']), 'multi'],
    ['html only', multipartMail('mixed', ['Content-Type: text/html\n\n<p>Hi</p>\n', `Content-Type: text/plain\n\n${FOOTER}`]), 'none'],
    ['a patch attached as text', multipartMail('mixed', ['Content-Type: text/plain\n\nThe fix is attached.\n', `Content-Type: text/x-patch; name="a.patch"\nContent-Disposition: attachment; filename="a.patch"\nContent-Transfer-Encoding: base64\n\n${b64(`Subject: [PATCH] a: in-body\n\n${PATCH}`)}\n`]), 'multi'],
    ['a text/plain attachment and a binary one', multipartMail('mixed', [`Content-Type: text/plain\n\nLogs.\n`, 'Content-Type: text/plain\nContent-Disposition: attachment\n\n 1 file changed, 2 insertions(+)\n', 'Content-Type: application/gzip\nContent-Transfer-Encoding: base64\n\nH4sI\n']), 'multi'],
    ['no closing delimiter', mail(...split(multipart('mixed', [`Content-Type: text/plain\n\n${PATCH}`]).replace('--b1--\n', ''))), 'none'],
    ['a nested boundary that extends the outer one', multipartMail('mixed', [multipart('mixed', ['Content-Type: text/plain\n\nInner.\n'], 'b1x'), 'Content-Type: text/plain\n\nOuter.\n']), 'none'],
    ['an inline message/rfc822', multipartMail('mixed', ['Content-Type: text/plain\n\nForwarded.\n', `Content-Type: message/rfc822\n\n${HEAD}\nBody.\n`]), 'none'],
    ['CRLF', Buffer.from(multipartMail('mixed', [`Content-Type: text/plain\n\n${PATCH}`]).toString('latin1').replace(/\n/g, '\r\n'), 'latin1'), 'none'],
    ['an unknown charset', multipartMail('mixed', [`Content-Type: text/plain; charset="y"\n\n${PATCH}`]), 'none'],
    ['flowed multipart', multipartMail('mixed', [`Content-Type: text/plain; format=flowed\n\nSoft \nbreak.\n`, `Content-Type: text/plain\n\n${FOOTER}`]), 'multi'],
    ['an 8-bit body in a declared charset', multipartMail('mixed', ['Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\nGr\xfc\xdfe.\n']), 'multi'],
    // Bodies on the edges of what classify() reads: a regex's `^` after CR, U+2028 and a BOM; any case of the
    // diffstat and change-id; a charset whose ASCII is not one byte per character.
    ['a reply quoting a diff only', mail('Content-Type: text/plain', '> --- a/x\n> +++ b/x\n> diff --git a/x b/x\n>  1 file changed, 2 insertions(+)\nOK.\n'), 'single'],
    ['a diff after a lone CR', mail('Content-Type: text/plain', 'Note\r--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n'), 'single'],
    ['a diff after U+2028', mail('Content-Type: text/plain; charset=utf-8', 'Note\u2028--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n'), 'single'],
    ['a diff after a BOM', mail('Content-Type: text/plain; charset=utf-8', '\ufeff--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n'), 'single'],
    ['a base64 body with a diff only after decoding', mail('Content-Type: text/plain\nContent-Transfer-Encoding: base64', b64('x\ndiff --git a/x b/x\n')), 'single'],
    ['a diffstat in capitals', mail('Content-Type: text/plain', 'Stats:\n 1 FILE CHANGED, 2 INSERTIONS(+)\n'), 'single'],
    ['a change-id in odd case', mail('Content-Type: text/plain', 'Cover.\n\nCHANGE-Id: 20261205-abc\n'), 'single'],
    // Issue 18: bodies past V8's large-object size are base64-decoded from the bytes, CRLF comes off the bytes
    // before decoding, and a flowed body's Content-Type lines are looked for in the bytes.
    ['a large base64 body with CRLF lines', mail('Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64', b64(`${PATCH}${'+int z; /* \u00e9 */\n'.repeat(9000)}`.replace(/\n/g, '\r\n')).replace(/.{76}/g, '$&\r\n')), 'single'],
    ['a large base64 body padded per line, with a footer', mail('Content-Type: text/plain\nContent-Transfer-Encoding: base64', `${`${PATCH}+x\n`.split('\n').map((l) => b64(`${l}\r\n`)).join('\n').repeat(400)}\n${FOOTER}`), 'single'],
    // CR CR LF line ends (a real Outlook patch on linaro-mm-sig): one CR comes off, once; the in-body Subject keeps the other.
    ['a CR CR LF base64 body with an in-body Subject', mail('Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64', b64(`Subject: [PATCH] in-body\n\n${PATCH}`.replace(/\n/g, '\r\r\n'))), 'single'],
    ['a CRLF body in 8bit', mail('Content-Type: text/plain; charset=utf-8', `${PATCH}\xe2\r\nlone\rCR\r\r\n`.replace(/\n/g, '\r\n')), 'single'],
    ['a CRLF body in windows-1252, quoted-printable', mail('Content-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: quoted-printable', `Gr=FC=DFe=0D=0A${PATCH}`), 'single'],
    ['a CRLF body in UTF-16', mail('Content-Type: text/plain; charset=utf-16le\nContent-Transfer-Encoding: base64', Buffer.from('Hi\r\n--- a/x\r\n+++ b/x\r\n', 'utf16le').toString('base64')), 'single'],
    ['flowed, with CR before `type:` where a hyphen would be', mail('Content-Type: text/plain; format=flowed', `Content\rtype: text/plain\n${PATCH}`), 'single'],
    // Declined by both quick paths: the full decoder reads it.
    ['flowed, with a Content-Type line after a lone CR', mail('Content-Type: text/plain; format=flowed', `Note\rCONTENT-TYPE: text/plain\n${PATCH}`), 'none'],
    ['a diff in UTF-16', mail('Content-Type: text/plain; charset=utf-16le\nContent-Transfer-Encoding: base64', Buffer.from('--- a/x\n+++ b/x\n', 'utf16le').toString('base64')), 'single'],
  ];
  for (const [name, bytes, path] of cases) {
    it(`${name}: ${path === 'none' ? 'declined' : `read by the ${path}-part path, as the reference reads it`}`, async () => {
      const single = quickRow(bytes, 'src', '0');
      const multi = single === undefined ? multipartRow(bytes, 'src', '0') : undefined;
      expect(single === undefined ? (multi === undefined ? 'none' : 'multi') : 'single').toBe(path);
      if (path !== 'none') expect(single ?? multi).toEqual(await reference(bytes, '0'));
    });
  }
});

describe("the premises the quick paths rest on", () => {
  it("Node's base64 decoder skips what is not base64 as decodeBase64 does, up to the first '='", () => {
    for (const body of ['QUJD\nREVG\n', 'QU*JD!R\tEV G', 'QUJDREVGRw', 'QUJDREVGRw==\n\n', 'QUJDR\n', 'QUJD\xe9REVG']) {
      const buf = Buffer.from(body, 'latin1');
      expect(Buffer.from(body, 'latin1').toString('latin1') === body).toBe(true);
      expect(Buffer.from(buf.toString('latin1'), 'base64'), JSON.stringify(body)).toEqual(decodeBase64(buf));
    }
  });

  it('mboxrd un-quoting by search equals a line-by-line reading', () => {
    const lineByLine = (s: string): string => s.split('\n').map((l) => (/^>+From /.test(l) ? l.slice(1) : l)).join('\n');
    const pieces = ['From x\n', '>From a\n', '>>From b\n', 'x >From c\n', '>>>', 'From ', '\n', 'a>From d\n', '>'];
    for (const s of piecedStrings(pieces, 500, 8, 7)) {
      expect(unquoteMboxrd(Buffer.from(s)).toString(), JSON.stringify(s)).toBe(lineByLine(s));
    }
  });
});
