import { describe, expect, it } from 'vitest';
import { InputError } from '../util/errors.js';
import { decodeMessage } from './decode.js';
import type { MessageOrigin } from './types.js';

const origin: MessageOrigin = { source: 'test.mbox', index: 3, offset: 120 };
const decode = (text: string | Buffer) => decodeMessage(Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), origin);
const mail = (headers: string, body = 'body\n') => `From: A U Thor <a@example.com>\n${headers}\n\n${body}`;

describe('decodeMessage: headers', () => {
  it('decodes Q and B encoded words, joins adjacent ones, honours their charsets', async () => {
    const m = await decode(
      mail(
        'Subject: =?UTF-8?B?W1BBVENIXQ==?= =?ISO-8859-1?Q?K=F6nig?=\n' +
          '  =?UTF-8?Q?_und_J=C3=B6rg?=\nTo: =?utf-8?q?Christian_K=C3=B6nig?= <c@example.com>',
      ),
    );
    expect(m.subject).toBe('[PATCH]König und Jörg');
    expect(m.headers.find((h) => h.name === 'to')?.value).toBe('Christian König <c@example.com>');
  });

  it('unfolds a subject folded over two lines like git (a folded tab reads as one space)', async () => {
    const m = await decode(mail('Subject: [PATCH RFC 05/26] dma-buf: Allow single exporter drivers\n\tto avoid the match_mapping function'));
    expect(m.subject).toBe('[PATCH RFC 05/26] dma-buf: Allow single exporter drivers to avoid the match_mapping function');
  });

  it('gives ids without angle brackets and dates in ISO 8601 UTC', async () => {
    const m = await decode(
      mail(
        'Message-ID: <0-v1-b5cab63049c0+191af-dmabuf_map_type_jgg@nvidia.com>\n' +
          'In-Reply-To: <a@x> (message from someone)\nReferences: <r1@x>\n <r2@x> <r1@x>\n' +
          'Date: Tue, 17 Feb 2026 20:11:32 -0400',
      ),
    );
    expect(m.messageId).toBe('0-v1-b5cab63049c0+191af-dmabuf_map_type_jgg@nvidia.com');
    expect(m.inReplyTo).toBe('a@x');
    expect(m.references).toEqual(['r1@x', 'r2@x']);
    expect(m.date).toBe('2026-02-18T00:11:32.000Z');
    expect(m.dateHeader).toBe('Tue, 17 Feb 2026 20:11:32 -0400');
    expect(m.origin).toEqual(origin);
  });

  it('keeps a bad Date as null with a warning', async () => {
    const m = await decode(mail('Date: yesterday-ish'));
    expect(m.date).toBeNull();
    expect(m.warnings).toEqual(['unparseable Date header: "yesterday-ish"']);
  });

  it('survives a 1 MB header line', async () => {
    const started = Date.now();
    const m = await decode(mail(`Subject: big\nX-Long: ${'x'.repeat(1 << 20)}`));
    expect(m.subject).toBe('big');
    expect(m.headers.find((h) => h.name === 'x-long')?.value.length).toBe(1 << 20);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('rejects headers over the limit with an InputError naming the message', async () => {
    const err = await decode(mail(`X-Long: ${'x'.repeat(5 << 20)}`)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/^test\.mbox: message 3: byte 120: cannot decode message: /);
  });
});

describe('rawMessageId (naming a message the decoder rejected)', () => {
  it('finds a Message-ID, folded or not, and nothing in a body', async () => {
    const { rawMessageId } = await import('./header-values.js');
    expect(rawMessageId(Buffer.from('Subject: x\nMessage-Id:\n <a@b>\n\nbody'))).toBe('a@b');
    expect(rawMessageId(Buffer.from('Subject: x\n\nno id here\n'))).toBeNull();
  });

  it('names a skipped message by its id', async () => {
    const { decodeItem } = await import('./items.js');
    const item = await decodeItem(Buffer.from(mail(`Message-ID: <big@x>\nX-Long: ${'x'.repeat(5 << 20)}`)), origin, { items: 0, bytes: 0 });
    expect(item.kind === 'skipped' && item.skipped.messageId).toBe('big@x');
  });
});

describe('decodeMessage: bodies', () => {
  it('decodes quoted-printable with soft line breaks', async () => {
    const m = await decode(mail('Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable', 'a long line that was=\n broken, caf=C3=A9 =3D ok\n'));
    expect(m.body).toBe('a long line that was broken, café = ok\n');
  });

  it('decodes a base64 body in its charset', async () => {
    const body = Buffer.from('diff --git a/f b/f\n+König\n', 'latin1').toString('base64');
    const m = await decode(mail('Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: base64', `${body}\n`));
    expect(m.body).toBe('diff --git a/f b/f\n+König\n');
  });

  it('keeps raw 8-bit UTF-8 headers and bodies', async () => {
    const m = await decode(mail('Subject: Test Sûbject\nContent-Transfer-Encoding: 8bit', 'Unicôdé\n'));
    expect(m.subject).toBe('Test Sûbject');
    expect(m.body).toBe('Unicôdé\n');
  });

  it('normalises CRLF to LF', async () => {
    const m = await decode(mail('Subject: crlf').replace(/\n/g, '\r\n') + 'line 1\r\nline 2\r\n');
    expect(m.subject).toBe('crlf');
    expect(m.body).toBe('body\nline 1\nline 2\n');
  });

  it('warns on an unknown charset and still decodes', async () => {
    const m = await decode(mail('Content-Type: text/plain; charset="x-no-such-charset"\nContent-Transfer-Encoding: 8bit', 'plain ascii\n'));
    expect(m.body).toBe('plain ascii\n');
    expect(m.warnings).toEqual(['unknown charset "x-no-such-charset": read as the valid UTF-8 it is, as git mailinfo does']);
  });

  // Regression (linaro-mm-sig corpus thread 021: `charset=y` over a UTF-8 body): git mailinfo cannot convert
  // from an unknown label and keeps the bytes, so the commit gets the UTF-8 the author wrote, not mojibake.
  it('reads a body under an unknown charset as UTF-8 when it is valid UTF-8, as git mailinfo does', async () => {
    const m = await decodeMessage(Buffer.from(mail('Content-Type: text/plain; charset=y\nContent-Transfer-Encoding: 8bit', 'nVM equals to \u201c0\u201d\n')), { source: 't', index: 1, offset: null });
    expect(m.body).toBe('nVM equals to \u201c0\u201d\n');
    const latin1 = Buffer.concat([Buffer.from(mail('Content-Type: text/plain; charset=y\nContent-Transfer-Encoding: 8bit', '')), Buffer.from('K\xf6nig\n', 'latin1')]);
    const fallback = await decodeMessage(latin1, { source: 't', index: 1, offset: null });
    expect(fallback.body).toBe('K\u00f6nig\n');
    expect(fallback.warnings).toEqual(['unknown charset "y": decoded with a fallback (windows-1252)']);
  });

  it('takes the text/plain part as body and text/x-patch and text attachments as attachments', async () => {
    const parts = [
      'Content-Type: text/plain; charset=utf-8\n\nPlease review.\n',
      'Content-Type: text/x-patch; name="0001-fix.patch"\nContent-Disposition: inline; filename="0001-fix.patch"\n\ndiff --git a/x b/x\n',
      'Content-Type: text/plain\nContent-Disposition: attachment; filename="notes.txt"\nContent-Transfer-Encoding: base64\n\nbm90ZXMK\n',
      'Content-Type: application/octet-stream\nContent-Disposition: attachment; filename="blob.bin"\n\nAAAA\n',
    ];
    const body = parts.map((p) => `--BOUND\n${p}`).join('') + '--BOUND--\n';
    const m = await decode(mail('MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="BOUND"', body));
    expect(m.body).toBe('Please review.\n');
    expect(m.attachments).toEqual([
      { filename: '0001-fix.patch', mimeType: 'text/x-patch', text: 'diff --git a/x b/x\n' },
      { filename: 'notes.txt', mimeType: 'text/plain', text: 'notes\n' },
    ]);
  });

  it('decodes binary garbage without throwing, flagging the missing headers', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const m = await decode(garbage);
    expect(m.from).toBeNull();
    expect(m.messageId).toBeNull();
  });
});
