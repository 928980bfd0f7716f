// checkpatch TYPEs added for parity (issue 14): each on a minimal patch shaped like the real ones, with the line
// checkpatch would report and a near miss it would not.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../findings.js';
import { hitsOf } from './test-findings.test-util.js';
import { patchMail, SAMPLE_DIFF, TEST_AUTHOR } from './test-series.test-util.js';
import { misspellings } from './typo-spelling.js';
import { parseDictionary } from './spelling-dictionary.js';
import { longLineKind } from './long-line.js';
import { sanitizeLine } from './c-sanitize.js';

/** The sample diff with its first added line replaced by `lines`, the hunk header counting them. */
const withAdded = (...lines: string[]) => [patchMail({
  diff: SAMPLE_DIFF.replace('+\tret = dma_buf_mapping_match(attach);', lines.map((l) => `+${l}`).join('\n'))
    .replace('@@ -10,3 +10,5 @@', `@@ -10,3 +10,${4 + lines.length} @@`),
})];
const messages = (hits: Finding[]) => hits.map((h) => h.message);
const kind = (text: string) => longLineKind(text, sanitizeLine(text, false).text, 100);

describe('long lines, as checkpatch tells them apart', () => {
  it('calls a line long by code, by a string or by a comment, and lets a log call ending in its message be', () => {
    expect(kind(`\tret = ${'a_long_name + '.repeat(8)}1;`)).toBe('code');
    expect(kind(`\tpriv->drm = drm_kunit_helper_alloc_drm_device(test, DRIVER_MODESET, "${'x'.repeat(40)}");`)).toBe('string');
    expect(kind(`\tret = 0; /* ${'why '.repeat(25)}*/`)).toBe('comment');
    expect(kind(`\t\tdev_err(dev, "${'failed to map '.repeat(8)}\\n");`)).toBeNull();
    expect(kind('\tret = 0;')).toBeNull();
  });
});

describe('checkpatch parity checks', () => {
  it('FILE_PATH_CHANGES once, at the first new-file line; not when MAINTAINERS is in the diffstat', async () => {
    const diff = `diff --git a/drivers/dma-buf/st-map.c b/drivers/dma-buf/st-map.c\nnew file mode 100644\nindex 0000000..2222222\n--- /dev/null\n+++ b/drivers/dma-buf/st-map.c\n@@ -0,0 +1,2 @@\n+// SPDX-License-Identifier: GPL-2.0\n+int x;\n`;
    const hits = await hitsOf('file-path-changes', [patchMail({ diff })]);
    expect(hits.map((h) => [h.message, h.excerpt])).toEqual([['added, moved or deleted file(s), does MAINTAINERS need updating?', 'new file mode 100644']]);
    const withMaintainers = patchMail({ diff });
    withMaintainers.body = withMaintainers.body.replace('---\n', '---\n MAINTAINERS | 1 +\n');
    expect(await hitsOf('file-path-changes', [withMaintainers])).toEqual([]);
  });

  it('REPEATED_WORD in the message and in added lines, not in ls output or struct names', async () => {
    const mail = patchMail({ message: 'Drop the the old path.\n-rw-r--r-- 1 root root 0 x\n' });
    expect(messages(await hitsOf('repeated-word', [mail]))).toEqual(["Possible repeated word: 'the'"]);
    expect(messages(await hitsOf('repeated-word', withAdded('\t/* map it it once */')))).toEqual(["Possible repeated word: 'it'"]);
    expect(await hitsOf('repeated-word', withAdded('\tstruct page page;'))).toEqual([]);
  });

  it('UNSPECIFIED_INT for a bare unsigned, not for unsigned long', async () => {
    expect(messages(await hitsOf('unspecified-int', withAdded('\tunsigned count;', '\tunsigned long flags;')))).toEqual([
      "Prefer 'unsigned int' to bare use of 'unsigned'",
    ]);
  });

  it('CODE_INDENT for spaces where tabs belong', async () => {
    expect((await hitsOf('code-indent', withAdded('        ret = 0;'))).map((h) => [h.severity, h.where.line])).toEqual([['error', 12]]);
    expect(await hitsOf('code-indent', withAdded('\tret = 0;'))).toEqual([]);
  });

  it("SPACING: '( x', 'x )' and 'f (' but not 'if (' nor a '(' ending the line", async () => {
    expect(messages(await hitsOf('spacing-parenthesis', withAdded('\tret = f( a, b );')))).toEqual([
      "space prohibited after that open parenthesis '('", "space prohibited before that close parenthesis ')'",
    ]);
    expect(await hitsOf('spacing-parenthesis', withAdded('\tret = f(', '\t\ta);', '\tif (ret) /* ( x ) */'))).toEqual([]);
    expect(messages(await hitsOf('spacing-function-name', withAdded('\tret = f (a);', '\tif (ret)', '\tret = sizeof (a);')))).toEqual([
      "space prohibited between function name and open parenthesis '('",
    ]);
  });

  it('COMMIT_LOG_VERSIONING, COMMIT_LOG_USE_LINK and PREFER_LORE_ARCHIVE in the message', async () => {
    const mail = patchMail({ message: 'Maps.\n\nv2: https://lore.kernel.org/r/1@x\nBug: https://bugs.example.org/1\nSee https://lkml.org/lkml/2020/1/1/1\n',
      trailers: `Link: https://lore.kernel.org/r/2@x\nSigned-off-by: ${TEST_AUTHOR}` });
    expect(messages(await hitsOf('commit-log-versioning', [mail]))).toEqual(['Patch version information should be after the --- line']);
    expect(messages(await hitsOf('commit-log-use-link', [mail]))).toEqual(["Unknown link reference 'Bug:', use 'Link:' or 'Closes:' instead"]);
    expect(await hitsOf('prefer-lore-archive', [mail])).toHaveLength(1);
  });

  it('MISSING_FIXES_TAG for a Cc: stable without Fixes:', async () => {
    const cc = patchMail({ trailers: `Cc: stable@vger.kernel.org\nSigned-off-by: ${TEST_AUTHOR}` });
    expect(messages(await hitsOf('missing-fixes-tag', [cc]))).toEqual(["The commit message has 'stable@', perhaps it also needs a 'Fixes:' tag?"]);
    const fixed = patchMail({ trailers: `Fixes: c63e5a50e1dd ("dma-buf: x")\nCc: stable@vger.kernel.org\nSigned-off-by: ${TEST_AUTHOR}` });
    expect(await hitsOf('missing-fixes-tag', [fixed])).toEqual([]);
  });
});

describe('what reviewers miss', () => {
  it('ADDED_TODO for a FIXME/TODO/XXX in an added comment, not in a name or a string', async () => {
    const hits = await hitsOf('added-todo', withAdded('\tret = 0; /* TODO: map the PAL type too */', '\tret = xxx_len("TODO");'));
    expect(hits.map((h) => [h.severity, h.where.line, h.message])).toEqual([
      ['check', 12, 'the patch adds a TODO comment: is the work it names done later in the series, or tracked?'],
    ]);
  });
});

describe('TYPO_SPELLING from a packaged dictionary', () => {
  const dictionary = { path: 'test', fixes: parseDictionary('teh->the\nfilp->flip\nte->the\nrecieve->receive, relieve,\nadress||address\n') };

  it('reads both dictionary forms and keeps the typo case in the suggestion', () => {
    expect(dictionary.fixes.get('recieve')).toBe('receive');
    expect(misspellings('Teh adress', dictionary)).toEqual(["'Teh' may be misspelled - perhaps 'The'?", "'adress' may be misspelled - perhaps 'address'?"]);
  });

  it('leaves identifiers the patch uses, acronyms and two-letter words alone', () => {
    expect(misspellings('the filp and TE and VAs', dictionary, new Set(['filp']))).toEqual([]);
  });

  it.skipIf(!process.env.PATH)('finds a typo in a comment of an added line, not in the code around it', async () => {
    const hits = await hitsOf('typo-spelling', withAdded('\tfilp = recieve(x); /* recieve it */'));
    // With codespell installed: the comment's typo only (the call is code). Without it the check is silent.
    expect(hits.length === 0 || hits.map((h) => h.message).join() === "'recieve' may be misspelled - perhaps 'receive'?").toBe(true);
  });
});
