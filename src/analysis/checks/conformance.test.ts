/**
 * The checks on real sample mails from b4's and git's test suites (shared/conformance): each expected finding is
 * something the sample really has, said in the comment beside it.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeriesSet } from '../../series/index.js';
import { runChecks } from './run-checks.js';
import { describeShared, sharedPath } from '../../../test/support/shared.js';

const CONFORMANCE = sharedPath('conformance');

async function findingsIn(sample: string) {
  const set = await loadSeriesSet(resolve(CONFORMANCE, sample));
  return set.series.map((s) => runChecks(s).map((f) => [f.id, f.severity, f.where.bodyLine ?? null]));
}

describeShared('checks on conformance samples', ['conformance'], () => {
  it('b4 trailers-test-simple.txt', async () => {
    expect(await findingsIn('b4-samples/trailers-test-simple.txt')).toEqual([[
      ['missing-base-commit', 'check', null], // no base-commit: line anywhere
      ['subject-no-subsystem', 'check', null], // "[PATCH] Simple test"
      ['missing-signoff', 'error', null], // its trailers have no Signed-off-by
      ['bad-reported-by-link', 'warning', 3], // Reported-by is followed by Reviewed-by
      ['bad-fixes-tag', 'warning', 5], // "Fixes: abcdef01234567890" has no ("title")
      ['corrupted-patch', 'error', 13], // "@@@ -1,1 +1,1 @@" is a combined-diff header in a plain diff
    ]]);
  });

  it('b4 trailers-test-extinfo.txt', async () => {
    expect(await findingsIn('b4-samples/trailers-test-extinfo.txt')).toEqual([[
      ['missing-base-commit', 'check', null],
      ['subject-no-subsystem', 'check', null],
      ['no-author-sign-off', 'error', null], // the only sign-off lost its address to a wrapped line
      ['bad-reported-by-link', 'warning', 3],
      ['bad-fixes-tag', 'warning', 6],
      ['trailer-missing-email', 'error', 10], // "Signed-off-by: Wrapped Persontrailer"
      ['trailer-malformed', 'warning', 11], // "<broken@example.com>", the wrapped rest of it
      ['corrupted-patch', 'error', 18],
    ]]);
  });

  it('git t5100 sample.mbox: the misspelt Signed-of-by of message 4', async () => {
    const all = await findingsIn('git-t5100/sample.mbox');
    const misspelt = all.filter((series) => series.some(([id]) => id === 'trailer-malformed'));
    // Non-standard signature at #6, and as git would not see a sign-off there, neither do we.
    expect(misspelt).toEqual([[
      ['series-numbering-gap', 'error', null], // it is "[PATCH 1/2]" and no 2/2 is in the mbox
      ['series-missing-cover', 'warning', null], // nor a 0/2
      ['missing-base-commit', 'check', null],
      ['missing-signoff', 'error', null],
      ['trailer-malformed', 'warning', 6],
    ]]);
  });

  it('b4 trailers-followup-partial-reroll.mbox: the v3 that resends one patch has no numbering gap', async () => {
    const set = await loadSeriesSet(resolve(CONFORMANCE, 'b4-samples/trailers-followup-partial-reroll.mbox'));
    const reroll = set.series.find((s) => s.partialReroll !== undefined);
    expect(reroll?.partialReroll?.standIns.length).toBeGreaterThan(0);
    expect(runChecks(reroll!, { only: ['series-numbering-gap'] })).toEqual([]);
  });
});
