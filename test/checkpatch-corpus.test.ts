// Issue 14 (2, 3): native `check` against checkpatch.pl on the 150-thread linaro-mm-sig corpus. Recall in the TYPEs
// we implement, matched by (patch, TYPE, line ±2), must stay at 90% or more; every native finding checkpatch does
// not report must be listed, with why it is true, in test/data/native-only-findings.tsv (reviewed by hand).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Finding } from '../src/analysis/findings.js';
import { corpusPatches, corpusThreads } from './support/corpus-checkpatch.js';
import { comparePatch, emptyComparison, nativeFindings, seriesWideFindings, type Comparison, type NativeOnly } from './support/corpus-compare.js';
import { describeShared, REPO_ROOT } from './support/shared.js';

const LISTED = join(REPO_ROOT, 'test', 'data', 'native-only-findings.tsv');
const keyOf = (n: NativeOnly): string => [n.thread, n.patch, n.type, n.line ?? '-', n.message].join('\t');

/** The reviewed list: `thread patch TYPE line message reason`, tab-separated; `#` lines are comments. */
function listed(): Map<string, string> {
  const rows = readFileSync(LISTED, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  return new Map(rows.map((row) => {
    const cells = row.split('\t');
    return [cells.slice(0, 5).join('\t'), cells[5] ?? ''];
  }));
}

describeShared('native check against checkpatch.pl on the real corpus', ['corpus', 'linaro-mm-sig'], () => {
  let cmp: Comparison;

  beforeAll(async () => {
    cmp = emptyComparison();
    const cache = new Map<object, Finding[]>();
    const seen = new Set<object>();
    for (const thread of corpusThreads()) {
      const { patches } = await corpusPatches(thread);
      for (const p of patches) {
        comparePatch(p, nativeFindings(p, cache), cmp);
        cmp.nativeOnly.push(...seriesWideFindings(p, cache, seen));
      }
    }
  }, 600_000);

  it('reports at least 90% of what checkpatch reports in the TYPEs it implements', () => {
    const pct = (100 * cmp.matched) / cmp.expected;
    const rows = [...cmp.byType].sort((a, b) => b[1].expected - a[1].expected).map(([t, r]) => `  ${t} ${r.matched}/${r.expected}`);
    console.log(`recall ${cmp.matched}/${cmp.expected} = ${pct.toFixed(1)}% (patch, TYPE, line ±2)\n${rows.join('\n')}`);
    console.log(`native findings checkpatch reports too: ${cmp.agreed}; native only: ${cmp.nativeOnly.length}`);
    if (process.env.DUMP) for (const n of cmp.nativeOnly) console.log(`NATIVE-ONLY\t${keyOf(n)}`);
    expect(cmp.expected).toBeGreaterThan(1000);
    expect(pct).toBeGreaterThanOrEqual(90);
  });

  it('lists every native-only finding in the reviewed data file, each with a reason', () => {
    const reviewed = listed();
    const unlisted = cmp.nativeOnly.filter((n) => !reviewed.has(keyOf(n))).map(keyOf);
    expect(unlisted, 'native findings checkpatch does not report and nobody reviewed').toEqual([]);
    expect([...reviewed].filter(([, reason]) => reason.trim().length < 10).map(([k]) => k), 'rows without a reason').toEqual([]);
    const precision = cmp.agreed / (cmp.agreed + cmp.nativeOnly.length);
    console.log(`native findings agreeing with checkpatch: ${(100 * precision).toFixed(1)}%; the rest reviewed true: ${reviewed.size} rows`);
  });

  it('lists no finding the native checks no longer report (a stale row would excuse a future false alarm)', () => {
    const produced = new Set(cmp.nativeOnly.map(keyOf));
    const stale = [...listed().keys()].filter((k) => !produced.has(k));
    expect(stale, 'rows of test/data/native-only-findings.tsv that no native check reports any more').toEqual([]);
  });
});
