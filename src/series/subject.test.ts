import { describe, it, expect } from 'vitest';
import { parseSubject } from './subject.js';

type Expect = Partial<ReturnType<typeof parseSubject>>;

// One row per subject form seen on kernel lists; each row states only the fields it is about plus the summary.
const table: [string, Expect][] = [
  ['[PATCH] mm: fix a leak', { summary: 'mm: fix a leak', isPatch: true, version: 1, versionInferred: true, counter: 1, total: 1, counterInferred: true, prefixes: ['PATCH'] }],
  ['[PATCH v3 05/12] net: x', { summary: 'net: x', version: 3, versionInferred: false, counter: 5, total: 12, counterInferred: false }],
  ['[PATCH RFC 21/26] dma-buf: Add the Physical Address List DMA mapping type', { rfc: true, counter: 21, total: 26, prefixes: ['PATCH', 'RFC'], summary: 'dma-buf: Add the Physical Address List DMA mapping type' }],
  ['[RFC PATCH net-next v2 0/7] cover', { rfc: true, isPatch: true, version: 2, counter: 0, total: 7, prefixes: ['RFC', 'PATCH', 'net-next'] }],
  ['[PATCH 1/3 v2] a', { version: 2, counter: 1, total: 3, summary: 'a' }],
  ['[PATCHv2 3/4] b', { version: 2, counter: 3, total: 4, isPatch: true, prefixes: ['PATCH'] }],
  ['[RESEND PATCH] c', { resend: true, isPatch: true, counter: 1, total: 1, summary: 'c' }],
  ['[PATCH] [net] d: e', { prefixes: ['PATCH', 'net'], summary: 'd: e' }],
  ['Re: [PATCH 2/3] f', { isReply: true, counter: 2, total: 3, summary: 'f' }],
  ['RE: Re: AW: Aw: Fwd: [PATCH v4 1/2] g', { isReply: true, version: 4, counter: 1, summary: 'g' }],
  ['Re:[PATCH] h', { isReply: true, isPatch: true, summary: 'h' }],
  ['[PATCH\n v2  2/5]   folded\n\tsubject', { version: 2, counter: 2, total: 5, summary: 'folded subject' }],
  ['[PATCH 6/5] one more', { counter: 6, total: 6 }],
  ['Just talking', { isPatch: false, counter: null, total: null, counterInferred: true, summary: 'Just talking', prefixes: [] }],
  ['Re: Just talking', { isReply: true, isPatch: false, summary: 'Just talking' }],
  ['[GIT PULL] drm fixes', { isPatch: false, prefixes: ['GIT', 'PULL'], counter: null }],
  ['[PATCH, v2, 1/2] commas', { version: 2, counter: 1, total: 2, summary: 'commas' }],
];

describe('parseSubject', () => {
  for (const [raw, expected] of table) {
    it(`should parse ${JSON.stringify(raw)}`, () => {
      const got = parseSubject(raw);
      expect(got.raw).toBe(raw);
      expect(got).toMatchObject(expected);
    });
  }

  it('should never throw and always give a summary on odd input', () => {
    for (const raw of ['', '[', '[]', '[[PATCH]] x', 'Re:', '[PATCH 99999/3] x']) {
      const got = parseSubject(raw);
      expect(typeof got.summary).toBe('string');
    }
  });
});
