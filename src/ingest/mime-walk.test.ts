// Issue 18: decodeMessage reads simple multipart mail with the MIME walk (mime-walk.ts) instead of postal-mime.
// It must give exactly the RawMessage postal-mime gives (decodeMessage with mimeWalk: false): checked on every
// message of the real-thread corpus, on git's and b4's samples, and on odd and hostile mail built to sit on each
// edge the walk declines or reads (attachment names, RFC 2231 and encoded-word filenames, nesting, charsets).
import { describe, it, expect } from 'vitest';
import { describeShared } from '../../test/support/shared.js';
import { conformanceMessages, corpusThreadMessages } from '../../test/support/shared-mail.js';
import { decodeMessage, withoutFlowed } from './decode.js';
import { walkMime } from './mime-walk.js';
import { parsePlainMail } from './plain-mail.js';
import { MAX_HEADERS_BYTES } from './postal-mime.js';
import { asEightBit } from './transfer-decoding.js';

/** Which of decodeMessage's readers takes the message (its unknown-charset relabelling aside). */
function pathOf(bytes: Buffer): 'plain' | 'walk' | 'postal' {
  const b = withoutFlowed(bytes);
  const eight = asEightBit(b);
  if ((eight && parsePlainMail(eight.bytes, MAX_HEADERS_BYTES)) || parsePlainMail(b, MAX_HEADERS_BYTES)) return 'plain';
  return walkMime(b) ? 'walk' : 'postal';
}

const origin = (i: number) => ({ source: 'src', index: i, offset: null });

/** decodeMessage with the walk and with postal-mime give equal messages (or the same rejection). */
async function expectSameAsPostal(bytes: Buffer, label: string): Promise<void> {
  const settle = (p: Promise<unknown>) => p.then((value) => ({ value }), (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }));
  const walked = await settle(decodeMessage(bytes, origin(1)));
  const postal = await settle(decodeMessage(bytes, origin(1), { mimeWalk: false }));
  expect(walked, label).toEqual(postal);
}

async function compareAll(messages: Buffer[], label: string): Promise<number> {
  let walked = 0;
  for (const [i, bytes] of messages.entries()) {
    if (pathOf(bytes) === 'walk') walked += 1;
    await expectSameAsPostal(bytes, `${label} message ${i}`);
  }
  return walked;
}

describeShared('the MIME walk on the real-thread corpus', ['corpus', 'linaro-mm-sig', 'threads'], () => {
  it('gives the RawMessage postal-mime gives on every message of the 150 threads', async () => {
    let all = 0;
    let walked = 0;
    for (const { label, messages } of await corpusThreadMessages()) {
      all += messages.length;
      walked += await compareAll(messages, label);
    }
    expect(all).toBeGreaterThan(1000);
    // The corpus's multipart mail (list footers, PGP signatures, attached patches) takes the walk.
    expect(walked).toBeGreaterThan(20);
  }, 240_000);
});

describeShared('the MIME walk on shared samples', ['conformance'], () => {
  it('gives the RawMessage postal-mime gives on git t5100 and b4 sample mails', async () => {
    let all = 0;
    for (const { label, messages } of await conformanceMessages()) {
      all += messages.length;
      await compareAll(messages, label);
    }
    expect(all).toBeGreaterThan(20);
  });
});

const b64 = (text: string | Buffer): string => Buffer.from(text).toString('base64');
const HEAD = 'From: Ann Author <ann@example.org>\nSubject: [PATCH] dma-buf: Fix it\nMessage-ID: <b@x>\nDate: Wed, 1 Apr 2026 09:00:00 +0000\nMIME-Version: 1.0\n';
const PATCH = 'Fix it.\n\nSigned-off-by: Ann Author <ann@example.org>\n---\n a.c | 1 +\n 1 file changed, 1 insertion(+)\n\ndiff --git a/a.c b/a.c\n--- a/a.c\n+++ b/a.c\n@@ -1 +1,2 @@\n int x;\n+int y;\n';
const FOOTER = '_______________________________________________\nLinaro-mm-sig mailing list -- linaro-mm-sig@lists.linaro.org\n';
const multipart = (type: string, parts: string[], boundary = 'b1'): string =>
  `Content-Type: multipart/${type}; boundary="${boundary}"\n\nPreamble.\n${parts.map((p) => `--${boundary}\n${p}`).join('')}--${boundary}--\nEpilogue.\n`;
const mail = (headersAndBody: string, head = HEAD): Buffer => Buffer.from(`${head}${headersAndBody}`, 'latin1');
const multipartMail = (type: string, parts: string[], boundary?: string): Buffer => mail(multipart(type, parts, boundary));
const attached = (headers: string, body = PATCH): string => `${headers}\n\n${body}`;
const withText = (...parts: string[]): Buffer => multipartMail('mixed', ['Content-Type: text/plain\n\nSee attached.\n', ...parts]);

describe('the MIME walk on odd and hostile mail', () => {
  const cases: [string, Buffer, 'walk' | 'postal' | 'relabelled'][] = [
    ['a list footer part', multipartMail('mixed', [`Content-Type: text/plain; charset="us-ascii"\n\n${PATCH}`, `Content-Type: text/plain; charset="us-ascii"\nContent-Transfer-Encoding: 7bit\n\n${FOOTER}`]), 'walk'],
    ['every header line kept, folded, repeated, with encoded words and raw UTF-8', mail(`X-Spam: a\n\tb\nReceived: one\nReceived: two\nX-Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\nX-Raw: Grüße \uFEFF\n${multipart('mixed', ['Content-Type: text/plain\n\nHi.\n'])}`.replace(/[^\x00-\x7f]+/g, (s) => Buffer.from(s).toString('latin1'))), 'walk'],
    // postal-mime keeps a line whose name starts with a BOM as a header of its own (mime-node.ts).
    ['a header name with a BOM', mail(`\uFEFFFrom: smuggled@x\n${multipart('mixed', ['Content-Type: text/plain\n\nHi.\n'])}`.replace(/[^\x00-\x7f]+/g, (s) => Buffer.from(s).toString('latin1'))), 'postal'],
    ['signed, quoted-printable, and a footer', multipartMail('mixed', [
      multipart('signed', ['Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nSigned =E2=9C=93 soft=\n break\n\n', 'Content-Type: application/pgp-signature; name="signature.asc"\n\n-----BEGIN PGP SIGNATURE-----\nxyz\n-----END PGP SIGNATURE-----\n'], 'inner'),
      `Content-Type: text/plain\n\n${FOOTER}`]), 'walk'],
    ['alternative text and html, base64', multipartMail('alternative', [`Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n${b64('Looks good.\n\nReviewed-by: Bo <bo@x>\n')}\n`, 'Content-Type: text/html\n\n<p>Looks good.</p>\n']), 'walk'],
    ['two alternatives and a mixed text', multipartMail('mixed', [multipart('alternative', ['Content-Type: text/plain\n\nOne.\n', 'Content-Type: text/html\n\n<p>One</p>\n'], 'a1'), 'Content-Type: text/plain\n\nTwo.\n', multipart('alternative', ['Content-Type: text/plain\n\nThree.\n', 'Content-Type: text/plain\n\nFour.\n'], 'a2')]), 'walk'],
    ['a related part', multipartMail('related', ['Content-Type: text/plain\n\nInline.\n', 'Content-Type: image/png\nContent-ID: <i@x>\nContent-Transfer-Encoding: base64\n\niVBORw0K\n']), 'walk'],
    ['encrypted: no text at all', multipartMail('encrypted', ['Content-Type: application/pgp-encrypted\n\nVersion: 1\n', 'Content-Type: application/octet-stream\n\n-----BEGIN PGP MESSAGE-----\nx\n-----END PGP MESSAGE-----\n']), 'walk'],
    ['a patch attached, filename from the disposition', withText(attached('Content-Type: text/x-patch; name="other.patch"\nContent-Disposition: attachment; filename="a.patch"\nContent-Transfer-Encoding: base64', `${b64(PATCH)}\n`)), 'walk'],
    ['a patch attached, filename from the type name', withText(attached('Content-Type: text/x-diff; charset=us-ascii; name=b.diff\nContent-Disposition: attachment')), 'walk'],
    ['an empty filename falls back to the name', withText(attached('Content-Type: text/x-patch; name="c.patch"\nContent-Disposition: attachment; filename=""')), 'walk'],
    ['an attachment with no name', withText(attached('Content-Type: text/plain\nContent-Disposition: attachment')), 'walk'],
    ['a quoted filename with blanks, duplicated parameters', withText(attached('Content-Type: text/x-patch; name="n 1.patch"; name="n 2.patch"\nContent-Disposition: attachment;\n filename=" my fix.patch "; filename=second.patch')), 'walk'],
    ['an encoded-word filename', withText(attached('Content-Type: text/x-patch\nContent-Disposition: attachment; filename="=?utf-8?q?gr=C3=BC=C3=9Fe.patch?="')), 'walk'],
    ['an encoded-word name, base64, in another charset', withText(attached('Content-Type: text/x-patch; name="=?iso-8859-1?b?Z3L8.patch?="\nContent-Disposition: inline')), 'walk'],
    ['an RFC 2231 filename', withText(attached("Content-Type: text/x-patch\nContent-Disposition: attachment; filename*=utf-8''gr%C3%BC.patch")), 'postal'],
    ['an RFC 2231 continued filename', withText(attached('Content-Type: text/x-patch\nContent-Disposition: attachment; filename*0="a"; filename*1=".patch"')), 'postal'],
    ['a filename with a backslash', withText(attached('Content-Type: text/x-patch\nContent-Disposition: attachment; filename="C:\\\\x.patch"')), 'postal'],
    ['a comment in the Content-Type', withText(attached('Content-Type: text/x-patch (a patch); name=a.patch')), 'postal'],
    ['a text attachment in latin-1 (read as UTF-8, as postal-mime does)', withText(attached('Content-Type: text/plain; charset=iso-8859-1\nContent-Disposition: attachment; filename=l.txt\nContent-Transfer-Encoding: 8bit', 'Gr\xfc\xdfe\n')), 'walk'],
    ['a base64 attachment with CRLF and a BOM inside', withText(attached('Content-Type: text/x-patch\nContent-Disposition: attachment; filename=crlf.patch\nContent-Transfer-Encoding: base64', `${b64(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PATCH.replace(/\n/g, '\r\n'))]))}\n`)), 'walk'],
    ['an inline text/x-patch', withText(attached('Content-Type: text/x-patch; charset=utf-8\nContent-Disposition: inline; filename=i.patch')), 'walk'],
    ['a text/csv and a binary attachment', withText(attached('Content-Type: text/csv; name=t.csv', 'a,b\n'), attached('Content-Type: application/gzip\nContent-Transfer-Encoding: base64', 'H4sI\n')), 'walk'],
    ['a type without a subtype', withText(attached('Content-Type: text; name=t.txt')), 'walk'],
    ['a text/plain attachment of a calendar', withText(attached('Content-Type: text/calendar; method=request', 'BEGIN:VCALENDAR\nEND:VCALENDAR\n')), 'postal'],
    ['html only', multipartMail('mixed', ['Content-Type: text/html\n\n<p>Hi</p>\n', `Content-Type: text/plain\n\n${FOOTER}`]), 'postal'],
    ['a digest', multipartMail('digest', [`${HEAD}\nDigested.\n`]), 'postal'],
    ['an inline message/rfc822', multipartMail('mixed', ['Content-Type: text/plain\n\nForwarded.\n', `Content-Type: message/rfc822\n\n${HEAD}\nBody.\n`]), 'postal'],
    ['no closing delimiter', mail(multipart('mixed', [`Content-Type: text/plain\n\n${PATCH}`]).replace('--b1--\n', '')), 'postal'],
    ['a nested boundary that extends the outer one', multipartMail('mixed', [multipart('mixed', ['Content-Type: text/plain\n\nInner.\n'], 'b1x'), 'Content-Type: text/plain\n\nOuter.\n']), 'postal'],
    ['an outer delimiter inside an inner part', multipartMail('mixed', [`${multipart('mixed', ['Content-Type: text/plain\n\nInner.\n--b1\nContent-Type: text/plain\n\nEscaped.\n'], 'in')}`, 'Content-Type: text/plain\n\nOuter.\n']), 'postal'],
    ['an inner boundary line after the inner part closed', multipartMail('mixed', [multipart('mixed', ['Content-Type: text/plain\n\nInner.\n'], 'in'), 'Content-Type: text/plain\n\n--in\nAfter.\n']), 'walk'],
    ['nesting deeper than the walk goes', mail(Array.from({ length: 10 }, (_, i) => i).reduceRight((inner, i) => multipart('mixed', [inner.includes('Content-Type') ? inner : 'Content-Type: text/plain\n\nDeep.\n'], `d${i}z`), 'x')), 'postal'],
    ['a part without a header block end', multipartMail('mixed', ['Content-Type: text/plain\n', 'Content-Type: text/plain\n\nSecond.\n']), 'postal'],
    ['a part with no headers', multipartMail('mixed', ['\nBare part.\n']), 'walk'],
    ['an empty part and an empty multipart', multipartMail('mixed', ['Content-Type: text/plain\n\n', multipart('mixed', [], 'e')]), 'walk'],
    ['delimiters with trailing blanks', mail(multipart('mixed', ['Content-Type: text/plain\n\nA.\n']).replace('--b1\n', '--b1 \t\n').replace('--b1--', '--b1--  ')), 'walk'],
    ['CRLF', Buffer.from(multipartMail('mixed', [`Content-Type: text/plain\n\n${PATCH}`]).toString('latin1').replace(/\n/g, '\r\n'), 'latin1'), 'postal'],
    ['a NUL byte', multipartMail('mixed', ['Content-Type: text/plain\n\nA\0B.\n']), 'postal'],
    ['an unknown charset that is not UTF-8', multipartMail('mixed', ['Content-Type: text/plain; charset="x-made-up"\n\nGr\xfc\xdfe.\n']), 'postal'],
    // decodeMessage relabels the part utf-8 first (as git mailinfo reads it); the walk then reads it.
    ['an unknown charset over UTF-8', multipartMail('mixed', [`Content-Type: text/plain; charset="x-made-up"\n\n${Buffer.from('Grüße.\n').toString('latin1')}`]), 'relabelled'],
    ['a charset postal-mime knows by alias only', multipartMail('mixed', ['Content-Type: text/plain; charset=cp932\n\n\x82\xa0\n']), 'postal'],
    ['an 8-bit body in a declared charset', multipartMail('mixed', ['Content-Type: text/plain; charset=iso-8859-2\nContent-Transfer-Encoding: 8bit\n\nGr\xfc\xdfe.\n']), 'walk'],
    ['format=flowed parts (taken off by decodeMessage)', multipartMail('mixed', ['Content-Type: text/plain; format=flowed; delsp=yes\n\nSoft \nbreak.\n', `Content-Type: text/plain;\n format="flowed"\n\n${FOOTER}`]), 'walk'],
    ['a non-ASCII byte in a part header', multipartMail('mixed', ['Content-Type: text/plain; name="gr\xfc"\n\nA.\n']), 'postal'],
    ['an unknown transfer encoding', multipartMail('mixed', ['Content-Type: text/plain\nContent-Transfer-Encoding: x-uuencode\n\nA.\n']), 'postal'],
    ['a single part with an extra parameter', mail(`Content-Type: text/plain; charset="us-ascii"; x-default="true"\n\n${PATCH}`), 'walk'],
    ['a single part with an extra parameter and no last newline', mail(`Content-Type: text/plain; x=y\n\n${PATCH.trimEnd()}`), 'postal'],
    ['a single binary part', mail('Content-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\nAAEC\n'), 'walk'],
    ['a single text/x-patch part with a name', mail(`Content-Type: text/x-patch; name=s.patch\n\n${PATCH}`), 'walk'],
    ['a header line without a colon', mail(`Not a header\n${multipart('mixed', ['Content-Type: text/plain\n\nA.\n'])}`), 'postal'],
    ['no header block end', Buffer.from(`${HEAD}Content-Type: text/plain; x=y\n`), 'postal'],
  ];
  for (const [name, bytes, path] of cases) {
    it(`${name}: ${path === 'postal' ? 'left to postal-mime' : 'read by the walk as postal-mime reads it'}`, async () => {
      if (path === 'relabelled') expect([pathOf(bytes), pathOf(Buffer.from(bytes.toString('latin1').replace('x-made-up', 'utf-8'), 'latin1'))]).toEqual(['postal', 'walk']);
      else expect(pathOf(bytes)).toBe(path);
      await expectSameAsPostal(bytes, name);
    });
  }

  it('keeps attachment names and every header line as postal-mime gives them', async () => {
    const m = await decodeMessage(withText(attached('Content-Type: text/x-patch\nContent-Disposition: attachment; filename="=?utf-8?q?gr=C3=BC=C3=9Fe.patch?="')), origin(1));
    expect(m.attachments.map((a) => [a.filename, a.mimeType])).toEqual([['grüße.patch', 'text/x-patch']]);
    expect(m.attachments[0]!.text).toBe(PATCH);
    expect(m.headers.map((h) => h.name)).toEqual(['from', 'subject', 'message-id', 'date', 'mime-version', 'content-type']);
    expect(m.body).toBe('See attached.\n');
    expect(m.bodyOffsetLines).toBe(7);
  });
});
