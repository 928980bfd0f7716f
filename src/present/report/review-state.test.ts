import { describe, it, expect } from 'vitest';
import { seriesFromLiteral } from '../../analysis/versions/index.js';
import { computeReviewState } from './review-state.js';

const diff = 'diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-a\n+b\n';
const rita = { name: 'Rita Reviewer', email: 'rita@example.com' };
const sob = 'Signed-off-by: Ann Author <ann@example.org>';

describe('computeReviewState', () => {
  const series = seriesFromLiteral({
    title: 'demo',
    patches: [
      { subject: 'p1: own ack', diff, message: `p1\n\nAcked-by: Old Acker <old@example.com>\n${sob}` },
      { subject: 'p2: reviewed in reply', diff, message: `p2\n\n${sob}`, replies: [{ from: rita, text: 'Reviewed-by: Rita Reviewer <rita@example.com>' }] },
      {
        subject: 'p3: discussed', diff, message: `p3\n\n${sob}`,
        replies: [
          { from: rita, text: 'Why this lock?' },
          { from: { name: 'Ann Author', email: 'ann@example.org' }, text: 'Because of X.', parent: 1 },
          { from: { name: 'Eve', email: 'eve@example.net' }, text: 'Reviewed-by: Boss <boss@example.com>' },
        ],
      },
      { subject: 'p4: silent', diff, message: `p4\n\n${sob}` },
    ],
    coverReplies: [{ from: rita, text: 'Series looks fine.\n\nAcked-by: Rita Reviewer <rita@example.com>' }],
  });
  const state = computeReviewState(series);

  it('should tell endorsed, discussed and silent patches apart', () => {
    expect(state.patches.map((p) => `${p.index}:${p.kind}`)).toEqual(['1:endorsed', '2:endorsed', '3:discussed', '4:silent']);
    expect(state.counts).toEqual({ endorsed: 2, discussed: 1, silent: 1 });
  });

  it('should say where each endorsement came from', () => {
    const [p1, p2] = state.patches;
    expect(p1!.kind === 'endorsed' && p1.endorsements.map((e) => `${e.key} ${e.origin}`)).toEqual(['Acked-by patch']);
    expect(p2!.kind === 'endorsed' && p2.endorsements.map((e) => `${e.key}: ${e.who} (${e.origin})`))
      .toEqual(['Reviewed-by: Rita Reviewer <rita@example.com> (reply)']);
  });

  it('should list repliers once each and keep trailers given for others apart', () => {
    const p3 = state.patches[2]!;
    expect(p3.kind).toBe('discussed');
    if (p3.kind !== 'discussed') return;
    expect(p3.repliers).toEqual(['Rita Reviewer', 'Ann Author', 'Eve']);
    expect(p3.replies).toBe(3);
    expect(p3.unattributed.map((e) => e.who)).toEqual(['Boss <boss@example.com>']);
  });

  it('should keep cover-letter endorsements for the series as a whole', () => {
    expect(state.coverEndorsements.map((e) => `${e.key}: ${e.who}`)).toEqual(['Acked-by: Rita Reviewer <rita@example.com>']);
  });
});
