import { patchCheck } from './check.js';
import { bodyLineHit } from './diff-lines.js';
import { patchTrailerBlock, type RawTrailer } from './trailer-lines.js';

/**
 * checkpatch's rule for a standard signature: the key ends in one of its tags, so the long-standing combined forms
 * `Reported-and-tested-by:` and `Suggested-and-reviewed-by:` are standard (a Reported-and-tested-by still wants its
 * Closes:, see bad-reported-by-link).
 */
const STANDARD_ENDING = /(?:^|-)(?:signed-off|co-developed|acked|tested|reviewed|reported|suggested)-by$/i;

/** What checkpatch says about the shape of a trailer line, first problem only (its BAD_SIGN_OFF messages). */
function shapeProblem(t: RawTrailer): string | null {
  const name = t.knownKey ?? t.key;
  if (!t.hasColon) return `'${t.key}' lacks its colon: write '${name}: value'`;
  if (/\s/.test(t.key)) return `Non-standard signature: '${t.key}:' - did you mean '${name}:'?`;
  if (t.indent !== '') return `Do not use whitespace before ${name}:`;
  if (t.spaceBeforeColon !== '') return `Do not use whitespace before the colon of ${name}:`;
  if (t.spaceAfterColon !== ' ') return `Use a single space after ${name}:`;
  if (t.value.trim() === '') return `${name}: has no value`;
  if (t.knownKey === null && /-by$/i.test(t.key) && !STANDARD_ENDING.test(t.key)) return `Non-standard signature: ${t.key}:`;
  return null;
}

/** Shape problems of each trailer, plus the lines among the trailers that are none (git would drop them). */
export const trailerMalformed = patchCheck({
  id: 'trailer-malformed',
  severity: 'warning',
  checkpatchType: 'BAD_SIGN_OFF',
  description: "a trailer line is not 'Key: value' (missing colon, stray blanks, unknown signature tag, wrapped line)",
  run(patch) {
    const block = patchTrailerBlock(patch);
    const shapes = block.trailers.flatMap((t) => {
      const problem = shapeProblem(t);
      return problem === null ? [] : [bodyLineHit(t, problem)];
    });
    const strayMessage = 'not a trailer: a trailer wrapped onto this line, or prose among the trailers';
    const stray = block.stray.map((l) => bodyLineHit(l, strayMessage));
    return [...shapes, ...stray];
  },
});
