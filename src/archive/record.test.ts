import { describe, expect, it } from 'vitest';
import { isPositionalMessageId, positionalMessageId } from './record.js';

describe('positional Message-IDs', () => {
  it('are told from real ones, a look-alike of another place included', () => {
    const id = positionalMessageId('a.mbox', '120');
    expect(isPositionalMessageId(id, 'a.mbox', '120')).toBe(true);
    expect(isPositionalMessageId(id, 'a.mbox', '121')).toBe(false);
    expect(isPositionalMessageId(positionalMessageId('b.mbox', '120'), 'a.mbox', '120')).toBe(false);
    expect(isPositionalMessageId('20260101.1-x@example.org', 'a.mbox', '120')).toBe(false);
  });
});
