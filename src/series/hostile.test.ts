// Mail is untrusted: every parser in this stage must stay linear on lines built to make a backtracking regex
// explode, and must never throw out of buildSeriesSet. Each case is timed on a 200,000-character input.
import { describe, it, expect } from 'vitest';
import { parseSubject } from './subject.js';
import { commitTrailers, replyTrailers, numberLines } from './trailers.js';
import { parsePerson } from './person.js';
import { parseDiffstat } from './diffstat.js';
import { splitReply } from './replies.js';
import { splitPatchBody } from './split.js';
import { parseDiff } from './diff.js';
import { buildSeriesSet, countPlaced } from './build.js';
import { mail } from './test-mail.test-util.js';
import { cpuNow } from '../../test/support/cpu-clock.js';

const N = 200_000;
const fast = (f: () => unknown) => {
  const started = cpuNow();
  f();
  return cpuNow() - started;
};

describe('hostile input', () => {
  const cases: [string, () => unknown][] = [
    ['a trailer value with a long blank run before its end', () => commitTrailers(`x\n\nReviewed-by: a${' '.repeat(N)}b`, 'p', 'patch')],
    ['an address-like value full of dots', () => parsePerson(`a@${'b.'.repeat(N / 2)}<`)],
    ['a reply line of words and @ signs', () => replyTrailers(numberLines(`Acked-by: ${'a@b'.repeat(N / 3)}`), 'r', { sender: null, hasDiff: false })],
    ['a stat-like line without a bar', () => parseDiffstat(` ${'a '.repeat(N / 2)}\n 1 file changed, 1 insertion(+)`)],
    ['a line repeating an attribution verb', () => splitReply(`${'wrote '.repeat(N / 6)}\n> q`)],
    ['a subject of many bracket groups', () => parseSubject('[a]'.repeat(N / 3))],
    ['a subject of many reply markers', () => parseSubject('Re: '.repeat(N / 4))],
    ['a body of dashes', () => splitPatchBody(`${'-'.repeat(N)}\n${'--- '.repeat(N / 4)}`)],
    ['a hunk header with a huge count', () => parseDiff(`--- a/x\n+++ b/x\n@@ -1,999999999 +1,999999999 @@\n a\n`, 1)],
  ];
  for (const [name, run] of cases) {
    it(`should stay fast on ${name}`, () => {
      expect(fast(run)).toBeLessThan(1500);
    });
  }

  it('should place every message of a hostile mailbox, never throwing', () => {
    const msgs = [
      mail({ index: 1, id: 'p', subject: '[PATCH 1/1] x', body: 'm\n---\ndiff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-a\n' }),
      mail({ index: 2, id: 'q', subject: '[PATCH] y', body: `diff --git a/../../etc/passwd b/../../etc/passwd\n--- a/../../etc/passwd\n+++ b/../../etc/passwd\n@@ -1 +1 @@\n-a\n+b\n` }),
      mail({ index: 3, id: 'r', inReplyTo: 'p', references: ['r', 'p', 'r'], subject: 'Re: x', body: '\u202e> evil\nReviewed-by: \x1b[31mred <a@b.org>' }),
      mail({ index: 4, id: null, inReplyTo: 'nowhere', subject: '\0' }),
    ];
    const set = buildSeriesSet({ source: 'hostile', messages: msgs, skipped: [] });
    expect(countPlaced(set)).toBe(4);
    expect(set.series.flatMap((s) => s.patches).find((p) => p.messageId === 'p')?.diffError).toBeTruthy();
    // Paths are reported as written: refusing to write outside a worktree is the apply stage's job.
    expect(set.series.flatMap((s) => s.patches).find((p) => p.messageId === 'q')?.files[0]?.path).toBe('../../etc/passwd');
  });
});
