import { patchCheck, type CheckHit } from './check.js';
import { bodyLineHit } from './diff-lines.js';
import { patchTrailers, trailerEmail, type RawTrailer } from './trailer-lines.js';

function pairProblem(codev: RawTrailer, next: RawTrailer | undefined): CheckHit | null {
  const adjacent = next !== undefined && next.bodyLine === codev.bodyLine + 1;
  if (!adjacent || next.knownKey !== 'Signed-off-by') {
    return bodyLineHit(codev, 'Co-developed-by: must be immediately followed by Signed-off-by:');
  }
  if (trailerEmail(codev.value) !== trailerEmail(next.value)) {
    return bodyLineHit(next, 'Co-developed-by and Signed-off-by: name/email do not match');
  }
  return null;
}

/** submitting-patches.rst: every co-developer also certifies the DCO, on the very next line. */
export const coDevelopedByWithoutSignOff = patchCheck({
  id: 'co-developed-by-without-sign-off',
  severity: 'warning',
  checkpatchType: 'BAD_SIGN_OFF',
  description: 'a Co-developed-by: is not immediately followed by the same person\'s Signed-off-by:',
  run(patch) {
    const trailers = patchTrailers(patch);
    return trailers.flatMap((t, i) => {
      if (t.knownKey !== 'Co-developed-by') return [];
      const problem = pairProblem(t, trailers[i + 1]);
      return problem === null ? [] : [problem];
    });
  },
});
