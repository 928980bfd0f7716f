// Patch/Cover.bodyOffsetLines is carried from ingest only when body lines are the raw lines of the mail.
import { describe, expect, it } from 'vitest';
import { decodeMessage } from '../ingest/index.js';
import { buildSeriesSet } from './build.js';
import type { PatchSeries } from './types.js';

const DIFF = 'diff --git a/f.c b/f.c\nindex 1..2 100644\n--- a/f.c\n+++ b/f.c\n@@ -1 +1,2 @@\n x\n+y\n';
const BODY = `Add y.\n\nSigned-off-by: A U Thor <a@example.org>\n---\n f.c | 1 +\n 1 file changed, 1 insertion(+)\n\n${DIFF}`;

async function seriesOf(headers: string, body = BODY): Promise<PatchSeries> {
  const raw = `From: A U Thor <a@example.org>\nSubject: [PATCH] f: add y\nMessage-ID: <1@x>\n${headers}\n${body}`;
  const message = await decodeMessage(Buffer.from(raw), { source: 't', index: 1, offset: null });
  return buildSeriesSet({ source: 't', messages: [message], skipped: [] }).series[0]!;
}

describe('Patch.bodyOffsetLines', () => {
  it('is the mail lines before the body for a 7bit/8bit text/plain body (or no MIME headers at all)', async () => {
    expect((await seriesOf('')).patches[0]!.bodyOffsetLines).toBe(4);
    expect((await seriesOf('Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n')).patches[0]!.bodyOffsetLines).toBe(6);
    expect((await seriesOf('Content-Transfer-Encoding: 7BIT\n')).patches[0]!.bodyOffsetLines).toBe(5);
  });

  it('is absent when decoded lines are not the raw lines: base64, QP, multipart', async () => {
    const b64 = Buffer.from(BODY).toString('base64').replace(/.{76}/g, '$&\n');
    const cases = [
      await seriesOf('Content-Transfer-Encoding: base64\n', `${b64}\n`),
      await seriesOf('Content-Transfer-Encoding: quoted-printable\n', BODY.replace('Add y.', 'Add =\ny.')),
      await seriesOf(
        'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n',
        `--b\nContent-Type: text/plain\n\n${BODY}--b--\n`,
      ),
    ];
    for (const s of cases) {
      expect(s.patches[0]!.diffText).toContain('+y'); // still the patch
      expect(s.patches[0]!.bodyOffsetLines).toBeUndefined();
    }
  });

  // format=flowed bodies are read line by line as git mailinfo reads them, so their lines are the raw lines.
  it('is set for a format=flowed body, read as sent', async () => {
    expect((await seriesOf('Content-Type: text/plain; format=flowed\n')).patches[0]!.bodyOffsetLines).toBeDefined();
  });

  it('is absent when the diff came from a text attachment (the body is then not the mail body)', async () => {
    const s = await seriesOf(
      'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n',
      `--b\nContent-Type: text/plain\n\nAdd y.\n--b\nContent-Type: text/x-patch; name=a.patch\nContent-Disposition: inline; filename=a.patch\n\n${DIFF}--b--\n`,
    );
    expect(s.patches[0]!.diffText).toContain('+y');
    expect(s.patches[0]!.bodyOffsetLines).toBeUndefined();
  });

  it('is set on the cover letter too', async () => {
    const cover = `From: A U Thor <a@example.org>\nSubject: [PATCH 0/1] y\nMessage-ID: <0@x>\n\nWhy y.\n`;
    const patch = `From: A U Thor <a@example.org>\nSubject: [PATCH 1/1] f: add y\nMessage-ID: <1@x>\nIn-Reply-To: <0@x>\n\n${BODY}`;
    const messages = await Promise.all([cover, patch].map((m, i) => decodeMessage(Buffer.from(m), { source: 't', index: i + 1, offset: null })));
    const s = buildSeriesSet({ source: 't', messages, skipped: [] }).series[0]!;
    expect(s.cover?.bodyOffsetLines).toBe(4);
    expect(s.patches[0]!.bodyOffsetLines).toBe(5);
  });
});
