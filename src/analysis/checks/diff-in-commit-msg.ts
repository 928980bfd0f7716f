import { patchCheck } from './check.js';
import { commitMessageLines } from './commit-message.js';
import { bodyLineHit } from './diff-lines.js';

/**
 * git mailinfo ends the commit message at the first `diff -`, `Index: ` or `--- file` line, and patch(1) applies
 * any hunk it finds, so diff text pasted above the `---` separator loses the rest of the message or changes the tree.
 */
const DIFF_MARKER = /^(?:diff -|Index: |--- \S|\+\+\+ \S|@@ -\d)/;

export const diffInCommitMsg = patchCheck({
  id: 'diff-in-commit-msg',
  severity: 'warning',
  description: 'diff lines (diff --git, ---/+++ headers, @@ hunks) appear in the commit message',
  run(patch) {
    return commitMessageLines(patch)
      .filter((l) => DIFF_MARKER.test(l.text))
      .map((l) => bodyLineHit(l, 'Avoid using diff content in the commit message - patch(1) might not work'));
  },
});
