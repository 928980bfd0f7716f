// Mail is untrusted: a patch whose encoded Subject and From name hide CR LF and a header must not
// give our reply an extra header or an unquoted line; its Message-ID cannot break out of <…>.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeriesSet } from '../series/index.js';
import { writeReplies } from './index.js';

const PATCH = [
  'From 1 Mon Sep 17 00:00:00 2001',
  'From: =?utf-8?q?Evil=0D=0ABcc:_victim@example.org?= <evil@example.org>',
  'To: list@example.org',
  'Cc: =?utf-8?q?Someone=0AX-Injected:_1?= <someone@example.org>',
  'Subject: [PATCH] =?utf-8?q?fix=0D=0ABcc:_victim@example.org?=',
  'Date: Mon, 1 Jan 2024 00:00:00 +0000',
  'Message-ID: <evil@example.org>',
  '',
  'Fix it.',
  '',
  'Signed-off-by: Evil <evil@example.org>',
  '---',
  ' a.c | 1 +',
  ' 1 file changed, 1 insertion(+)',
  '',
  'diff --git a/a.c b/a.c',
  '--- a/a.c',
  '+++ b/a.c',
  '@@ -1,1 +1,2 @@',
  ' int a;',
  '+int b;',
  '',
].join('\n');

describe('replies to a hostile patch', () => {
  it('should keep every header on its own line and add none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'patchscope-hostile-'));
    try {
      writeFileSync(join(dir, 'p.mbox'), PATCH);
      const s = (await loadSeriesSet(join(dir, 'p.mbox'))).series[0]!;
      expect(s.patches[0]!.rawSubject).toMatch(/[\r\n]/); // the decoded subject does carry the line break
      const out = writeReplies(s, { comments: [{ id: 'a', patch: 1, target: { kind: 'line', file: 'a.c', line: 2, side: 'new' }, text: 'Why?' }], trailers: [] }, { name: 'R', email: 'r@example.org' });
      const text = out.texts[0]!;
      const headers = text.slice(0, text.indexOf('\n\n')).split('\n').filter((l) => !/^[ \t]/.test(l)).map((l) => l.slice(0, l.indexOf(':')));
      expect(headers).toEqual(['From', 'To', 'Cc', 'Subject', 'Date', 'Message-ID', 'In-Reply-To', 'References', 'MIME-Version', 'Content-Type', 'Content-Transfer-Encoding']);
      const body = out.mails[0]!.body.split('\n');
      expect(body[0]).toMatch(/^On Mon, 1 Jan 2024 00:00:00 \+0000, .* wrote:$/);
      expect(body[1]).toBe('> Fix it.');
      expect(body.filter((l) => l.startsWith('Bcc') || l.startsWith('X-Injected'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
