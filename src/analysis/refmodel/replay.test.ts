import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../util/errors.js';
import { loadSequenceFile } from './files.js';
import { FIXTURES } from './model.test-util.js';
import { replayCounterexample } from './replay.js';
import { formatReplay, parseReplay } from './trace.js';

const { sequences } = loadSequenceFile(join(FIXTURES, 'sequence.json'));

describe('replay strings', () => {
  it('should round-trip through format and parse, with ASCII arrows', () => {
    const t = { sequence: 'as-posted', step: 23, exporter: 'vfio-pci', buffer: 1, importers: ['iommufd', 'xe'], labels: ['attach(vfio-pci→iommufd)', 'map(vfio-pci→iommufd, pal)'] };
    const text = formatReplay(t);
    expect(text).toBe('as-posted#23:vfio-pci[1]>iommufd,xe:attach(vfio-pci->iommufd);map(vfio-pci->iommufd, pal)');
    expect(parseReplay(text)).toEqual({ ...t, labels: t.labels.map((l) => l.replace('→', '->')) });
    expect(parseReplay('as-posted:23')).toBeNull();
  });

  it('should reproduce the as-posted HIDE_PHYS violation at its last step, with a TLC-style diff', () => {
    const r = replayCounterexample(sequences, 'as-posted#23:vfio-pci[0]>iommufd:attach(vfio-pci->iommufd);map(vfio-pci->iommufd,pal)');
    // Patch 12's lock assertion in vfio's match still fires at attach (LOCKING, from step 12 on).
    expect(r.violations).toEqual([expect.objectContaining({ invariant: 'LOCKING', step: 1 }), expect.objectContaining({ invariant: 'HIDE_PHYS', step: 2 })]);
    expect(r.trace[0]!.changes).toEqual(['iommufd.attach: detached → attached pal', expect.stringMatching(/^locking: - → vfio-pci's match_mapping asserts/)]);
    expect(r.trace[1]!.changes.join('\n')).toMatch(/iommufd\.mapping: - → pal \[100000\+4000\] sees e0000000\+4000 \(PAL e0000000\+4000\)/);
  });

  it('should show that the same actions break nothing one step earlier, before iommufd took PAL', () => {
    expect(() => replayCounterexample(sequences, 'as-posted#22:vfio-pci[0]>iommufd:attach(vfio-pci->iommufd)')).toThrow(/no importer "iommufd" at that step/);
    expect(replayCounterexample(sequences, 'proposed#3:vfio-pci[0]>iommufd:attach(vfio-pci->iommufd);map(vfio-pci->iommufd, iommu_domain)').violations).toEqual([]);
  });

  it('should refuse unknown sequences, steps, actions and disabled actions as usage errors', () => {
    const cases: [string, RegExp][] = [
      ['nope#1:xe[0]>amdgpu:', /unknown sequence "nope"/],
      ['proposed#9:xe[0]>amdgpu:', /has steps 1\.\.3, not 9/],
      ['proposed#1:xe[0]>amdgpu:fly(xe->amdgpu)', /step 1: no action "fly\(xe→amdgpu\)"/],
      ['proposed#1:xe[0]>amdgpu:map(xe->amdgpu, sgt)', /step 1: "map\(xe→amdgpu, sgt\)" is not enabled/],
      ['garbage', /expected SEQUENCE#STEP/],
    ];
    for (const [text, message] of cases) {
      expect(() => replayCounterexample(sequences, text)).toThrow(UsageError);
      expect(() => replayCounterexample(sequences, text)).toThrow(message);
    }
  });
});
