// How a failed apply reads in `check` and `report --format text|md` (issue 12 item 10): git's own
// words and the hunk git could not place, as text; never a raw, cut JSON object.
import { afterEach, describe, expect, it } from 'vitest';
import { applySeries } from '../../analysis/apply/index.js';
import { seriesOfDiffs } from '../../analysis/apply/series-of-diffs.js';
import { makeTree, removeTestTrees } from '../../analysis/apply/temp-tree.test-util.js';
import { applyBlocks } from './analysis-section.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';

afterEach(() => removeTestTrees());

const modifyLib = ['diff --git a/lib.c b/lib.c', 'index 1111111..2222222 100644', '--- a/lib.c', '+++ b/lib.c',
  '@@ -1,3 +1,3 @@', ' int answer(void)', ' {', '-\treturn 41;', '+\treturn 42;', ''].join('\n');
const intoGit = ['diff --git a/.git/hooks/post-commit b/.git/hooks/post-commit', 'new file mode 100755', '--- /dev/null',
  '+++ b/.git/hooks/post-commit', '@@ -0,0 +1 @@', '+echo pwned', ''].join('\n');

describe('a failed apply, as text', { timeout: 30_000 }, () => {
  it('says which file and hunk did not apply and what git said, with no JSON', async () => {
    const base = makeTree({ 'lib.c': 'int answer(void)\n{\n\treturn 7;\n}\n' });
    const result = await applySeries(seriesOfDiffs('t', [{ subject: 'lib: 42', diffText: modifyLib }]), { kind: 'dir', path: base });
    expect(result.appliedAll).toBe(false);
    for (const out of [renderText(applyBlocks(result)), renderMarkdown(applyBlocks(result))]) {
      expect(out).not.toMatch(/[{}]"|"gitMessage"|"hunk"/);
      expect(out).toMatch(/patch 1: does not apply to lib\.c at line 1/);
      expect(out).toMatch(/git: error: patch failed: lib\.c:1/);
      expect(out).toMatch(/hunk: @@ -1,3 \+1,3 @@/);
    }
    // The finding (checkpatch-style line of `check`) is one line: no escaped newline in the text.
    expect(result.findings[0]!.message).toBe('patch 1 does not apply to lib.c at line 1: error: patch failed: lib.c:1 (and 1 more from git)');
  });

  it('names a refused path and the reason, with no JSON', async () => {
    const result = await applySeries(seriesOfDiffs('t', [{ subject: 'hook', diffText: intoGit }]), { kind: 'dir', path: makeTree({ a: 'x\n' }) });
    const out = renderText(applyBlocks(result));
    expect(out).not.toMatch(/"path"|"reason"|[{}]/);
    expect(out).toMatch(/patch 1: refused: \.git\/hooks\/post-commit: writes inside \.git/);
  });
});
