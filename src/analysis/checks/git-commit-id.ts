import { patchCheck, type CheckHit } from './check.js';
import { commitMessageLines, type BodyLine } from './commit-message.js';
import { bodyLineHit } from './diff-lines.js';
import { readTrailerBlock } from './trailer-lines.js';

/** `commit <hash>` in prose; the hash is bounded so a long hex run cannot make the scan slow. */
const COMMIT_REF = /\bcommit\s+([0-9a-fA-F]{5,40})\b/g;
/** What submitting-patches.rst wants right after the hash: ` ("<title line>")`, the title possibly wrapped. */
const TITLE_AFTER = /^\s+\("[^"]+"\)/;

/** `git revert` writes `This reverts commit <sha>.` without a title; checkpatch lets it be. */
const REVERT = /^This reverts commit [0-9a-f]{7,40}\b/;

/** What is wrong with one reference; `rest` is what follows the hash, the next line joined on. */
function problemAt(hash: string, rest: string): string | null {
  if (hash.length < 12) return `commit ${hash} has ${hash.length} hex digits; use at least 12`;
  if (hash !== hash.toLowerCase()) return `commit ${hash} should be lower case`;
  if (!TITLE_AFTER.test(rest)) return `commit ${hash.slice(0, 12)} should be followed by its title, as ("<title line>")`;
  return null;
}

const STYLE = `Please use git commit description style 'commit <12+ chars of sha1> ("<title line>")'`;

/** The references of one line, the next line joined on so a title the author wrapped still counts as given. */
function lineProblems(line: BodyLine, next: BodyLine | undefined): CheckHit[] {
  if (REVERT.test(line.text)) return [];
  const joined = next ? `${line.text} ${next.text.trim()}` : line.text;
  return [...line.text.matchAll(COMMIT_REF)].flatMap((m) => {
    const problem = problemAt(m[1]!, joined.slice(m.index + m[0].length));
    return problem === null ? [] : [bodyLineHit(line, `${STYLE} - ${problem}`)];
  });
}

/**
 * checkpatch's GIT_COMMIT_ID: a commit named in the message needs 12+ hex digits and its title, so it stays
 * unambiguous and readable. Indented and `>`-quoted lines are pasted logs (`git log` prints `commit <sha>`), left as is.
 */
export const gitCommitId = patchCheck({
  id: 'git-commit-id',
  severity: 'error',
  description: 'a commit named in the message is not written as commit <12+ hex digits> ("<title line>")',
  run(patch) {
    const lines = commitMessageLines(patch);
    const prose = lines.slice(0, readTrailerBlock(lines).start);
    return prose.flatMap((line, i) => (/^[\s>]/.test(line.text) ? [] : lineProblems(line, prose[i + 1])));
  },
});
