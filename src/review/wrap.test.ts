import { describe, it, expect } from 'vitest';
import { wrapProse } from './wrap.js';

describe('wrapProse', () => {
  it('should re-flow prose to 72 columns and keep paragraphs apart', () => {
    const text = `${'word '.repeat(40).trim()}\n\nshort second paragraph`;
    const out = wrapProse(text);
    expect(out.every((l) => l.length <= 72)).toBe(true);
    expect(out.join(' ').replace(/ +/g, ' ')).toBe(text.replace(/\n+/g, ' '));
    expect(out).toContain('');
    expect(out.at(-1)).toBe('short second paragraph');
  });

  it('should keep code, quotes and trailers as typed, and a long URL whole on its own line', () => {
    const url = `https://lore.kernel.org/all/${'x'.repeat(90)}@example.org/`;
    const out = wrapProse(`See ${url} for it.\n\n\tif (x)\n\t\treturn;\n> quoted text that is long enough to need wrapping if it were prose, which it is not at all\nReviewed-by: A Very Long Name Indeed <a.very.long.name.indeed@example.org>`);
    expect(out).toEqual([
      'See', url, 'for it.', '', '\tif (x)', '\t\treturn;',
      '> quoted text that is long enough to need wrapping if it were prose, which it is not at all',
      'Reviewed-by: A Very Long Name Indeed <a.very.long.name.indeed@example.org>',
    ]);
  });

  it('should hang list items under their text', () => {
    const out = wrapProse(`- ${'item '.repeat(20).trim()}\n- second`);
    expect(out[0]!.startsWith('- item')).toBe(true);
    expect(out[1]!.startsWith('  item')).toBe(true);
    expect(out.at(-1)).toBe('- second');
  });
});
