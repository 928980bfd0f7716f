import { describe, expect, it } from 'vitest';
import { hitsOf } from './test-findings.test-util.js';
import { patchMail } from './test-series.test-util.js';

describe('subject checks', () => {
  it('should accept a well-formed subject', async () => {
    for (const id of ['subject-too-long', 'subject-no-subsystem', 'subject-trailing-period'] as const) {
      expect(await hitsOf(id, [patchMail()]), id).toEqual([]);
    }
  });

  it('should flag a summary over 75 characters, counting only the summary', async () => {
    const summary = `dma-buf: ${'x'.repeat(67)}`; // 76 characters
    const hits = await hitsOf('subject-too-long', [patchMail({ summary })]);
    expect(hits).toEqual([{ id: 'subject-too-long', severity: 'warning', where: { patch: 1, messageId: '0-test@example.org' },
      message: 'subject summary is 76 characters, prefer at most 75', excerpt: summary }]);
    expect(await hitsOf('subject-too-long', [patchMail({ summary: summary.slice(0, 75) })])).toEqual([]);
  });

  it('should want a subsystem prefix, and accept nested and multi-word ones', async () => {
    expect(await hitsOf('subject-no-subsystem', [patchMail({ summary: 'Add dma_buf_mapping_attach()' })])).toHaveLength(1);
    const good = ['drm/xe/dma-buf: Use the SGT mapping type', 'iio: buffer: convert to use the SGT mapping type', 'vfio, iommufd: Use PAL',
      // regression: a revert and a two-subsystem prefix were called subject-without-subsystem
      'Revert "dma-buf: Add dma_buf_mapping_attach()"', 'dma-buf & drm/amdgpu: Use the SGT mapping type', 'dma-buf and drm: Fix it', 'driver core: make devnode() take a const *'];
    for (const summary of good) {
      expect(await hitsOf('subject-no-subsystem', [patchMail({ summary })]), summary).toEqual([]);
    }
  });

  it('should flag a trailing period but not an ellipsis', async () => {
    const hits = await hitsOf('subject-trailing-period', [patchMail({ summary: 'dma-buf: Add types.' })]);
    expect(hits.map((h) => [h.severity, h.excerpt])).toEqual([['warning', 'dma-buf: Add types.']]);
    expect(await hitsOf('subject-trailing-period', [patchMail({ summary: 'dma-buf: Add types...' })])).toEqual([]);
  });
});
