import { afterEach, describe, expect, it } from 'vitest';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { findUnsafePaths, patchPaths, pathTextProblem, unquotePath } from './paths.js';
import { makeTree, removeTestTrees } from './temp-tree.test-util.js';

afterEach(() => removeTestTrees());

const modify = (path: string): string =>
  `diff --git a/${path} b/${path}\nindex 1..2 100644\n--- a/${path}\n+++ b/${path}\n@@ -1 +1 @@\n-old\n+new\n`;

describe('patchPaths', () => {
  it('reads the paths of every header, stripping a/ and b/', () => {
    const text = modify('lib/x.c') + 'diff --git a/old.c b/new.c\nsimilarity index 90%\nrename from old.c\nrename to new.c\n';
    expect(patchPaths(text).map((p) => [p.path, p.diffLine])).toEqual([['lib/x.c', 1], ['old.c', 8], ['new.c', 8]]);
  });

  it('does not read a removed line that looks like a header inside a hunk', () => {
    const text = 'diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1 @@\n--- /etc/passwd\n-x\n+y\n';
    expect(patchPaths(text).map((p) => p.path)).toEqual(['a.txt']);
  });

  it('unquotes C-quoted names as git writes them', () => {
    expect(unquotePath('"a/caf\\303\\251\\n.c"')).toBe('a/café\n.c');
    const text = 'diff --git "a/x\\ny" "b/x\\ny"\nnew file mode 100644\n--- /dev/null\n+++ "b/x\\ny"\n@@ -0,0 +1 @@\n+z\n';
    expect(patchPaths(text).map((p) => p.path)).toEqual(['x\ny']);
  });

  it('marks paths that become symbolic links', () => {
    const text = 'diff --git a/l b/l\nnew file mode 120000\n--- /dev/null\n+++ b/l\n@@ -0,0 +1 @@\n+/etc\n\\ No newline at end of file\n';
    expect(patchPaths(text)).toEqual([{ path: 'l', diffLine: 1, becomesSymlink: true }]);
  });
});

describe('pathTextProblem', () => {
  it.each([
    ['../../etc/passwd', '".." climbs out of the tree'],
    ['/etc/passwd', 'absolute path'],
    ['.git/hooks/pre-commit', 'writes inside .git'],
    ['sub/.GIT/config', 'writes inside .git'],
    ['a\nb', 'control character (newline, tab …) in the file name'],
    ['a;rm -rf ~', 'shell metacharacter in the file name'],
    ['$(touch x)', 'shell metacharacter in the file name'],
  ])('refuses %j', (path, reason) => expect(pathTextProblem(path)).toBe(reason));

  it('accepts ordinary kernel paths', () => {
    expect(pathTextProblem('drivers/dma-buf/dma-buf-mapping.c')).toBeNull();
    expect(pathTextProblem('tools/testing/selftests/iommu/iommufd_utils.h')).toBeNull();
  });
});

describe('findUnsafePaths', () => {
  it('refuses a write through a symbolic link already in the tree', () => {
    const root = makeTree({ 'real/a.c': 'x\n' });
    symlinkSync('/tmp', join(root, 'link'));
    expect(findUnsafePaths(modify('link/a.c'), root)).toEqual([{ path: 'link/a.c', diffLine: 1, reason: 'passes through the symbolic link link' }]);
    expect(findUnsafePaths(modify('real/a.c'), root)).toEqual([]);
  });

  it('refuses a write through a link the same patch creates', () => {
    const text = 'diff --git a/l b/l\nnew file mode 120000\n--- /dev/null\n+++ b/l\n@@ -0,0 +1 @@\n+/tmp\n' + modify('l/f');
    expect(findUnsafePaths(text, makeTree({})).map((u) => u.path)).toEqual(['l/f']);
  });

  // git reads a mode with strtoul(…, 8) and canon_mode(): leading blanks and zeros, any permission
  // bits and anything after a blank still make a symbolic link (issue 12 item 4).
  it.each([
    ['new file mode 0120000', 'new file mode 0120000'],
    ['new file mode 120000 with a trailing space', 'new file mode 120000 '],
    ['new file mode with a leading blank', 'new file mode  120000'],
    ['new file mode with permission bits', 'new file mode 120755'],
    ['new file mode with a tab and trailing text', 'new file mode 120000\tx'],
    ['new mode after an old mode', 'old mode 100644\nnew mode 0120000 '],
  ])('refuses a write through a link made with %s', (_what, modeLines) => {
    const text = `diff --git a/l b/l\n${modeLines}\n--- /dev/null\n+++ b/l\n@@ -0,0 +1 @@\n+/tmp\n` + modify('l/f');
    expect(findUnsafePaths(text, makeTree({})).map((u) => u.path)).toEqual(['l/f']);
  });

  it('sees the link a rename keeps (mode on the index line)', () => {
    const text = 'diff --git a/old b/l\nsimilarity index 100%\nrename from old\nrename to l\nindex 1111111..1111111 120000\n' + modify('l/f');
    expect(findUnsafePaths(text, makeTree({})).map((u) => u.path)).toEqual(['l/f']);
  });

  it.each(['100644', '100755', '0100644', '100644 ', '160000', '40000'])('takes mode %j as no link (no false alarm)', (mode) => {
    const text = `diff --git a/l b/l\nnew file mode ${mode}\n--- /dev/null\n+++ b/l\n@@ -0,0 +1 @@\n+x\n` + modify('l/f');
    expect(findUnsafePaths(text, makeTree({}))).toEqual([]);
  });
});
