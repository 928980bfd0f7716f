import { describe, it, expect } from 'vitest';
import { buildSeriesSet } from './build.js';
import { withoutListFooter } from './list-footer.js';
import { mail } from './test-mail.test-util.js';

const MAILMAN3 = '\n_______________________________________________\nLinaro-mm-sig mailing list -- linaro-mm-sig@lists.linaro.org\nTo unsubscribe send an email to linaro-mm-sig-leave@lists.linaro.org\n';
const MAILMAN2 = '\n_______________________________________________\nLinaro-mm-sig mailing list\nLinaro-mm-sig@lists.linaro.org\nhttps://lists.linaro.org/mailman/listinfo/linaro-mm-sig\n';
const DIFF = '---\ndiff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1 +1,2 @@\n a\n+b\n';

// Regression (issue 17, bug 7): "Linaro-mm-sig mailing list -- …" and the underscores were shown as reply text.
describe('list footers', () => {
  it.each([['Mailman 3', MAILMAN3], ['Mailman 2', MAILMAN2]])('takes a %s footer off the end of a body', (_name, footer) => {
    expect(withoutListFooter(`Looks good.\n\nAcked-by: R <r@example.org>\n${footer}`)).toBe('Looks good.\n\nAcked-by: R <r@example.org>\n');
  });

  it('keeps one newline of the blank lines before the footer, or gives that newline alone', () => {
    for (const before of ['Text.', 'Text.\n', 'Text.\n\n\n', '', '\n\n']) {
      for (const footer of [MAILMAN3, MAILMAN2, `${MAILMAN3}\n\n`]) {
        const kept = before.replace(/\n+$/, '');
        expect(withoutListFooter(`${before}${footer}`), JSON.stringify(before)).toBe(`${kept}\n`);
      }
    }
  });

  it('leaves underscores that are the sender\'s own, and a footer that is not at the end', () => {
    const own = 'A table:\n_______________________________________________\nLinaro-mm-sig mailing list -- a@b.org\nTo unsubscribe send an email to c@d.org\nand more text\n';
    expect(withoutListFooter(own)).toBe(own);
  });

  it('gives replies and patches without the footer', () => {
    const set = buildSeriesSet({
      source: 't.mbox', skipped: [],
      messages: [
        mail({ index: 1, id: 'p', subject: '[PATCH] x: y', body: `Do it.\n\nSigned-off-by: A <a@example.org>\n${DIFF}${MAILMAN3}` }),
        mail({ index: 2, id: 'r', subject: 'Re: [PATCH] x: y', inReplyTo: 'p', from: 'R <r@example.org>', body: `> Do it.\n\nAcked-by: R <r@example.org>\n${MAILMAN2}` }),
      ],
    });
    const patch = set.series[0]!.patches[0]!;
    expect(patch.replies[0]!.newText).toBe('Acked-by: R <r@example.org>');
    expect(patch.body).not.toContain('mailing list');
    expect(patch.diffText).toBe(DIFF.slice(4));
  });
});
