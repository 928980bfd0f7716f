#!/usr/bin/env node
// Writes the hand-made hostile inputs of test/corpus/ (see README.md there). Deterministic: run it
// again and git shows no change. Inputs the fuzzer found are added by hand beside these, never here.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const FROM = 'From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001';
const head = (subject, id, extra = []) =>
  [FROM, 'From: A U Thor <author@example.org>', 'Date: Wed, 22 Apr 2026 10:00:00 +0000', `Subject: ${subject}`, `Message-ID: <${id}>`, ...extra];
const diff = (hunk = '@@ -1 +1,2 @@') =>
  ['---', ' a.c | 1 +', ' 1 file changed, 1 insertion(+)', '', 'diff --git a/a.c b/a.c', 'index 1111111..2222222 100644',
    '--- a/a.c', '+++ b/a.c', hunk, ' int a;', '+int b;', ''].join('\n');
const patch = (n, total, id, body = 'Change.', hunk) =>
  `${head(`[PATCH ${n}/${total}] drm: change ${n}`, id, ['In-Reply-To: <c@x>', 'References: <c@x>']).join('\n')}\n\n${body}\n\nSigned-off-by: A U Thor <author@example.org>\n${diff(hunk)}\n`;
const cover = (total) => `${head(`[PATCH 0/${total}] drm: a series`, 'c@x').join('\n')}\n\nCover.\n\n`;
const write = (name, data) => writeFileSync(join(here, name), data);

// Wrong hunk counts (more lines claimed than present, and a zero-length hunk with lines).
write('bad-hunk-counts.mbox', cover(2) + patch(1, 2, 'p1@x', 'Change.', '@@ -1,99 +1,100 @@') + patch(2, 2, 'p2@x', 'Change.', '@@ -0,0 +0,0 @@'));
// CR-only line ends (classic Mac): one line to git, no separator inside.
write('cr-only.mbox', (cover(1) + patch(1, 1, 'p1@x')).replace(/\n/g, '\r'));
// NULs and invalid UTF-8 in headers and body.
write('nul-invalid-utf8.mbox', Buffer.concat([Buffer.from(cover(1)), Buffer.from(patch(1, 1, 'p1@x', 'Bad \u0000 bytes:')),
  Buffer.from(`${head('[PATCH 1/1] \xff\xfe subject', 'p2@x').join('\n')}\n\nbody \xc3\x28 \xed\xa0\x80\0\0\n`, 'latin1')]));
// 300 nested multiparts around one text part.
let open = '';
let close = '';
for (let d = 0; d < 300; d++) {
  open += `--b${d}\nContent-Type: multipart/mixed; boundary="b${d + 1}"\n\n`;
  close = `\n--b${d}--\n${close}`;
}
write('deep-mime.eml', `Subject: [PATCH] deep\nMessage-ID: <deep@x>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b0"\n\n${open}--b300\nContent-Type: text/plain\n\nhello\n--b300--\n${close}`);
// base64 and quoted-printable garbage.
write('encoding-garbage.mbox', `${head('[PATCH] =?utf-8?b?!!!?= =?x?q?=FF=?=', 'e1@x', ['Content-Transfer-Encoding: base64']).join('\n')}\n\n%%%%A===\n\n` +
  `${head('[PATCH] qp', 'e2@x', ['Content-Transfer-Encoding: quoted-printable']).join('\n')}\n\n=ZZ=\n=\n====\n`);
// A subject of 100 KB of "[[[[" and a header repeated 500 times.
write('giant-subject.eml', `Subject: [PATCH] ${'[[[['.repeat(25_000)}\nMessage-ID: <g@x>\n${'X-Dup: a\n'.repeat(500)}\nbody\n`);
// A reference cycle, a repeated Message-ID and a message without one.
write('threading-traps.mbox', cover(2) +
  `${head('[PATCH 1/2] a', 'p1@x', ['In-Reply-To: <p2@x>', 'References: <c@x> <p2@x>']).join('\n')}\n\nx\n${diff()}\n` +
  `${head('[PATCH 2/2] b', 'p2@x', ['In-Reply-To: <p1@x>', 'References: <c@x> <p1@x>']).join('\n')}\n\nx\n${diff()}\n` +
  `${head('[PATCH 2/2] b again', 'p2@x').join('\n')}\n\ncopy\n` +
  `${[FROM, 'From: n <n@x>', 'Subject: Re: no id'].join('\n')}\n\nno id\n`);
// Random subject prefixes.
write('odd-prefixes.mbox', ['[PATCH 5/3]', '[PATCH -1/2]', '[PATCH v99999999999999999999 01/26]', '[[[[PATCH', '[PATCH 1/2]]]]', 'AW: [PATCH 01/26]', '[]']
  .map((p, i) => `${head(`${p} x`, `o${i}@x`).join('\n')}\n\nbody\n${diff()}\n`).join(''));
// Regression: 10 MB one-line body (commit-log-long-line spread it into a 10M-element array).
write('long-line-body.mbox.gz', gzipSync(`${head('[PATCH] long', 'l@x').join('\n')}\n\n${'x'.repeat(10_000_000)}\n\nSigned-off-by: A U Thor <author@example.org>\n${diff()}\n`));
// Regression: References with 20,000 ids (de-duplication was quadratic in their number).
write('many-references.mbox.gz', gzipSync(`${cover(0)}${head('Re: [PATCH 0/0] drm: a series', 'r@x', [`References: ${Array.from({ length: 20_000 }, (_, i) => `<r${i}@x>`).join(' ')} <c@x>`]).join('\n')}\n\nok\n`));
// A cut gzip (the first message survives) and a small decompression bomb (80 MiB of zeros).
const two = gzipSync(cover(1) + patch(1, 1, 'p1@x'));
write('truncated.mbox.gz', two.subarray(0, Math.floor(two.length * 0.7)));
write('bomb.mbox.gz', Buffer.concat([gzipSync(`${head('[PATCH] bomb', 'b@x').join('\n')}\n\n`), gzipSync(Buffer.alloc(80 << 20))]));
// Regression (fuzzer, seed 2): a bracket group of 150,000 words; parseSubject spread them into push() and overflowed the stack.
write('bracket-of-many-words.mbox.gz', gzipSync(`${head(`[PATCH ${'a '.repeat(150_000)}] x`, 'w@x').join('\n')}\n\nbody\n${diff()}\n`));
