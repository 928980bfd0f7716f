import { patchCheck } from './check.js';
import { addedLineHit, addedLines, isSourceFile, type AddedLine } from './diff-lines.js';

/** Consecutive added lines that must repeat before a block counts as pasted twice. */
const MIN_BLOCK = 4;

/** A line worth comparing: code with some substance, not a brace, blank, comment, label or bare return. */
function isNonTrivial(text: string): boolean {
  const t = text.trim();
  if (t.length < 12) return false;
  if (/^(?:\/\/|\/\*|\*|#\s*(?:include|endif|else))/.test(t)) return false;
  if (/^(?:return\s*-?\w*;|break;|goto \w+;|[{}]\)?;?|else\b.*)$/.test(t)) return false;
  return true;
}

/**
 * What reviewers miss: a block of ≥ 4 non-trivial added lines followed at once by the same block (identical after
 * whitespace) — a paste or a hunk applied twice. Only back-to-back copies inside one run of `+` lines: on the
 * corpus, copies far apart in a patch were all deliberate parallel code (one per function), never a bug.
 */
export const duplicatedAddedBlock = patchCheck({
  id: 'duplicated-added-block',
  severity: 'check',
  description: 'the same block of ≥ 4 non-trivial added lines twice in a row in one patch',
  run(patch) {
    const runs: AddedLine[][] = [];
    let last: AddedLine | null = null;
    for (const a of addedLines(patch)) {
      if (!isSourceFile(a.file.path)) { last = null; continue; }
      const contiguous = last !== null && last.file === a.file && last.line.newLine !== null && a.line.newLine === last.line.newLine + 1;
      if (contiguous) runs[runs.length - 1]!.push(a); else runs.push([a]);
      last = a;
    }
    const norm = (a: AddedLine) => a.line.text.replace(/\s+/g, ' ').trim();
    const hits = [];
    for (const run of runs) {
      const keys = run.map(norm);
      // Longest block first, so a pasted 6-line block is one finding, not three 4-line ones.
      for (let i = 0; i < run.length; ) {
        let found = 0;
        for (let k = Math.floor((run.length - i) / 2); k >= MIN_BLOCK; k--) {
          const first = run.slice(i, i + k);
          if (!first.every((a) => isNonTrivial(a.line.text) && !/,\s*$/.test(a.line.text))) continue;
          // A run of equal rows is a table (the corpus's Rust f32 coefficient arrays), not a pasted block.
          if (new Set(keys.slice(i, i + k)).size < 3) continue;
          if (keys.slice(i, i + k).every((key, j) => key === keys[i + k + j])) { found = k; break; }
        }
        if (found === 0) { i++; continue; }
        const second = run[i + found]!;
        hits.push(addedLineHit(second, `these ${found} added lines repeat the ${found} added just before them (from ${run[i]!.file.path}:${run[i]!.line.newLine}): pasted or applied twice?`));
        i += 2 * found;
      }
    }
    return hits;
  },
});
