import { describe, it, expect } from 'vitest';
import { collectFollowupTrailers, isSameAddress, mergeTrailers, ownTrailers } from './followup-trailers.js';
import { seriesFromLiteral } from './series-literal.js';

const rev = { name: 'Rita Reviewer', email: 'rita@example.com' };
const diff = 'diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-a\n+b\n';

function oneReply(text: string, from = rev, applyCoverTrailers = false, coverText?: string) {
  const series = seriesFromLiteral({
    title: 'demo',
    patches: [{ subject: 'x: fix', message: 'Fix x.\n\nSigned-off-by: Ann Author <ann@example.org>', diff, replies: [{ from, text }] }],
    coverReplies: coverText ? [{ from: { name: 'Cora Cover', email: 'cora@example.com' }, text: coverText }] : [],
  });
  return collectFollowupTrailers(series, series.patches[0]!, { applyCoverTrailers });
}

describe('collectFollowupTrailers (b4 0.12 rules)', () => {
  it('should accept a trailer the sender gives for themselves', () => {
    const got = oneReply('Looks good.\n\nReviewed-by: Rita Reviewer <rita@example.com>');
    expect(got.accepted.map((t) => t.value)).toEqual(['Rita Reviewer <rita@example.com>']);
    expect(got.ignored).toEqual([]);
  });

  it('should ignore a person trailer given on behalf of someone else', () => {
    const got = oneReply('Tested-by: Someone Else <else@example.net>');
    expect(got.accepted).toEqual([]);
    expect(got.ignored.map((i) => i.reason)).toEqual(['sender-mismatch']);
  });

  it('should accept by name when the address differs', () => {
    expect(oneReply('Acked-by: Rita Reviewer <rita@corp.example.org>').accepted).toHaveLength(1);
  });

  it('should treat Cc: in a reply as metadata, not review', () => {
    expect(oneReply('Cc: Rita Reviewer <rita@example.com>').ignored.map((i) => i.reason)).toEqual(['metadata-key']);
  });

  it('should add cover-letter trailers only when asked (b4 am -t)', () => {
    const cover = 'Reviewed-by: Cora Cover <cora@example.com>';
    expect(oneReply('Thanks.', rev, false, cover).accepted).toEqual([]);
    expect(oneReply('Thanks.', rev, true, cover).accepted.map((t) => t.value)).toEqual(['Cora Cover <cora@example.com>']);
  });
});

describe('isSameAddress', () => {
  it('should match +tags and one nested domain level, nothing looser', () => {
    expect(isSameAddress('foo+kernel@example.com', 'FOO@example.com')).toBe(true);
    expect(isSameAddress('foo@linux.intel.com', 'foo@intel.com')).toBe(true);
    expect(isSameAddress('foo@a.b.intel.com', 'foo@intel.com')).toBe(false);
    expect(isSameAddress('bar@intel.com', 'foo@intel.com')).toBe(false);
  });
});

describe('mergeTrailers', () => {
  it('should keep own trailers in order and append only new ones', () => {
    const series = seriesFromLiteral({
      title: 'demo',
      patches: [{
        subject: 'x', diff, message: 'x\n\nReviewed-by: Rita Reviewer <rita@example.com>\nSigned-off-by: Ann Author <ann@example.org>',
        replies: [{ from: rev, text: 'reviewed-by: rita reviewer <RITA@example.com>\nTested-by: Rita Reviewer <rita@example.com>' }],
      }],
    });
    const patch = series.patches[0]!;
    const { merged, added } = mergeTrailers(ownTrailers(patch), collectFollowupTrailers(series, patch).accepted);
    expect(merged.map((t) => t.key)).toEqual(['Reviewed-by', 'Signed-off-by', 'Tested-by']);
    expect(added.map((t) => t.key)).toEqual(['Tested-by']);
  });
});
