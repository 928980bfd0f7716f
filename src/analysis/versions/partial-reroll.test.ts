import { describe, it, expect } from 'vitest';
import { latestVersion, pickVersion, reconstitutePartialReroll } from './partial-reroll.js';
import { seriesFromLiteral } from './series-literal.js';

const diff = 'diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-a\n+b\n';
const patch = (subject: string) => ({ subject, diff, message: `${subject}.\n\nSigned-off-by: Ann Author <ann@example.org>` });

describe('reconstitutePartialReroll', () => {
  const v2 = seriesFromLiteral({ title: 'demo', version: 2, patches: [patch('one'), patch('two'), patch('three')] });
  const v3full = seriesFromLiteral({ title: 'demo', version: 3, patches: [patch('one'), patch('two v3'), patch('three')] });
  const v3 = { ...v3full, cover: null, patches: [v3full.patches[1]!] };

  it('should fill the gaps of vN from vN-1, keeping the re-posted patch', () => {
    const whole = reconstitutePartialReroll(v3, v2);
    expect(whole.patches.map((p) => `${p.index} ${p.subject} v${p.subjectInfo.version}`)).toEqual(['1 one v2', '2 two v3 v3', '3 three v2']);
    expect(whole.cover?.messageId).toBe(v2.cover?.messageId);
    expect(whole.version).toBe(3);
  });

  it('should leave a complete version, or one without its predecessor, alone', () => {
    expect(reconstitutePartialReroll(v3full, v2)).toBe(v3full);
    expect(reconstitutePartialReroll(v3, undefined)).toBe(v3);
    expect(latestVersion([v2, v3]).patches).toHaveLength(3);
  });

  it('should pick a named version, or the latest completed one', () => {
    expect(pickVersion([v2, v3], 2)).toBe(v2);
    expect(pickVersion([v2, v3], 7)).toBeUndefined();
    expect(pickVersion([v2, v3])?.patches).toHaveLength(3);
  });
});
