/** A small but complete ReviewData: findings, bisect, a verify report with a counterexample, two versions. */
import type { Finding } from '../../../analysis/index.js';
import type { ReviewData, VerifyView } from '../data.js';
import { CHRISTIAN, JASON, makeSeries, makeSet, makeTrailer, msgId, type PatchSpec } from './fixtures.test-util.js';

export const SPECS: PatchSpec[] = [
  { index: 1, summary: 'dma-buf: Introduce DMA-buf mapping types', extraTrailers: [makeTrailer('Reviewed-by', CHRISTIAN, 'r@x', 'reply')] },
  { index: 2, summary: 'dma-buf: Add the SGT DMA mapping type', adds: 40 },
  {
    index: 3, summary: 'dma-buf: Add the Physical Address List DMA mapping type', path: 'include/linux/dma-buf-mapping.h',
    replies: [
      { n: 1, quoted: ['This converts the vfio exporter.'], text: 'Exporters must not expose physical addresses.' },
      { n: 2, author: JASON, quoted: ['+int fn3_1(void);'], text: 'A converter in the core would keep PAL away from importers.', depth: 2 },
    ],
  },
];

export const FINDINGS: Finding[] = [
  { id: 'trailing-whitespace', severity: 'warning', where: { patch: 2, messageId: msgId(2), bodyLine: 40 }, message: 'trailing whitespace' },
  { id: 'missing-signoff', severity: 'error', where: { patch: 3 }, message: 'no Signed-off-by from the author' },
  { id: 'long-line', severity: 'check', where: { patch: 1, bodyLine: 14 }, message: 'line over 100 columns' },
];

export const VERIFY: VerifyView = {
  statesExplored: 1234,
  statesPerSecond: 50000,
  sequences: [{
    name: 'seed three steps',
    steps: [
      {
        name: 'mapping types for SGL', patches: [1, 2], deltas: [{ label: 'add sgt type', planned: false }],
        invariants: [{ id: 'HIDE_PHYS', ok: true }, { id: 'NO_REGRESSION', ok: true }],
        matrix: { exporters: ['amdgpu', 'vfio-pci'], importers: ['iommufd', 'xe'], cells: [['sgt', 'sgt'], [null, 'sgt (p2p)']] },
      },
      {
        name: 'PAL exporter', patches: [3], deltas: [{ label: 'pal→sgt converter', planned: true }],
        invariants: [{ id: 'HIDE_PHYS', ok: false, message: 'iommufd received a PAL' }],
        counterexamples: [{
          invariant: 'HIDE_PHYS', message: 'iommufd holds physical addresses', replay: 'attach,map',
          steps: [
            { label: 'attach(vfio-pci→iommufd, pal)', state: ['attachments: vfio-pci→iommufd', 'mappings: none'] },
            { label: 'map(vfio-pci→iommufd, pal)', state: { attachments: 'vfio-pci→iommufd', mappings: 'pal [0x1000+0x2000]' } },
          ],
        }],
      },
    ],
  }],
};

export function reviewData(): ReviewData {
  const v1 = makeSeries(SPECS);
  const v2 = makeSeries(SPECS.slice(0, 2), { version: 2, total: 2 });
  return {
    set: makeSet([v1, v2]), findings: FINDINGS, verify: VERIFY,
    bisect: { results: [{ index: 1, status: 'ok' }, { index: 2, status: 'ok' }, { index: 3, status: 'fail', reason: 'undefined symbol' }] },
  };
}
