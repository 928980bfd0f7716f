import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { seriesFromLiteral } from '../../analysis/versions/index.js';
import { appendTrailers, buildAmMbox, formatAmSummary, toAmMbox } from './am-mbox.js';

const newFile = (name: string, text: string) => {
  const lines = text.replace(/\n$/, '').split('\n');
  return `diff --git a/${name} b/${name}\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/${name}\n`
    + `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}\n`;
};
const rita = { name: 'Rita Reviewer', email: 'rita@example.com' };

function demoSeries() {
  return seriesFromLiteral({
    title: 'demo: two files', rfc: true,
    patches: [
      {
        subject: 'demo: add one.c', diff: newFile('one.c', 'int one;\n'),
        message: 'Add one.\n\nFrom the start this was needed.\n\nSigned-off-by: Ann Author <ann@example.org>',
        replies: [
          { from: rita, text: 'Nice.\n\nReviewed-by: Rita Reviewer <rita@example.com>' },
          { from: { name: 'Mallory', email: 'mallory@example.net' }, text: 'Acked-by: Big Boss <boss@example.com>' },
        ],
      },
      { subject: 'demo: add two.c', diff: newFile('two.c', 'int two;\n'), message: 'Add two.\n\nSigned-off-by: Zoë Ünal <zoe@example.org>',
        author: { name: 'Zoë Ünal', email: 'zoe@example.org' } },
    ],
    coverReplies: [{ from: { name: 'Cora Cover', email: 'cora@example.com' }, text: 'Acked-by: Cora Cover <cora@example.com>' }],
  });
}

/** A commit message with a line git mailsplit takes for a message separator, and a `>From ` line. */
function fromLinesSeries() {
  return seriesFromLiteral({
    title: 'demo: from lines',
    patches: [
      { subject: 'demo: add three.c', diff: newFile('three.c', 'int three;\n'),
        message: 'Add three, quoting a mailbox:\n\nFrom 1234abcd Mon Sep 17 00:00:00 2001\n>From kept as written\n\nSigned-off-by: Ann Author <ann@example.org>' },
    ],
  });
}

describe('appendTrailers', () => {
  it('should extend an existing trailer block and start one after prose', () => {
    const t = [{ key: 'Reviewed-by', value: 'R <r@x.org>' }];
    expect(appendTrailers('Body.\n\nSigned-off-by: A <a@x.org>\n\n', t)).toBe('Body.\n\nSigned-off-by: A <a@x.org>\nReviewed-by: R <r@x.org>\n');
    expect(appendTrailers('Body only.\n', t)).toBe('Body only.\n\nReviewed-by: R <r@x.org>\n');
  });
});

describe('buildAmMbox', () => {
  it('should add the reviewer trailer, skip the one given for someone else, drop the cover', () => {
    const am = buildAmMbox(demoSeries());
    expect(am.patches.map((p) => p.added.map((t) => `${t.key}: ${t.value}`))).toEqual([['Reviewed-by: Rita Reviewer <rita@example.com>'], []]);
    expect(am.patches[0]!.ignored.map((i) => i.reason)).toEqual(['sender-mismatch']);
    expect(am.mbox.match(/^From git@z /gm)).toHaveLength(2);
    expect(am.mbox).toContain('Subject: [PATCH RFC 1/2] demo: add one.c\n');
    expect(am.mbox).not.toContain('Cora');
    // git mailsplit cuts only at lines it takes for separators, and git am does not un-quote `>From `.
    expect(am.mbox).toContain('\nFrom the start this was needed.\n');
  });

  it('should summarise what was added and ignored, as b4 does', () => {
    expect(formatAmSummary(buildAmMbox(demoSeries()))).toBe([
      '  1: demo: add one.c',
      '    + Reviewed-by: Rita Reviewer <rita@example.com>',
      '    ! Acked-by: Big Boss <boss@example.com>: sender-mismatch (from mallory@example.net)',
      '  2: demo: add two.c',
      '',
    ].join('\n'));
  });

  it('should keep hostile header text on one line and encode non-ASCII names', () => {
    const series = demoSeries();
    const evil = { ...series.patches[1]!, subject: 'two\nX-Injected: yes', messageId: 'id\r\nBcc: x@example.net', author: { name: 'Zoë Ünal, Jr.', email: 'zoe@example.org' } };
    const mbox = toAmMbox({ ...series, patches: [evil] });
    expect(mbox).not.toMatch(/^(X-Injected|Bcc):/m);
    expect(mbox).toContain('Subject: [PATCH RFC 2/2] two X-Injected: yes\n');
    expect(mbox).toContain(`From: =?utf-8?b?${Buffer.from('Zoë Ünal, Jr.').toString('base64')}?= <zoe@example.org>\n`);
  });

  it('should add Link and cover trailers only when asked', () => {
    const mbox = toAmMbox(demoSeries(), { addLink: 'https://example.org/r/%s', applyCoverTrailers: true });
    expect(mbox).toContain('Acked-by: Cora Cover <cora@example.com>\nLink: https://example.org/r/demo-two-files-v1-1@example.org\n---\n');
    expect(toAmMbox(demoSeries())).not.toContain('Link:');
  });

  it('should be applied by git am with the trailers in the commits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'patchscope-am-unit-'));
    try {
      const git = simpleGit({ baseDir: dir });
      await git.init();
      await git.addConfig('user.name', 'T');
      await git.addConfig('user.email', 't@example.org');
      await git.commit('empty', { '--allow-empty': null });
      writeFileSync(join(dir, 'series.mbox'), toAmMbox(demoSeries()));
      await git.raw(['am', '--', join(dir, 'series.mbox')]);
      const log = await git.raw(['log', '--format=%an <%ae>|%s|%(trailers:only,unfold)', '-2']);
      expect(log).toContain('Ann Author <ann@example.org>|demo: add one.c|Signed-off-by: Ann Author <ann@example.org>\nReviewed-by: Rita Reviewer <rita@example.com>');
      expect(log).toContain('Zoë Ünal <zoe@example.org>|demo: add two.c|Signed-off-by: Zoë Ünal <zoe@example.org>\n');
      expect(await git.raw(['log', '--format=%B', '-1', 'HEAD~1'])).toContain('\n\nFrom the start this was needed.\n\n');
      // Regression (linaro-mm-sig corpus thread 135): a commit message's `From ` lines survive a default git am.
      writeFileSync(join(dir, 'from.mbox'), toAmMbox(fromLinesSeries()));
      await git.raw(['am', '--', join(dir, 'from.mbox')]);
      expect(await git.raw(['log', '--format=%B', '-1'])).toBe('demo: add three.c\n\nAdd three, quoting a mailbox:\n\nFrom 1234abcd Mon Sep 17 00:00:00 2001\n>From kept as written\n\nSigned-off-by: Ann Author <ann@example.org>\n\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
