import { describe, it, expect } from 'vitest';
import { resolve } from 'node:path';
import { loadSeriesSet } from '../../../series/index.js';
import { repliesDoc } from './replies-doc.js';

const BUNDLED = resolve(__dirname, '..', '..', '..', '..', 'fixtures', 'dmabuf-mapping-types', 'series.mbox');

describe('repliesDoc', () => {
  // Regression (issue 17, bug 3): Vivek's Acked-by on the cover letter was shown twice (his line, then the
  // trailer list) though the mail has it once.
  it('shows a trailer a reply gives once, highlighted where it was written', async () => {
    const set = await loadSeriesSet(BUNDLED);
    const cover = set.series[0]!.cover!;
    const vivek = cover.replies.find((r) => r.trailers.some((t) => t.key === 'Acked-by'))!;
    const doc = repliesDoc(cover.replies);
    const acks = doc.filter((l) => l.text.includes('Acked-by: Vivek Kasireddy <vivek.kasireddy@intel.com>'));
    expect(vivek.newText).toContain('Acked-by: Vivek Kasireddy <vivek.kasireddy@intel.com>');
    expect(acks).toHaveLength(1);
    expect(acks[0]!.segs.some((s) => s.style === 'trailer')).toBe(true);
  });
});
