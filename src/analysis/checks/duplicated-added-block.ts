import { patchCheck } from './check.js';
import { addedLineHit, addedLines, isSourceFile, type AddedLine } from './diff-lines.js';

/** Consecutive added lines that must repeat before a block counts as pasted twice. */
const MIN_BLOCK = 4;

/**
 * The longest block looked for: blocks are compared line by line from every start, so the bound keeps a crafted run
 * of repeating lines linear; a paste longer than this is still seen as one of its first MAX_BLOCK lines when they
 * repeat back to back.
 */
const MAX_BLOCK = 100;

/**
 * The fewest lines from `i` that hold three different keys, or `limit + 1` when the first `limit` do not: a run of
 * one or two repeating rows is a table (the corpus's Rust f32 coefficient arrays), not a pasted block.
 */
function thirdKeyAt(keys: readonly string[], i: number, limit: number): number {
  const seen = new Set<string>();
  for (let j = i; j < keys.length && j - i < limit; j++) {
    seen.add(keys[j]!);
    if (seen.size === 3) return j - i + 1;
  }
  return limit + 1;
}

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
      const n = run.length;
      // streak[i]: how many lines from i on may open a block (non-trivial, not a list item ending in a comma).
      const streak = new Array<number>(n + 1).fill(0);
      for (let i = n - 1; i >= 0; i--) {
        const t = run[i]!.line.text;
        streak[i] = isNonTrivial(t) && !/,\s*$/.test(t) ? streak[i + 1]! + 1 : 0;
      }
      // Longest block first, so a pasted 6-line block is one finding, not three 4-line ones.
      for (let i = 0; i < n; ) {
        const longest = Math.min(MAX_BLOCK, streak[i]!, Math.floor((n - i) / 2));
        const least = Math.max(MIN_BLOCK, thirdKeyAt(keys, i, longest));
        let found = 0;
        for (let k = longest; k >= least; k--) {
          let same = true;
          for (let j = 0; j < k && same; j++) same = keys[i + j] === keys[i + k + j];
          if (same) { found = k; break; }
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
