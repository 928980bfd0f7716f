// Zero-width and other invisible characters (issue 12 item 12): "Ja\u200bson" must not pass for
// "Jason". Decision (SECURITY.md): text outputs show each one visibly as <U+XXXX> (stripping would
// make the two names look equal just as passing them through does); JSON keeps the text exact, with
// these characters written as \uXXXX escapes. Nothing folds them away, so names stay distinct.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sanitizeForTerminal } from '../src/present/index.js';

const BIN = join(resolve(__dirname, '..'), 'bin', 'patchscope');
const INVISIBLE = /[\u00ad\u034f\u115f\u1160\u180e\u200b-\u200d\u2060-\u2064\u3164\uffa0\ufeff]/u;
const encodedWord = (s: string): string => `=?utf-8?b?${Buffer.from(s, 'utf8').toString('base64')}?=`;

const dir = mkdtempSync(join(tmpdir(), 'patchscope-zw-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const mbox = join(dir, 'zw.mbox');
writeFileSync(mbox, [
  `From ${'0'.repeat(40)} Mon Sep 17 00:00:00 2001`,
  `From: ${encodedWord('Ja\u200bson Gunthorpe')} <jgg@nvidia.com>`,
  'Date: Wed, 22 Apr 2026 10:00:00 +0000',
  `Subject: [PATCH] ${encodedWord('dma\u200d-buf: add the mapping\u2060 type')}`,
  'Message-ID: <zw-1@example.org>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  'Add it.',
  '',
  'Signed-off-by: Ja\u200bson Gunthorpe <jgg@nvidia.com>',
  '---',
  'diff --git a/f.c b/f.c', 'new file mode 100644', 'index 0000000..1111111', '--- /dev/null', '+++ b/f.c',
  '@@ -0,0 +1 @@', '+int x\ufeff;', '-- ', '2.43.0', '',
].join('\n'));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('zero-width characters are shown, never hidden', () => {
  it('the sanitiser marks each one and is idempotent', () => {
    const shown = sanitizeForTerminal('Ja\u200bson \u200c\u200d\u2060\ufeff\u00ad\u3164');
    expect(shown).toBe('Ja<U+200B>son <U+200C><U+200D><U+2060><U+FEFF><U+00AD><U+3164>');
    expect(sanitizeForTerminal(shown)).toBe(shown);
    expect(sanitizeForTerminal('Jason Gunthorpe, dma-buf: naïve café')).toBe('Jason Gunthorpe, dma-buf: naïve café');
  });

  // Markdown escapes the "<" of the mark; `check` prints subjects, not authors.
  it.each([
    ['show', ['show', mbox], [/Ja<U\+200B>son Gunthorpe/, /dma<U\+200D>-buf/]],
    ['check (text)', ['check', mbox], [/dma<U\+200D>-buf: add the mapping<U\+2060> type/, /\+int x<U\+FEFF>;/]],
    ['report --format text', ['report', mbox, '--format', 'text'], [/Ja<U\+200B>son Gunthorpe/, /dma<U\+200D>-buf/]],
    ['report --format md', ['report', mbox, '--format', 'md'], [/Ja\\<U\+200B>son Gunthorpe/, /dma\\<U\+200D>-buf/]],
  ] as const)('%s shows them as <U+XXXX>', (_name, args, marks) => {
    const r = run([...args]);
    expect([0, 1], r.stderr).toContain(r.status);
    for (const mark of marks) expect(r.stdout).toMatch(mark);
    expect(r.stdout).not.toMatch(INVISIBLE);
  });

  it('JSON keeps the text exact, with the characters escaped', () => {
    const r = run(['show', mbox, '--json']);
    expect(r.stdout).not.toMatch(INVISIBLE);
    expect(r.stdout).toContain('Ja\\u200bson');
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain('Ja\u200bson Gunthorpe');
  });
});
