import { describe, it, expect } from 'vitest';
import type { RawMessage } from '../ingest/index.js';
import { buildSeriesSet } from './build.js';
import { mail } from './test-mail.test-util.js';

const diffFor = (file: string) =>
  `---\n ${file} | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n\ndiff --git a/${file} b/${file}\n--- a/${file}\n+++ b/${file}\n@@ -1,2 +1,2 @@\n ctx\n-old\n+new\n`;

// partialRerollSource looks among the drafts of the same thread root (indexed once) instead of filtering every
// draft for every reroll: each reroll must still find the version it stands on in its own thread, never another's.
describe('partial rerolls among many threads', () => {
  it('pairs every v2 and v3 partial reroll with the earlier version of its own thread', () => {
    const threads = 400;
    const msgs: RawMessage[] = [];
    let index = 0;
    const add = (id: string, subject: string, inReplyTo: string | null, references: string[], body: string) =>
      msgs.push(mail({ index: ++index, id, subject, inReplyTo, references, body }));
    for (let t = 0; t < threads; t++) {
      add(`c${t}`, `[PATCH 0/2] s${t}`, null, [], 'cover');
      add(`a${t}`, `[PATCH 1/2] a${t}`, `c${t}`, [`c${t}`], `a\n${diffFor(`a${t}.c`)}`);
      add(`b${t}`, `[PATCH 2/2] b${t}`, `c${t}`, [`c${t}`], `b\n${diffFor(`b${t}.c`)}`);
      add(`b${t}v2`, `[PATCH v2 2/2] b${t}`, `b${t}`, [`c${t}`, `b${t}`], `b2\n${diffFor(`b${t}.c`)}`);
      add(`b${t}v3`, `[PATCH v3 2/2] b${t}`, `b${t}v2`, [`c${t}`, `b${t}`, `b${t}v2`], `b3\n${diffFor(`b${t}.c`)}`);
    }
    // Interleave a second, unrelated v2 series per thread count so that other roots hold drafts of every version.
    for (let t = 0; t < threads; t++) {
      add(`x${t}`, `[PATCH v2 0/1] other${t}`, null, [], 'other cover');
      add(`y${t}`, `[PATCH v2 1/1] other${t}`, `x${t}`, [`x${t}`], `y\n${diffFor(`y${t}.c`)}`);
    }
    const set = buildSeriesSet({ source: 'test.mbox', messages: msgs, skipped: [] });
    expect(set.series).toHaveLength(threads * 4);
    for (let t = 0; t < threads; t++) {
      const v2 = set.series.find((s) => s.id === `b${t}v2`);
      const v3 = set.series.find((s) => s.id === `b${t}v3`);
      expect(v2?.partialReroll).toEqual({ from: 1, standIns: [{ index: 1, messageId: `a${t}` }] });
      expect(v3?.partialReroll).toEqual({ from: 2, standIns: [] });
      expect(set.series.find((s) => s.id === `x${t}`)?.partialReroll).toBeUndefined();
    }
  });
});
