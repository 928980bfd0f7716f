import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSequenceFile, replayCounterexample, verifySequences } from '../../analysis/refmodel/index.js';
import { formatReplayText, formatVerifyText } from './verify-text.js';

const { sequences } = loadSequenceFile(join(resolve(__dirname, '../../..'), 'fixtures/dmabuf-mapping-types/sequence.json'));
const report = verifySequences(sequences, { only: ['as-posted', 'exporter-maps-domain'] });
const text = formatVerifyText(report);

describe('formatVerifyText', () => {
  it('should give the verdict per sequence and step and a line per invariant', () => {
    expect(text).toContain('sequence as-posted: expected fail (LOCKING, HIDE_PHYS), got fail — as expected');
    expect(text).toContain('  first failure: step 12 (LOCKING); then HIDE_PHYS from step 23');
    expect(text).toContain('  step 11: 11 drm/amdgpu: Use the SGT mapping type [patches 11] — pass');
    expect(text).toContain('  step 12: 12 vfio/pci: Change the DMA-buf exporter to use mapping_type [patches 12] — FAIL');
    expect(text).toContain('  step 23: 23 iommufd: Use the PAL mapping type instead of a vfio function [patches 23] — FAIL');
    const step23 = text.slice(text.indexOf('  step 23:'), text.indexOf('  step 24:'));
    expect(step23.match(/^ {4}[A-Z_]+ +(holds|violated)/gm)).toHaveLength(7);
    expect(step23).toContain('    LOCKING        violated (same counterexample as step 22)');
    expect(step23).toContain('    HIDE_DOMAIN    holds');
  });

  it('should print the counterexample as a numbered TLC-style trace with what changed, then the replay string', () => {
    const step23 = text.slice(text.indexOf('  step 23:'), text.indexOf('  step 24:'));
    expect(step23).toContain(
      [
        '    HIDE_PHYS      violated',
        '      buffer: vfio-pci[0] shared with iommufd',
        '      1: attach(vfio-pci→iommufd)',
        '           iommufd.attach: detached → attached pal',
        "           locking: - → vfio-pci's match_mapping asserts vfio-pci's dma_resv lock; attach(vfio-pci→iommufd) calls it without the lock",
        '      2: map(vfio-pci→iommufd, pal)',
      ].join('\n'),
    );
    expect(step23).toContain('      HIDE_PHYS violated at depth 2: iommufd received a PAL: 1 physical range(s) of vfio-pci (e0000000+4000)');
    expect(step23).toContain('      replay: as-posted#23:vfio-pci[0]>iommufd:attach(vfio-pci->iommufd);map(vfio-pci->iommufd, pal)');
    expect(text).toContain('    HIDE_PHYS      violated (same counterexample as step 23)');
    const step12 = text.slice(text.indexOf('  step 12:'), text.indexOf('  step 13:'));
    expect(step12).toContain(['    LOCKING        violated', '      buffer: vfio-pci[0] shared with amdgpu', '      1: attach(vfio-pci→amdgpu)'].join('\n'));
    expect(step12).toContain('      replay: as-posted#12:vfio-pci[0]>amdgpu:attach(vfio-pci->amdgpu)');
  });

  it('should print states, states per second, planned deltas, driver burden and the overall result', () => {
    expect(text).toMatch(/^\d[\d ]* states explored in \d+\.\d\d s \(/m);
    expect(text).toMatch(/^ {4}[\d ]+ states \([\d ]+ new\) in \d+\.\d ms/m);
    expect(text).toContain('    planned: add-type iommu_domain; vfio-pci offers [iommu_domain, sgt]; add-importer iommufd [iommu_domain]');
    expect(text).toMatch(/driver burden: system_heap 2, amdgpu 2, xe 2, habanalabs 2, vmwgfx 0, vfio-pci 5 \(total 13\)/);
    expect(text.trimEnd().split('\n').at(-1)).toBe('result: every sequence as expected');
  });

  it('should print every field of each trace state with fullStates', () => {
    const full = formatVerifyText(report, { fullStates: true });
    expect(full).toContain('      0: <initial>');
    expect(full).toContain('           vfio-pci.revoked = no');
  });

  it('should strip terminal escapes from names that come from a sequence file', () => {
    const hostile = sequences.filter((s) => s.name === 'proposed').map((s) => ({ ...s, steps: s.steps.slice(0, 1).map((st) => ({ ...st, name: 'evil\u001b]0;pwned\u0007 step' })) }));
    const out = formatVerifyText(verifySequences(hostile));
    expect(out).toContain('step 1: evil step');
    expect(out).not.toContain('\u001b');
  });
});

describe('formatReplayText', () => {
  it('should print the replayed trace and the invariant it breaks, at its step', () => {
    const out = formatReplayText(replayCounterexample(sequences, 'as-posted#23:vfio-pci[0]>iommufd:attach(vfio-pci->iommufd);map(vfio-pci->iommufd, pal)'));
    expect(out.split('\n').slice(0, 4)).toEqual([
      'replay: sequence as-posted, step 23, vfio-pci[0] shared with iommufd',
      '  1: attach(vfio-pci→iommufd)',
      '       iommufd.attach: detached → attached pal',
      "       locking: - → vfio-pci's match_mapping asserts vfio-pci's dma_resv lock; attach(vfio-pci→iommufd) calls it without the lock",
    ]);
    expect(out).toContain('LOCKING violated at step 1: ');
    expect(out).toContain('HIDE_PHYS violated at step 2: iommufd received a PAL');
  });

  it('should say so when the trace breaks nothing', () => {
    const out = formatReplayText(replayCounterexample(sequences, 'proposed#3:vfio-pci[0]>iommufd:attach(vfio-pci->iommufd)'));
    expect(out).toContain('every invariant holds along this trace');
  });
});
