// `patchscope verify` on the bundled v2 series, byte for byte except timings: the explorer's speed work
// (issue 19) must not change a verdict, a count or a trace. The golden file was written by the
// starting commit's build; regenerate it only for a deliberate change of the model's output.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './support/cli.js';

/** Wall times and rates vary run to run; everything else is pinned. */
const untimed = (text: string): string => text.replace(/ in [0-9.]+ (ms|s)/g, ' in <time>').replace(/[0-9][0-9 ]* states\/s/g, '<rate> states/s');

describe('verify output on fixtures/dmabuf-mapping-types/series-v2.mbox', () => {
  it('is what the starting commit printed (timings aside)', () => {
    const r = runCli(['verify', 'fixtures/dmabuf-mapping-types/series-v2.mbox']);
    expect(r.code).toBe(0);
    expect(untimed(r.out)).toBe(readFileSync(join(__dirname, '../src/analysis/refmodel/golden/verify-series-v2.txt'), 'utf8'));
  });
});
