// The binding read from the code, on real mail: the 150 linaro-mm-sig threads (dma-buf's own list).
// Reading must never fail, and a fact that would raise a model alarm (a match that asserts the
// lock, an unmap that releases nothing) must come only from code that really does so: these are
// posted, reviewed series, so every such fact is checked against the line it points at.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { deriveSeries, loadSequenceFile } from '../src/analysis/refmodel/index.js';
import { loadSeriesSet } from '../src/series/index.js';
import { describeShared, REPO_ROOT, sharedPath } from './support/shared.js';

describeShared('binding derived from real dma-buf threads', ['corpus', 'linaro-mm-sig', 'threads'], () => {
  it('reads every series without error; each derived fact points at a line that says it', async () => {
    const file = loadSequenceFile(join(REPO_ROOT, 'fixtures/dmabuf-mapping-types/sequence.json'));
    const root = sharedPath('corpus', 'linaro-mm-sig', 'threads');
    let series = 0;
    const facts: string[] = [];
    for (const dir of readdirSync(root)) {
      const set = await loadSeriesSet(join(root, dir, 'thread.mbox'));
      for (const s of set.series) {
        series++;
        for (const e of deriveSeries(s, file.base, file.drivers)) {
          for (const d of e.deltas) {
            const f = s.patches.find((p) => p.index === e.patch)!.files.find((x) => x.path === d.origin.file)!;
            const text = f.hunks.flatMap((h) => h.lines).find((l) => l.newLine === d.origin.line && l.kind !== 'remove')?.text ?? '';
            facts.push(`${JSON.stringify(d.delta)} ${JSON.stringify(text.trim())}`);
            // An alarm fact must sit on code that says it: an assertion, or an unmap with no release in it.
            if (d.delta.op === 'set-match-lock' && d.delta.asserts) expect(text).toMatch(/dma_resv_assert_held/);
            if (d.delta.op === 'set-unmap-leaks') expect(text).toMatch(/unmap/);
          }
        }
      }
    }
    expect(series).toBeGreaterThanOrEqual(150);
    // Real merged code raises no alarm: no lock-asserting match, no unmap that leaks.
    expect(facts.filter((f) => /"(asserts|leaks)":true/.test(f))).toEqual([]);
    // The one dma-buf exporter series among them (vfio's) is read: its unmap releases what map took.
    expect(facts).toContainEqual(expect.stringMatching(/^\{"op":"set-unmap-leaks","exporter":"vfio-pci","leaks":false\}/));
  }, 300_000);
});
