// Issue 14: native `check` against checkpatch.pl on the 150-thread linaro-mm-sig corpus.
import { expect, it } from 'vitest';
import type { Finding } from '../src/analysis/findings.js';
import { corpusPatches, corpusThreads } from './support/corpus-checkpatch.js';
import { comparePatch, emptyComparison, nativeFindings } from './support/corpus-compare.js';
import { describeShared } from './support/shared.js';

describeShared('native check against checkpatch.pl on the real corpus', ['corpus', 'linaro-mm-sig'], () => {
  it('reports what checkpatch reports in the TYPEs it implements', async () => {
    const cmp = emptyComparison();
    const cache = new Map<object, Finding[]>();
    for (const thread of corpusThreads()) {
      const { patches } = await corpusPatches(thread);
      for (const p of patches) comparePatch(p, nativeFindings(p, cache), cmp);
    }
    const pct = (a: number, b: number) => (b === 0 ? 100 : (100 * a) / b).toFixed(1);
    const rows = [...cmp.byType].sort((a, b) => b[1].expected - a[1].expected).map(([t, r]) => `${t} ${r.matched}/${r.expected}`);
    console.log(`recall ${cmp.matched}/${cmp.expected} = ${pct(cmp.matched, cmp.expected)}%\n${rows.join('\n')}`);
    console.log(`native-only ${cmp.nativeOnly.length}, agreed ${cmp.agreed}`);
    const byType = new Map<string, number>();
    for (const n of cmp.nativeOnly) byType.set(n.type, (byType.get(n.type) ?? 0) + 1);
    console.log([...byType].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join('\n'));
    if (process.env.DUMP) for (const n of cmp.nativeOnly) console.log(JSON.stringify(n));
    expect(cmp.expected).toBeGreaterThan(0);
  }, 600_000);
});
