/**
 * Test support (imported only by tests): turns literal mail text into a PatchSeries through the real ingest
 * decoder and the series parser, so checks are tested on parsed input rather than on hand-built objects.
 */
import { decodeMessage } from '../../ingest/index.js';
import type { RawMessage } from '../../ingest/types.js';
import { diffstatMismatches, parseDiff } from '../../series/diff.js';
import { parseDiffstat } from '../../series/diffstat.js';
import { splitPatchBody } from '../../series/split.js';
import { parseSubject } from '../../series/subject.js';
import { commitTrailers } from '../../series/trailers.js';
import type { Cover, Patch, PatchSeries } from '../../series/types.js';

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

function toPatch(raw: RawMessage): Patch {
  const info = parseSubject(raw.subject);
  const split = splitPatchBody(raw.body);
  const firstLine = split.diffBodyLine ?? 1;
  const parsed = parseDiff(split.diffText, firstLine);
  const diffstat = parseDiffstat(split.notes);
  return {
    index: info.counter ?? 1, subject: info.summary, rawSubject: raw.subject, subjectInfo: info, author: raw.from,
    date: raw.date, messageId: raw.messageId ?? '', commitMessage: split.commitMessage, body: raw.body,
    trailers: commitTrailers(split.commitMessage, raw.messageId ?? '', 'patch', split.commitBodyLine),
    files: parsed.files, diffstat, diffstatMismatches: diffstatMismatches(diffstat, parsed.files),
    diffText: split.diffText, diffBodyLine: firstLine, replies: [], origin: raw.origin,
    ...(parsed.error === null ? {} : { diffError: parsed.error }),
  };
}

function toCover(raw: RawMessage): Cover {
  const info = parseSubject(raw.subject);
  return {
    subject: info.summary, rawSubject: raw.subject, subjectInfo: info, author: raw.from, date: raw.date,
    messageId: raw.messageId ?? '', body: raw.body, trailers: [], baseCommit: null, replies: [], origin: raw.origin,
  };
}

/** A series from literal mails; a subject numbered `0/N` is the cover. Missing and duplicate numbers are kept. */
export async function seriesFromMails(mails: TestMail[]): Promise<PatchSeries> {
  const raws = await Promise.all(
    mails.map((m, i) => decodeMessage(Buffer.from(rfc822(m, i)), { source: 'test.mbox', index: i + 1, offset: null })),
  );
  const cover = raws.find((r) => parseSubject(r.subject).counter === 0);
  const patches = raws.filter((r) => r !== cover).map(toPatch);
  const total = Math.max(...patches.map((p) => p.subjectInfo.total ?? 1), 1);
  const seen = new Set<number>();
  const kept = patches.filter((p) => !seen.has(p.index) && seen.add(p.index));
  const info = (cover ?? raws[0])!;
  return {
    id: info.messageId ?? '', title: parseSubject(info.subject).summary, version: 1, rfc: false, resend: false, total,
    cover: cover ? toCover(cover) : null, patches: kept,
    missing: Array.from({ length: total }, (_, i) => i + 1).filter((i) => !seen.has(i)),
    duplicates: patches.filter((p) => !kept.includes(p)).map((p) => ({ index: p.index, messageId: p.messageId })),
    rootId: info.messageId ?? '',
  };
}

/** One well-formed patch mail (commit message, `---`, diffstat, diff), for tests to break one thing at a time. */
export function patchMail(opts: { n?: number; total?: number; summary?: string; message?: string; trailers?: string; diff?: string } = {}): TestMail {
  const n = opts.n ?? 1;
  const total = opts.total ?? 1;
  const diff = opts.diff ?? SAMPLE_DIFF;
  const stat = ` drivers/dma-buf/dma-buf.c | ${countChanges(diff)} ${'+'.repeat(countChanges(diff))}\n 1 file changed, ${countChanges(diff)} insertions(+)\n`;
  return {
    subject: `[PATCH ${String(n).padStart(2, '0')}/${total}] ${opts.summary ?? 'dma-buf: Add dma_buf_mapping_attach()'}`,
    body: `${opts.message ?? 'Importers attach with a list of mapping types.\n'}\n${opts.trailers ?? `Signed-off-by: ${TEST_AUTHOR}`}\n---\n${stat}\n${diff}-- \n2.43.0\n`,
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
