// The screens on the real bundled series (fixtures/dmabuf-mapping-types/series.mbox, 39 messages).
import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadSeriesSet } from '../../series/index.js';
import { runChecks } from '../../analysis/checks/index.js';
import type { SeriesSet } from '../../series/index.js';
import { createModel, type ReviewModel } from './state/model.js';
import { anchorReplies } from './state/reply-anchors.js';

const MBOX = resolve(__dirname, '../../..', 'fixtures/dmabuf-mapping-types/series.mbox');

describe.skipIf(!existsSync(MBOX))('TUI on the bundled RFC series', () => {
  let set: SeriesSet;
  let model: ReviewModel;
  beforeAll(async () => {
    set = await loadSeriesSet(MBOX);
    model = createModel({ set, findings: set.series.flatMap((s) => runChecks(s)) });
  });

  it('lists the cover and the 26 patches with their reply counts', () => {
    const rows = model.seriesRows(0);
    expect(rows).toHaveLength(27);
    const replies = set.series[0]!.patches.map((p) => p.replies.length);
    for (const p of set.series[0]!.patches) {
      expect(rows[p.index]!.text.startsWith(String(p.index).padStart(2, '0'))).toBe(true);
      if (p.replies.length) expect(rows[p.index]!.text).toContain(`✉${p.replies.length}`);
    }
    expect(replies[20]).toBe(8);
    expect(replies[11]).toBe(2);
  });

  it('shows the review of patch 21 beside the diff lines it quotes, the rest under the diff', () => {
    const p = set.series[0]!.patches[20]!;
    const { chunks, unmatched } = anchorReplies(p);
    const anchored = new Set([...chunks.values()].flat().map((c) => c.reply.messageId));
    expect(anchored.size + unmatched.filter((r) => !anchored.has(r.messageId)).length).toBe(p.replies.length);
    expect(anchored.size).toBeGreaterThan(0);
    const doc = model.doc(0, 21);
    const heads = doc.filter((l) => l.replyId);
    expect(heads.length).toBeGreaterThanOrEqual(p.replies.length);
    expect(doc.some((l) => l.text.includes('Christian König'))).toBe(true);
    expect(model.replies(0, 21).filter((l) => l.target?.kind === 'reply')).toHaveLength(8);
  });

  it('renders every patch document without a terminal control character', () => {
    for (const i of model.openable(0)) {
      for (const l of model.doc(0, i)) expect(l.text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\t]/);
    }
  });
});
