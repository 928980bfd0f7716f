import { createHash } from 'node:crypto';
import type { Patch } from '../../series/index.js';

/**
 * A patch as git range-diff compares it (git range-diff.c `read_patches`): a header with the
 * author and the commit message indented by four, then the diff with line numbers taken out, so
 * that a patch that only moved within its file compares equal.
 */
export interface RangeDiffPatchText {
  /** `## Metadata ##` and `## Commit message ##` sections. */
  header: string[];
  /** The diff: `## path ##` per file, `@@ function` per hunk, then the hunk lines. */
  diff: string[];
  /** Lines of the diff part: the cost of creating or dropping this patch. */
  diffSize: number;
  /** Seven hex digits standing in for the commit id git prints (mail carries none). */
  shortHash: string;
}

const FILE_HEADER = /^diff --git a\/(.+?) b\/(.+)$/;
const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@ ?(.*)$/;
// Lines that carry blob ids or repeat the file names: git range-diff drops them too.
const SKIPPED = /^(index |--- |\+\+\+ |similarity index |dissimilarity index |rename from |rename to |copy from |copy to )/;
const MODE_LINE = /^(new file mode|deleted file mode|old mode|new mode) /;

function normaliseDiff(diffText: string): string[] {
  const out: string[] = [];
  for (const line of diffText.replace(/\n$/, '').split('\n')) {
    if (line === '-- ') break; // the mail signature after the diff
    const file = FILE_HEADER.exec(line);
    if (file) {
      out.push(file[1] === file[2] ? `## ${file[1]} ##` : `## ${file[1]} => ${file[2]} ##`);
      continue;
    }
    const hunk = HUNK_HEADER.exec(line);
    if (hunk) out.push(hunk[1] ? `@@ ${hunk[1]}` : '@@');
    else if (MODE_LINE.test(line)) out.push(` ## ${line} ##`);
    else if (!SKIPPED.test(line)) out.push(line);
  }
  return out;
}

function normaliseHeader(patch: Patch): string[] {
  const author = patch.author ? `${patch.author.name} <${patch.author.email}>` : '(unknown)';
  const message = patch.commitMessage.replace(/\n+$/, '').split('\n');
  return [
    ' ## Metadata ##', `Author: ${author}`, '',
    ' ## Commit message ##', `    ${patch.subject}`, '',
    ...message.map((l) => (l === '' ? '' : `    ${l}`)), '',
  ];
}

export function toRangeDiffText(patch: Patch): RangeDiffPatchText {
  const diff = normaliseDiff(patch.diffText);
  const shortHash = createHash('sha1').update(patch.commitMessage).update('\0').update(patch.diffText).digest('hex').slice(0, 7);
  return { header: normaliseHeader(patch), diff, diffSize: diff.length, shortHash };
}
