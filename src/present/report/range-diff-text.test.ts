import { describe, it, expect } from 'vitest';
import { rangeDiff, seriesFromLiteral, type PatchLiteral } from '../../analysis/versions/index.js';
import { formatRangeDiff } from './range-diff-text.js';

const file = (name: string, lines: string[]) => {
  const old = lines.filter((l) => !l.startsWith('+')).length;
  const neu = lines.filter((l) => !l.startsWith('-')).length;
  return `diff --git a/${name} b/${name}\n--- a/${name}\n+++ b/${name}\n@@ -1,${old} +1,${neu} @@\n${lines.join('\n')}\n`;
};
const sob = 'Signed-off-by: Ann Author <ann@example.org>';
const rita = { name: 'Rita Reviewer', email: 'rita@example.com' };

const v1: PatchLiteral[] = [
  { subject: 'a: one', message: `One.\n\n${sob}`, diff: file('a.c', [' x', '-a', '+A', ' y']),
    replies: [{ from: rita, text: 'Reviewed-by: Rita Reviewer <rita@example.com>' }] },
  { subject: 'b: two \x1b[31mred', message: `Two.\n\n${sob}`, diff: file('b.c', [' x', '-b', '+B', ' y']) },
];
const v2: PatchLiteral[] = [
  { subject: 'b: two \x1b[31mred', message: `Two.\n\n${sob}`, diff: file('b.c', [' x', '-b', '+B', ' y']) },
  { subject: 'a: one', message: `One.\n\n${sob}`, diff: file('a.c', [' x', '-a', '+A', ' y']) },
];

describe('formatRangeDiff', () => {
  const diff = rangeDiff(seriesFromLiteral({ title: 't', patches: v1 }), seriesFromLiteral({ title: 't', version: 2, patches: v2 }));

  it('should print git-shaped headers, sanitised, with moved pairs marked', () => {
    const lines = formatRangeDiff(diff).split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^2:  [0-9a-f]{7} = 1:  [0-9a-f]{7} b: two red( \(moved\))?$/);
    expect(lines[1]).toMatch(/^1:  [0-9a-f]{7} = 2:  [0-9a-f]{7} a: one( \(moved\))?$/);
    // Two patches swapped: one of them moved, which one is a matter of choice.
    expect(lines.filter((l) => l.endsWith('(moved)'))).toHaveLength(1);
  });

  it('should list review trailers lost on the way when asked', () => {
    const text = formatRangeDiff(diff, { withTrailers: true });
    expect(text).toMatch(/a: one( \(moved\))?\n    Trailers:\n    = carried: Signed-off-by: Ann Author <ann@example.org>\n    - lost: Reviewed-by: Rita Reviewer <rita@example.com>\n/);
  });
});
