// The binding read from the code: on the bundled series it says what binding.json says, every
// difference is a binding-mismatch at a file and line, and a callback that releases nothing becomes
// a model fact the explorer catches.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeriesSet, parseDiff } from '../../series/index.js';
import type { PatchSeries } from '../../series/index.js';
import { seriesFromLiteral } from '../versions/index.js';
import { compareBindings } from './compare-binding.js';
import { derivePatch, deriveSeries, type DerivedEntry } from './derive.js';
import { derivedSequence } from './derived-sequence.js';
import { loadSequenceFile, type SequenceFile } from './files.js';
import { FIXTURES } from './model.test-util.js';
import { verifySequences } from './verify.js';

let file: SequenceFile;
let v1: PatchSeries;
let v2: PatchSeries;
let derived: DerivedEntry[];

/** The text of the new-side line `line` of `path` in `patch`: what the origin points at. */
function lineAt(series: PatchSeries, patch: number, path: string, line: number): string {
  const f = series.patches.find((p) => p.index === patch)!.files.find((x) => x.path === path)!;
  return f.hunks.flatMap((h) => h.lines).find((l) => l.newLine === line && l.kind !== 'remove')!.text;
}

beforeAll(async () => {
  file = loadSequenceFile(join(FIXTURES, 'sequence.json'));
  v1 = (await loadSeriesSet(join(FIXTURES, 'series.mbox'))).series[0]!;
  v2 = (await loadSeriesSet(join(FIXTURES, 'series-v2.mbox'))).series[0]!;
  derived = deriveSeries(v1, file.base, file.drivers);
});

describe('deriveSeries on the bundled RFC', () => {
  it('reads patch 12: vfio offers SGT (P2P) from its match, which asserts the reservation lock', () => {
    const e = derived.find((d) => d.patch === 12)!;
    expect(e.deltas.map((d) => d.delta)).toEqual([
      { op: 'set-offers', exporter: 'vfio-pci', offers: ['sgt'] },
      { op: 'set-match-lock', exporter: 'vfio-pci', asserts: true },
    ]);
    const [offers, lock] = e.deltas.map((d) => d.origin);
    expect(offers!.file).toBe('drivers/vfio/pci/vfio_pci_dmabuf.c');
    expect(lineAt(v1, 12, offers!.file, offers!.line)).toMatch(/DMA_BUF_EMAPPING_SGT_P2P\(/);
    expect(lineAt(v1, 12, lock!.file, lock!.line)).toMatch(/dma_resv_assert_held\(priv->dmabuf->resv\)/);
  });

  it('reads the core, the exporters in preference order and iommufd as the PAL importer', () => {
    const ops = (n: number) => derived.find((d) => d.patch === n)!.deltas.map((d) => d.delta);
    expect(ops(2)).toEqual([{ op: 'add-type', type: 'sgt' }, { op: 'add-converter', converter: 'legacy-compat' }]);
    expect(ops(3).map((d) => d.op === 'set-accepts' && d.importer)).toEqual(['amdgpu', 'xe', 'iio_buffer', 'functionfs', 'ib_umem_dmabuf']);
    expect(ops(8)).toContainEqual({ op: 'set-offers', exporter: 'vmwgfx', offers: [] });
    expect(ops(16)).toEqual([{ op: 'remove-type', type: 'legacy' }]);
    expect(ops(22)).toEqual([{ op: 'set-offers', exporter: 'vfio-pci', offers: ['pal', 'sgt'] }]);
    expect(ops(23)).toEqual([{ op: 'add-importer', importer: { name: 'iommufd', accepts: ['pal'], dynamic: true, p2p: true, maxRanges: 1, notifyLock: 'pages->mutex' } }]);
    expect(ops(24)).toEqual([{ op: 'set-max-ranges', importer: 'iommufd', maxRanges: 0 }]);
    // Renames, tests and the helper changes say nothing to the model.
    for (const n of [1, 4, 5, 6, 13, 17, 18, 19, 20, 25, 26]) expect(ops(n)).toEqual([]);
  });

  it('equals binding.json wherever both speak: no binding-mismatch', () => {
    expect(compareBindings(file.binding, derived, v1, file.base)).toEqual([]);
  });

  it('reports a hand-written delta the code contradicts, at the patch, file and line', () => {
    const wrong = { ...file.binding, patches: file.binding.patches.map((p) => (p.patch === 22 ? { ...p, deltas: [{ op: 'set-offers' as const, exporter: 'vfio-pci', offers: ['sgt' as const, 'pal' as const] }] } : p)) };
    const found = compareBindings(wrong, derived, v1, file.base);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ patch: 22, kind: 'binding-mismatch', file: 'drivers/vfio/pci/vfio_pci_dmabuf.c' });
    expect(found[0]!.message).toMatch(/exporter vfio-pci: offers: .* says \[sgt, pal\], the code says \[pal, sgt\]/);
    expect(lineAt(v1, 22, found[0]!.file!, found[0]!.line!)).toMatch(/DMA_BUF_EMAPPING_PAL\(/);
  });
});

describe('a later revision without a hand-written binding', () => {
  it('v2 reads patch 12 as reworked: the match no longer asserts the lock (the one difference from binding.json)', () => {
    const fromV2 = deriveSeries(v2, file.base, file.drivers);
    const found = compareBindings(file.binding, fromV2, v2, file.base);
    expect(found.map((m) => [m.patch, m.expected])).toEqual([[12, 'exporter vfio-pci: match asserts the lock yes']]);
    expect(found[0]!.message).toMatch(/says yes, the code says no \(drivers\/vfio\/pci\/vfio_pci_dmabuf\.c:\d+\)/);
  });

  it('v2 verified from its own code holds every invariant at every step, LOCKING included', () => {
    const seq = derivedSequence(v2, file.base, deriveSeries(v2, file.base, file.drivers));
    expect(seq.steps).toHaveLength(20);
    const r = verifySequences([seq]);
    expect(r.sequences[0]!.firstViolations).toEqual([]);
    expect(r.sequences[0]!.steps.every((s) => s.invariants.length === 7 && s.verdict === 'pass')).toBe(true);
    // The deltas carry their source line.
    const step12 = r.sequences[0]!.steps[11]!;
    expect(step12.deltas).toContainEqual({ delta: { op: 'set-match-lock', exporter: 'vfio-pci', asserts: false }, patch: 12, file: 'drivers/vfio/pci/vfio_pci_dmabuf.c', line: expect.any(Number) });
  });

  it('v1 verified from its own code fails LOCKING first at patch 12 and HIDE_PHYS at 23, as with binding.json', () => {
    const r = verifySequences([derivedSequence(v1, file.base, derived)]);
    expect(r.sequences[0]!.firstViolations).toEqual([{ invariant: 'LOCKING', step: 12 }, { invariant: 'HIDE_PHYS', step: 23 }]);
  });
});

describe('a callback that releases nothing its pair acquired', () => {
  const unmapDiff = (body: string[]) => `diff --git a/drivers/gpu/drm/xe/xe_dma_buf.c b/drivers/gpu/drm/xe/xe_dma_buf.c
--- a/drivers/gpu/drm/xe/xe_dma_buf.c
+++ b/drivers/gpu/drm/xe/xe_dma_buf.c
@@ -10,3 +10,${13 + body.length} @@ static struct sg_table *xe_dma_buf_map(struct dma_buf_attachment *attach,
 	return sgt;
 }
 
+static void xe_dma_buf_unmap(struct dma_buf_attachment *attach,
+			     struct sg_table *sgt,
+			     enum dma_data_direction dir)
+{
${body.map((l) => `+${l}\n`).join('')}+}
+
+static const struct dma_buf_mapping_sgt_exp_ops xe_dma_buf_sgt_ops = {
+	.map_dma_buf = xe_dma_buf_map,
+	.unmap_dma_buf = xe_dma_buf_unmap,
+};
`;
  // The literal series counts lines only; the hunks come from the real diff parser, as for mail.
  const series = (body: string[]): PatchSeries => {
    const s = seriesFromLiteral({ title: 'xe: unmap', patches: [{ subject: 'drm/xe: unmap callback', message: 'Unmap.\n\nSigned-off-by: Ann Author <ann@example.org>', diff: unmapDiff(body) }] });
    const { files, error } = parseDiff(unmapDiff(body), 1);
    expect(error).toBeNull();
    return { ...s, patches: [{ ...s.patches[0]!, files }] };
  };
  const world = () => file.sequences.find((s) => s.name === 'proposed')!.steps[0]!.world;

  it('an empty unmap body becomes set-unmap-leaks, and CONVERT_EXACT catches the leaked IOVA in three steps', () => {
    const s = series([]);
    const entry = derivePatch(s.patches[0]!, world(), file.drivers);
    expect(entry.deltas).toEqual([{ delta: { op: 'set-unmap-leaks', exporter: 'xe', leaks: true }, origin: { file: 'drivers/gpu/drm/xe/xe_dma_buf.c', line: 13 } }]);
    const seq = derivedSequence(s, world(), [entry]);
    const step = verifySequences([seq], { maxGroup: 1 }).sequences[0]!.steps[0]!;
    const cx = step.invariants.find((i) => i.name === 'CONVERT_EXACT')!.counterexample!;
    expect(cx.trace.map((t) => t.label)).toEqual(['attach(xe→amdgpu)', 'map(xe→amdgpu, sgt)', 'unmap(xe→amdgpu)']);
    expect(cx.message).toMatch(/still allocated after unmap \(leaked\)/);
  });

  it('an unmap that unmaps and frees what map took is no fact to the model', () => {
    const s = series(['\tdma_unmap_sgtable(attach->dev, sgt, dir, 0);', '\tsg_free_table(sgt);']);
    expect(derivePatch(s.patches[0]!, world(), file.drivers).deltas.map((d) => d.delta)).toEqual([{ op: 'set-unmap-leaks', exporter: 'xe', leaks: false }]);
    const step = verifySequences([derivedSequence(s, world(), deriveSeries(s, world(), file.drivers))], { maxGroup: 1 }).sequences[0]!.steps[0]!;
    expect(step.verdict).toBe('pass');
  });
});
