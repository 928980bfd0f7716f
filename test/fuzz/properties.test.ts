// fast-check properties over generated mail (issue 7), beside the mutation fuzzer: what must hold for
// every series a list could deliver (any order, gaps, repeats, threading or none, replies, hostile
// text), and for the two output guards (terminal sanitiser, JSON escaping). Fixed seed: deterministic.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildSeriesSet, countPlaced, parseSubject } from '../../src/series/index.js';
import type { IngestResult, RawMessage } from '../../src/ingest/index.js';
import { sanitizeForTerminal } from '../../src/present/sanitize.js';
import { stringifyJsonSafe } from '../../src/present/report/index.js';
import { expectClean, fuzzScratch, runPipeline } from './pipeline.js';

const SEED = 4242;
const FORBIDDEN = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

/** Text with the characters mail can use against a reader mixed in. */
const hostileText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\x1b', '[', ']', '\x07', '\x9b', '\x9d', '\u202e', '\u2066', '\0', '\r', '\n', '\t', '<', '>', '@', ':', '/'),
    fc.string({ minLength: 1, maxLength: 1 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 60,
});

/** One patch mail of a generated series, as ingest would hand it over. */
interface MailPlan {
  counter: number;
  total: number;
  version: number;
  prefix: string;
  title: string;
  threaded: 'none' | 'cover' | 'chain';
  repliesBelow: number;
}

const plan: fc.Arbitrary<MailPlan> = fc.record({
  counter: fc.integer({ min: 0, max: 12 }),
  total: fc.integer({ min: 0, max: 12 }),
  version: fc.integer({ min: 1, max: 4 }),
  prefix: fc.constantFrom('PATCH', 'PATCH RFC', 'RFC PATCH', 'PATCH net-next', 'PATCH RESEND'),
  title: hostileText,
  threaded: fc.constantFrom('none', 'cover', 'chain'),
  repliesBelow: fc.integer({ min: 0, max: 3 }),
});

function rawMessage(index: number, id: string | null, subject: string, parent: string | null, body: string): RawMessage {
  return {
    origin: { source: 'generated', index, offset: null },
    messageId: id,
    inReplyTo: parent,
    references: parent ? [parent] : [],
    from: { name: 'A U Thor', email: 'author@example.org' },
    date: new Date(Date.UTC(2026, 3, 22, 10, 0, index)).toISOString(),
    dateHeader: null,
    subject,
    body,
    attachments: [],
    headers: [],
    warnings: [],
  };
}

/** The planned mails (plus replies) in the given order; ids may repeat when `dupIds` says so. */
function mailbox(plans: MailPlan[], dupIds: boolean): IngestResult {
  const messages: RawMessage[] = [];
  let previous: string | null = null;
  plans.forEach((p, i) => {
    const id = dupIds && i % 3 === 2 ? 'dup@x' : `m${i}@x`;
    const parent = p.threaded === 'none' ? null : p.threaded === 'cover' ? 'm0@x' : previous;
    const subject = `[${p.prefix} v${p.version} ${p.counter}/${p.total}] ${p.title}`;
    messages.push(rawMessage(messages.length + 1, id, subject, parent, `Change.\n\nSigned-off-by: A <a@x>\n---\n${p.title}\n`));
    for (let r = 0; r < p.repliesBelow; r++) {
      messages.push(rawMessage(messages.length + 1, r === 1 ? null : `r${i}.${r}@x`, `Re: ${subject}`, id, `> q\n\n${p.title}\nReviewed-by: R <r@x>\n`));
    }
    previous = id;
  });
  return { source: 'generated', messages, skipped: [] };
}

describe('generated series', () => {
  it('place every message exactly once, whatever the order, gaps, repeats and threading', () => {
    fc.assert(
      fc.property(fc.array(plan, { minLength: 1, maxLength: 14 }), fc.boolean(), (plans, dupIds) => {
        const set = buildSeriesSet(mailbox(plans, dupIds));
        expect(countPlaced(set)).toBe(set.messages);
        for (const s of set.series) {
          expect(s.total).toBeGreaterThanOrEqual(Math.max(0, ...s.patches.map((p) => p.index)));
          const indices = s.patches.map((p) => p.index);
          expect(new Set(indices).size).toBe(indices.length); // a repeated index is a duplicate, not a second patch
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('subjects of any text parse without throwing, and a well-formed prefix is read back', () => {
    fc.assert(
      fc.property(hostileText, fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9 }), (title, k, n, v) => {
        parseSubject(title);
        const [counter, total] = k <= n ? [k, n] : [n, k]; // a counter past its total is not a well-formed prefix
        const s = parseSubject(`[PATCH v${v} ${counter}/${total}] x${title.replace(/[\[\]\r\n]/g, '')}`);
        expect(s).toMatchObject({ isPatch: true, version: v, counter, total });
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe('output guards', () => {
  it('the terminal sanitiser leaves nothing a terminal acts on, is idempotent, and keeps plain text', () => {
    fc.assert(
      fc.property(hostileText, fc.string({ unit: fc.constantFrom(...'abc xyz-_:/.,()\t\n'.split('')) }), (hostile, plain) => {
        const once = sanitizeForTerminal(hostile);
        expect(once).not.toMatch(FORBIDDEN);
        expect(sanitizeForTerminal(once)).toBe(once);
        expect(sanitizeForTerminal(plain)).toBe(plain);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('safe JSON round-trips every value exactly and writes no raw control or bidi character', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), hostileText, (value, text) => {
        const doc = { value, text };
        const json = stringifyJsonSafe(doc);
        // Newlines are the indentation's own; inside strings every control is an escape.
        expect(json).not.toMatch(FORBIDDEN);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(doc)));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe('arbitrary bytes behind a mail-like start', () => {
  const scratch = fuzzScratch();
  afterAll(() => scratch.dispose());
  const start = fc.constantFrom('', 'From x Mon Sep 17 00:00:00 2001\n', 'Subject: ', 'From: a\n\n', '\x1f\x8b');
  it('end in a SeriesSet that places every message, or one clean error', async () => {
    await fc.assert(
      fc.asyncProperty(start, fc.uint8Array({ maxLength: 2048 }), async (head, tail) => {
        const input = Buffer.concat([Buffer.from(head, 'latin1'), tail]);
        expectClean(await runPipeline(scratch.file('bytes', input), { deps: true }), input.length);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
