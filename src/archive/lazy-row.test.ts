// The lazy path (headers only) must give exactly the row of the full decoder, on a generated
// list archive (patches, replies, encoded words, QP bodies) and on git's and b4's sample mails.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describeShared, sharedPath } from '../../test/support/shared.js';
import { decodeMessage, splitMbox } from '../ingest/index.js';
import { lazyRow } from './lazy-row.js';
import { toMessageRow } from './record.js';

const ROOT = resolve(__dirname, '../..');

async function messagesOf(bytes: Buffer, mboxrd: boolean): Promise<Buffer[]> {
  async function* one(): AsyncGenerator<Buffer> {
    yield bytes;
  }
  const out: Buffer[] = [];
  if (!bytes.subarray(0, 5).equals(Buffer.from('From '))) return [bytes];
  for await (const s of splitMbox(one(), { mboxrd })) out.push(s.bytes);
  return out;
}

async function compare(messages: Buffer[]): Promise<number> {
  let lazy = 0;
  for (const [i, bytes] of messages.entries()) {
    const row = lazyRow(bytes, 'src', String(i));
    if (row === null) continue;
    lazy += 1;
    const full = toMessageRow(await decodeMessage(bytes, { source: 'src', index: i + 1, offset: null }), 'src', String(i));
    expect(row, `message ${i}`).toEqual(full);
  }
  return lazy;
}

describe('lazy index rows', () => {
  it('equal the full decoder on a generated archive, and most messages take the lazy path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'patchscope-lazy-'));
    try {
      const file = join(dir, 'a.mboxrd');
      execFileSync(process.execPath, [join(ROOT, 'bench', 'gen-archive.mjs'), '--mb', '1', '--seed', '7', '--out', file], { stdio: 'ignore' });
      const messages = await messagesOf(readFileSync(file), true);
      const lazy = await compare(messages);
      expect(lazy).toBeGreaterThan(messages.length * 0.7);
      expect(lazy).toBe(messages.length); // QP bodies too, rewritten as 8bit
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeShared('lazy index rows on shared samples', ['conformance'], () => {
  const SHARED = sharedPath('conformance');
  it('equal the full decoder on git t5100 and b4 sample mails', async () => {
    let lazy = 0;
    for (const folder of ['git-t5100', 'b4-samples']) {
      for (const name of readdirSync(join(SHARED, folder))) {
        if (/\.(json|md)$/.test(name)) continue;
        lazy += await compare(await messagesOf(readFileSync(join(SHARED, folder, name)), name.endsWith('mboxrd')));
      }
    }
    expect(lazy).toBeGreaterThan(5);
  });
});

const b64 = (text: string | Buffer): string => (Buffer.isBuffer(text) ? text : Buffer.from(text)).toString('base64');
const mailWith = (headers: string, body: string): Buffer =>
  Buffer.from(`From: Ann Author <ann@example.org>\nSubject: [PATCH] dma-buf: Fix it\nMessage-ID: <b@x>\nDate: Wed, 1 Apr 2026 09:00:00 +0000\n${headers}\n\n${body}`, 'latin1');
const PATCH = 'Fix it.\n\nSigned-off-by: Ann Author <ann@example.org>\n---\n a.c | 1 +\n 1 file changed, 1 insertion(+)\n\ndiff --git a/a.c b/a.c\n--- a/a.c\n+++ b/a.c\n@@ -1 +1,2 @@\n int x;\n+int y;\n';

describe('lazy index rows of base64 mail (issue 18: decoded without postal-mime)', () => {
  it('equal the full decoder on padded lines, stray characters, a cut last group, CRLF and Latin-1', async () => {
    const cases = [
      mailWith('Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: base64', b64(PATCH).replace(/.{76}/g, '$&\n')),
      // Every line padded on its own (some mailers do): each unit decodes alone.
      mailWith('Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64', PATCH.split('\n').map((l) => b64(`${l}\n`)).join('\n')),
      mailWith('Content-Type: text/plain\nContent-Transfer-Encoding: BASE64', `${b64(PATCH).slice(0, 40)}*!\n${b64(PATCH).slice(40)}\nQ\n`),
      mailWith('Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64', b64(PATCH.replace(/\n/g, '\r\n'))),
      mailWith('Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: base64', b64(Buffer.from(`Gr\xfc\xdfe.\nchange-id: 20260401-x-1\n${PATCH}`, 'latin1'))),
      // format=flowed is read line by line as sent (decode.ts drops it), base64 or not; a soft break stays a break.
      mailWith('Content-Type: text/plain; charset="utf-8"; Format="flowed"\nContent-Transfer-Encoding: base64', b64(`A soft \nbreak.\n${PATCH}`)),
      mailWith('Content-Type: text/plain; charset="us-ascii"; format=flowed', `Soft \nbreak.\nContent-Type: text/plain; format=flowed\n${PATCH}`),
    ];
    let lazy = 0;
    for (const [i, bytes] of cases.entries()) {
      const row = lazyRow(bytes, 'src', String(i));
      const full = toMessageRow(await decodeMessage(bytes, { source: 'src', index: i + 1, offset: null }), 'src', String(i));
      if (row !== null) lazy += 1;
      if (row !== null) expect(row, `case ${i}`).toEqual(full);
    }
    // All but the CRLF body (a lone CR is the full decoder's call) take the lazy path.
    expect(lazy).toBeGreaterThanOrEqual(6);
  });
});

describeShared('lazy index rows on the real-thread corpus', ['corpus', 'linaro-mm-sig', 'threads'], () => {
  it('equal the full decoder on every message of the 150 threads, base64 ones included', async () => {
    const threads = sharedPath('corpus', 'linaro-mm-sig', 'threads');
    let base64Lazy = 0;
    let all = 0;
    for (const t of readdirSync(threads)) {
      const messages = await messagesOf(readFileSync(join(threads, t, 'thread.mbox')), true);
      all += messages.length;
      for (const [i, bytes] of messages.entries()) {
        const row = lazyRow(bytes, t, String(i));
        if (row === null) continue;
        const full = toMessageRow(await decodeMessage(bytes, { source: t, index: i + 1, offset: null }), t, String(i));
        expect(row, `${t} message ${i}`).toEqual(full);
        if (/^content-transfer-encoding:[ \t]*base64/im.test(bytes.subarray(0, bytes.indexOf('\n\n')).toString('latin1'))) base64Lazy += 1;
      }
    }
    expect(all).toBeGreaterThan(1000);
    expect(base64Lazy).toBeGreaterThan(100);
  }, 180_000); // every message of 150 threads, decoded twice
});
