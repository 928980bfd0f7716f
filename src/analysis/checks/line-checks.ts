import { patchCheck, type CheckHit, type CheckOptions, type CheckSpec, type PatchCheck } from './check.js';
import { addedLineHit, addedLines, bodyLineHit, isSourceFile } from './diff-lines.js';
import { patchTrailers, type RawTrailer } from './trailer-lines.js';

type LineSpec<Id extends string> = Omit<CheckSpec<PatchCheck<Id>>, 'run'>;

/**
 * A check that judges each added line on its own, as most of checkpatch's do: `problem` returns the message for a
 * bad line, null for a good one. `sourceOnly` limits it to the files whose code style checkpatch judges, `files` to
 * those a given checkpatch rule looks at (each of its rules has its own list of extensions).
 */
export function addedLineCheck<const Id extends string>(
  spec: LineSpec<Id> & { sourceOnly?: boolean; files?: RegExp; problem(text: string, options: CheckOptions): string | null },
): PatchCheck<Id> {
  const { sourceOnly = false, files, problem, ...info } = spec;
  return patchCheck({
    ...info,
    run(patch, { options }) {
      return addedLines(patch).flatMap((added) => {
        if (sourceOnly && !isSourceFile(added.file.path)) return [];
        if (files !== undefined && !files.test(added.file.path)) return [];
        const message = problem(added.line.text, options);
        return message === null ? [] : [addedLineHit(added, message)];
      });
    },
  });
}

/**
 * A check that judges each trailer of the commit message, seeing the trailer on the next line too (for pairs such
 * as Co-developed-by/Signed-off-by). A string is a finding on the trailer itself; a CheckHit may point elsewhere.
 */
export function trailerCheck<const Id extends string>(
  spec: LineSpec<Id> & { problem(trailer: RawTrailer, next: RawTrailer | undefined): CheckHit | string | null },
): PatchCheck<Id> {
  const { problem, ...info } = spec;
  return patchCheck({
    ...info,
    run(patch) {
      const trailers = patchTrailers(patch);
      return trailers.flatMap((t, i) => {
        const next = trailers[i + 1];
        const found = problem(t, next !== undefined && next.bodyLine === t.bodyLine + 1 ? next : undefined);
        if (found === null) return [];
        return [typeof found === 'string' ? bodyLineHit(t, found) : found];
      });
    },
  });
}
