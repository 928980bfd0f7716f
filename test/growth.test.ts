// No super-linear paths (issue 7). Each hostile shape is read at 1× and 10× its size through the
// whole pipeline (ingest, series, checks, dependency analysis, text and JSON presenters); the time
// may grow about tenfold, and the test fails past 15×, so it measures growth, not a wall clock (a
// quadratic path grows 100×). The 10× sizes are the issue's: a 10,000-deep reply chain, a References
// header of 100,000 ids, a subject of 100 KB of "[[[[", and a one-line body (10 MB here rather than
// 50 MB, to keep CI memory and time reasonable: the ratio is the point). Deep shapes also prove that
// nothing recurses once per message or per bracket (a stack overflow would throw here).
import { afterAll, describe, expect, it } from 'vitest';
import { fuzzScratch, runPipeline, type Outcome } from './fuzz/pipeline.js';
import { buildSeriesSet, countPlaced } from '../src/series/index.js';
import type { RawMessage } from '../src/ingest/index.js';
import { patchDoc } from '../src/present/tui/state/patch-doc.js';

const scratch = fuzzScratch();
afterAll(() => scratch.dispose());

const FROM_LINE = 'From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001';

function message(headers: Record<string, string>, body: string): string {
  const lines = [FROM_LINE, 'From: A U Thor <author@example.org>', 'Date: Wed, 22 Apr 2026 10:00:00 +0000'];
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  return `${lines.join('\n')}\n\n${body}\n`;
}

const PATCH_BODY = [
  'Change one thing.', '', 'Signed-off-by: A U Thor <author@example.org>', '---', ' a.c | 1 +', ' 1 file changed, 1 insertion(+)',
  '', 'diff --git a/a.c b/a.c', 'index 1111111..2222222 100644', '--- a/a.c', '+++ b/a.c', '@@ -1 +1,2 @@', ' int a;', '+int b;', '',
].join('\n');

/** A patch and a chain of `depth` replies, each answering the one before. */
function replyChain(depth: number): string {
  const out = [message({ Subject: '[PATCH] drm: change', 'Message-ID': '<m0@x>' }, PATCH_BODY)];
  for (let i = 1; i <= depth; i++) {
    out.push(message({ Subject: 'Re: [PATCH] drm: change', 'Message-ID': `<m${i}@x>`, 'In-Reply-To': `<m${i - 1}@x>`, References: `<m0@x> <m${i - 1}@x>` }, `> q\n\nreply ${i}`));
  }
  return out.join('');
}

/**
 * A patch and `replies` replies, each with a References header of `ids` distinct ids (then the patch).
 * The small input spreads 100,000 ids over ten headers of 10,000, the large one puts them in one
 * header 10× longer: the same bytes and the same number of thread nodes, so a linear reader takes
 * the same time on both and one quadratic in a header's length takes 10× (the de-duplication this
 * found did). Comparing 10,000 with 100,000 nodes instead measured the memory hierarchy: threading
 * 100,000 phantom nodes costs ~20× 10,000 of them, but only ~2× 50,000.
 */
function manyReferences(ids: number, replies: number): string {
  let out = message({ Subject: '[PATCH] drm: change', 'Message-ID': '<p@x>' }, PATCH_BODY);
  for (let r = 0; r < replies; r++) {
    const refs = Array.from({ length: ids }, (_, i) => `<r${r}.${i}@x>`).join(' ');
    out += message({ Subject: 'Re: [PATCH] drm: change', 'Message-ID': `<q${r}@x>`, References: `${refs} <p@x>` }, 'Reviewed-by: R <r@example.org>');
  }
  return out;
}

const bracketSubject = (bytes: number): string =>
  message({ Subject: `[PATCH] ${'[[[['.repeat(bytes / 4)}`, 'Message-ID': '<s@x>' }, PATCH_BODY);

const oneLineBody = (bytes: number): string =>
  message({ Subject: '[PATCH] drm: change', 'Message-ID': '<b@x>' }, `${'x'.repeat(bytes)}\n\n${PATCH_BODY}`);

/**
 * Best of `tries` runs, in CPU milliseconds (user + system of this process): wall time on a shared
 * 2-core box under load swings several-fold between runs, CPU time much less.
 */
async function bestTime(text: string, tries: number): Promise<{ ms: number; outcome: Outcome }> {
  const path = scratch.file('growth.mbox', Buffer.from(text));
  let best = Infinity;
  let outcome: Outcome | undefined;
  for (let i = 0; i < tries; i++) {
    const before = process.cpuUsage();
    outcome = await runPipeline(path, { deps: true });
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return { ms: best, outcome: outcome! };
}

/** Below this, timer and GC noise dominate a 1× run; the ratio is taken against at least this. */
const NOISE_FLOOR_MS = 20;

interface Shape {
  name: string;
  small: () => string;
  large: () => string;
  /** Messages in the small and the large input. */
  messages: [number, number];
  /** Largest allowed time ratio large/small: ~15 for a 10× input, less when the sizes are equal. */
  maxRatio: number;
}

const SHAPES: Shape[] = [
  { name: 'a reply chain 10,000 deep', small: () => replyChain(1_000), large: () => replyChain(10_000), messages: [1_001, 10_001], maxRatio: 15 },
  { name: 'a References header of 100,000 ids', small: () => manyReferences(10_000, 10), large: () => manyReferences(100_000, 1), messages: [11, 2], maxRatio: 4 },
  { name: 'a subject of 100 KB of [[[[', small: () => bracketSubject(10_000), large: () => bracketSubject(100_000), messages: [1, 1], maxRatio: 15 },
  { name: 'a 10 MB single-line body', small: () => oneLineBody(1_000_000), large: () => oneLineBody(10_000_000), messages: [1, 1], maxRatio: 15 },
];

describe('growth stays linear', () => {
  it.each(SHAPES)('$name', async ({ small: makeSmall, large: makeLarge, messages, maxRatio }) => {
    // Warm up on the large input: the JIT compiles and the heap grows before either size is timed.
    await bestTime(makeLarge(), 1);
    const small = await bestTime(makeSmall(), 3);
    const large = await bestTime(makeLarge(), 3);
    for (const [count, { outcome }] of [[messages[0], small], [messages[1], large]] as const) {
      expect(outcome.kind).toBe('set');
      if (outcome.kind !== 'set') continue;
      expect(outcome.set.messages).toBe(count);
      expect(outcome.placed).toBe(outcome.set.messages);
    }
    const ratio = large.ms / Math.max(small.ms, NOISE_FLOOR_MS);
    expect(ratio, `1×: ${small.ms.toFixed(0)} ms, 10×: ${large.ms.toFixed(0)} ms`).toBeLessThan(maxRatio);
  });
});

describe('no stack overflow on many of one thing', () => {
  // Regression: the series total was Math.max(...one argument per patch), which overflows V8's stack
  // past ~120,000 arguments. Same family as parseSubject's push(...words) the fuzzer found.
  const message = (i: number, body = 'x\n'): RawMessage => ({
    origin: { source: 'many', index: i + 1, offset: null }, messageId: `m${i}@x`, inReplyTo: null, references: [],
    from: null, date: null, dateHeader: null, subject: `[PATCH ${(i % 9999) + 1}/9999] x`, body, attachments: [], headers: [], warnings: [],
  });

  it('a series of 150,000 patch messages builds and places each', () => {
    const set = buildSeriesSet({ source: 'many', messages: Array.from({ length: 150_000 }, (_, i) => message(i)), skipped: [] });
    expect(countPlaced(set)).toBe(150_000);
    expect(set.series[0]?.total).toBe(9999);
  });

  // Regression: the TUI's patch document appended lines with push(...lines) and overflowed the stack.
  it('a patch of 200,000 diff lines opens as a TUI document', () => {
    const n = 200_000;
    const diff = `diff --git a/a.c b/a.c\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/a.c\n@@ -0,0 +1,${n} @@\n`;
    const lines = Array.from({ length: n }, (_, i) => `+int v${i};`).join('\n');
    const set = buildSeriesSet({ source: 'big', messages: [message(0, `x\n---\n${diff}${lines}\n`)], skipped: [] });
    const patch = set.series[0]!.patches[0]!;
    expect(patchDoc(patch, []).length).toBeGreaterThan(n);
  });
});
