// Regression (issue 7, terminal safety): `report --format json` wrote C1 controls and bidi overrides
// from mail raw, because JSON.stringify escapes only C0. They must be escaped, not stripped.
import { describe, expect, it } from 'vitest';
import { stringifyJsonSafe, stringifyJsonSafeNested } from './safe-json.js';

describe('stringifyJsonSafe', () => {
  const hostile = { subject: 'a\x1b]0;t\x07 \u009b31m \u202eevil\u202c \u2028 \x7f ok', n: 1 };

  it('writes ESC, C1, DEL, bidi and line separators as \\u escapes', () => {
    const text = stringifyJsonSafe(hostile);
    expect(text).not.toMatch(/[\x1b\x7f-\x9f\u202a-\u202e\u2028]/);
    for (const esc of ['\\u001b', '\\u009b', '\\u202e', '\\u202c', '\\u2028', '\\u007f']) expect(text).toContain(esc);
  });

  it('keeps the value exactly (escaped, not stripped)', () => {
    expect(JSON.parse(stringifyJsonSafe(hostile))).toEqual(hostile);
  });

  it('is JSON.stringify with two-space indent for ordinary text', () => {
    const plain = { a: ['b', { c: 'ü – “d”' }] };
    expect(stringifyJsonSafe(plain)).toBe(`${JSON.stringify(plain, null, 2)}\n`);
  });

  it('nested: the same text as the value stands inside a larger one, re-indented', () => {
    const values = [hostile, { a: ['b', { c: [] }, {}], d: null, e: 'x\ny' }, [1, [2, [3]]], 'plain', 7, [], {}];
    for (const v of values) {
      for (const depth of [0, 1, 2, 3]) {
        const reindented = stringifyJsonSafe(v).slice(0, -1).replace(/\n/g, `\n${' '.repeat(2 * depth)}`);
        expect(stringifyJsonSafeNested(v, depth), `${JSON.stringify(v)} at ${depth}`).toBe(reindented);
      }
      const inside = stringifyJsonSafe({ schema: 1, series: [v, v] });
      expect(inside).toContain(`[\n    ${stringifyJsonSafeNested(v, 2)},\n    ${stringifyJsonSafeNested(v, 2)}\n  ]`);
    }
  });
});
