/**
 * Test support (imported only by tests): turns literal mail text into a PatchSeries through the real ingest
 * decoder and the series parser, so checks are tested on parsed input rather than on hand-built objects.
 */
import { decodeMessage } from '../../ingest/index.js';
import { buildSeriesSet, type PatchSeries } from '../../series/index.js';

export interface TestMail {
  subject: string;
  body: string;
  from?: string;
  /** Send the whole message with CRLF line ends, as a Windows mailer stores it (a CR in a line then survives). */
  crlf?: boolean;
  /** Send the body base64-encoded (so its bytes, CRs included, reach the decoder untouched). */
  base64?: boolean;
}

export const TEST_AUTHOR = 'Jason Gunthorpe <jgg@nvidia.com>';
/** The real series' base commit, written after the diff as `git format-patch --base` does. */
export const BASE_COMMIT = 'c63e5a50e1dd291cd95b04291b028fdcaba4c534';

function rfc822(mail: TestMail, n: number): string {
  const newline = mail.crlf ? '\r\n' : '\n';
  const body = mail.body.replace(/\n/g, newline);
  return [
    `From: ${mail.from ?? TEST_AUTHOR}`,
    `Subject: ${mail.subject}`,
    `Date: Tue, 17 Feb 2026 20:11:${String(30 + n).padStart(2, '0')} -0400`,
    `Message-ID: <${n}-test@example.org>`,
    ...(n > 0 ? ['In-Reply-To: <0-test@example.org>'] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Transfer-Encoding: ${mail.base64 ? 'base64' : '8bit'}`,
    '',
    mail.base64 ? Buffer.from(body).toString('base64').replace(/.{76}/g, `$&${newline}`) : body,
  ].join(newline);
}

/** A series from literal mails, through ingest's decoder and the series builder; a `0/N` subject is the cover. */
export async function seriesFromMails(mails: TestMail[], source = 'test.mbox'): Promise<PatchSeries> {
  const messages = await Promise.all(
    mails.map((m, i) => decodeMessage(Buffer.from(rfc822(m, i)), { source, index: i + 1, offset: null })),
  );
  const set = buildSeriesSet({ source, messages, skipped: [] });
  if (set.series.length !== 1) throw new Error(`expected one series from the test mails, got ${set.series.length}`);
  return set.series[0]!;
}

/** One well-formed patch mail (message, `---`, diffstat, diff, base-commit), for tests to break one thing at a time. */
export interface PatchMailOptions {
  n?: number;
  total?: number;
  summary?: string;
  message?: string;
  trailers?: string;
  diff?: string;
}

export function patchMail(opts: PatchMailOptions = {}): TestMail {
  const n = opts.n ?? 1;
  const total = opts.total ?? 1;
  const diff = opts.diff ?? SAMPLE_DIFF;
  const added = countChanges(diff);
  const stat = ` drivers/dma-buf/dma-buf.c | ${added} ${'+'.repeat(added)}\n 1 file changed, ${added} insertions(+)\n`;
  const message = opts.message ?? 'Importers attach with a list of mapping types.\n';
  const trailers = opts.trailers ?? `Signed-off-by: ${TEST_AUTHOR}`;
  return {
    subject: `[PATCH ${String(n).padStart(2, '0')}/${total}] ${opts.summary ?? 'dma-buf: Add dma_buf_mapping_attach()'}`,
    body: `${message}\n${trailers}\n---\n${stat}\n${diff}\nbase-commit: ${BASE_COMMIT}\n-- \n2.43.0\n`,
  };
}

function countChanges(diff: string): number {
  return diff.split('\n').filter((l) => /^\+(?!\+\+ )/.test(l)).length;
}

export const SAMPLE_DIFF = `diff --git a/drivers/dma-buf/dma-buf.c b/drivers/dma-buf/dma-buf.c
index 1111111..2222222 100644
--- a/drivers/dma-buf/dma-buf.c
+++ b/drivers/dma-buf/dma-buf.c
@@ -10,3 +10,5 @@ static int dma_buf_probe(void)
 {
 \tint ret;
+\tret = dma_buf_mapping_match(attach);
+\treturn ret;
 }
`;
