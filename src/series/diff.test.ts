import { describe, it, expect } from 'vitest';
import { splitPatchBody, isPatchBreak } from './split.js';
import { parseDiffstat, statPath } from './diffstat.js';
import { parseDiff, diffstatMismatches } from './diff.js';

// A body as git format-patch writes it: message, `---`, notes, diffstat, diff with a rename, a new binary file and a
// mode change, then the signature.
const BODY = [
  'dma-buf: Add a thing', // 1
  '', // 2
  'Signed-off-by: A B <a@b.org>', // 3
  '---', // 4
  'v2: reworded', // 5
  '', // 6
  ' drivers/{old.c => new.c} | 3 ++-', // 7
  ' img.png                  | Bin 0 -> 4 bytes', // 8
  ' run.sh                   | 0', // 9
  ' 3 files changed, 2 insertions(+), 1 deletion(-)', // 10
  ' create mode 100644 img.png', // 11
  '', // 12
  'diff --git a/drivers/old.c b/drivers/new.c', // 13
  'similarity index 88%', // 14
  'rename from drivers/old.c', // 15
  'rename to drivers/new.c', // 16
  'index 1111111..2222222 100644', // 17
  '--- a/drivers/old.c', // 18
  '+++ b/drivers/new.c', // 19
  '@@ -10,3 +10,4 @@ static int probe(void)', // 20
  ' ctx', // 21
  '-old', // 22
  '+new', // 23
  '+-- not a signature', // 24
  ' ctx2', // 25
  'diff --git a/img.png b/img.png', // 26
  'new file mode 100644', // 27
  'index 0000000..3333333', // 28
  'Binary files /dev/null and b/img.png differ', // 29
  'diff --git a/run.sh b/run.sh', // 30
  'old mode 100644', // 31
  'new mode 100755', // 32
  '-- ', // 33
  '2.43.0', // 34
  '', // 35
].join('\n');

describe('splitPatchBody', () => {
  it('should split as git mailinfo does and cut the signature from the diff', () => {
    const s = splitPatchBody(BODY);
    expect(s.commitMessage).toBe('dma-buf: Add a thing\n\nSigned-off-by: A B <a@b.org>');
    expect(s.breakBodyLine).toBe(4);
    expect(s.diffBodyLine).toBe(13);
    expect(s.notes.split('\n')[0]).toBe('v2: reworded');
    expect(s.diffText.startsWith('diff --git a/drivers/old.c')).toBe(true);
    expect(s.diffText.endsWith('new mode 100755\n')).toBe(true);
    expect(s.patchSection.startsWith('---\nv2: reworded')).toBe(true);
  });

  it.each([
    ['---', true], ['---   ', true], ['--- ', true], ['--- a/x', true], ['diff --git a b', true], ['Index: x', true],
    ['---a', false], ['--', false], ['----', false], ['-- ', false],
  ])('should judge %j a patch break: %s', (line, expected) => {
    expect(isPatchBreak(line)).toBe(expected);
  });

  it('should honour scissors only when asked, as git does', () => {
    const body = 'chatter\n-- >8 --\nreal message\n---\ndiff --git a/x b/x\n';
    expect(splitPatchBody(body).commitMessage).toBe('chatter\n-- >8 --\nreal message');
    expect(splitPatchBody(body, { scissors: true })).toMatchObject({ commitMessage: 'real message', commitBodyLine: 3 });
  });

  it('should give an empty patch for a body without one', () => {
    expect(splitPatchBody('just words\n')).toMatchObject({ patchSection: '', breakBodyLine: null, diffText: '', diffBodyLine: null });
  });
});

describe('parseDiffstat', () => {
  it('should read file lines, renames, binaries and the summary', () => {
    const s = splitPatchBody(BODY);
    expect(parseDiffstat(s.notes)).toEqual({
      files: [
        { path: 'drivers/new.c', changes: 3, binary: false },
        { path: 'img.png', changes: 0, binary: true },
        { path: 'run.sh', changes: 0, binary: false },
      ],
      filesChanged: 3,
      insertions: 2,
      deletions: 1,
    });
    expect(statPath('a/b => c/d')).toBe('c/d');
    expect(parseDiffstat('no stat here')).toBeNull();
  });
});

describe('parseDiff', () => {
  it('should give files, statuses, hunks and line numbers', () => {
    const s = splitPatchBody(BODY);
    const d = parseDiff(s.diffText, s.diffBodyLine ?? 0);
    expect(d.error).toBeNull();
    expect(d.files.map((f) => [f.path, f.oldPath, f.status, f.binary, f.oldMode, f.newMode, f.similarity, f.added, f.removed, f.bodyLine])).toEqual([
      ['drivers/new.c', 'drivers/old.c', 'renamed', false, null, null, 88, 2, 1, 13],
      ['img.png', null, 'added', true, null, '100644', null, 0, 0, 26],
      ['run.sh', 'run.sh', 'modified', false, '100644', '100755', null, 0, 0, 30],
    ]);
    const hunk = d.files[0]?.hunks[0];
    expect(hunk).toMatchObject({ oldStart: 10, oldLines: 3, newStart: 10, newLines: 4, section: 'static int probe(void)', bodyLine: 20 });
    expect(hunk?.lines.map((l) => [l.kind, l.oldLine, l.newLine, l.bodyLine])).toEqual([
      ['context', 10, 10, 21], ['remove', 11, null, 22], ['add', null, 11, 23], ['add', null, 12, 24], ['context', 12, 13, 25],
    ]);
  });

  it('should report wrong hunk counts as a value, not throw', () => {
    const d = parseDiff('--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n-b\n+c\n', 1);
    expect(d.files).toEqual([]);
    expect(d.error).toMatch(/line/);
  });

  it('should cross-check the diffstat against the parsed diff', () => {
    const s = splitPatchBody(BODY);
    const d = parseDiff(s.diffText, 13);
    expect(diffstatMismatches(parseDiffstat(s.notes), d.files)).toEqual([]);
    const lying = parseDiffstat(' drivers/new.c | 9 +++\n other.c | 1 +\n 2 files changed, 9 insertions(+)');
    expect(diffstatMismatches(lying, d.files)).toEqual([
      { path: 'drivers/new.c', stated: 9, actual: 3 },
      { path: 'other.c', stated: 1, actual: null },
      { path: 'img.png', stated: null, actual: 0 },
      { path: 'run.sh', stated: null, actual: 0 },
      { path: '(insertions)', stated: 9, actual: 2 },
      { path: '(deletions)', stated: 0, actual: 1 },
      { path: '(files changed)', stated: 2, actual: 3 },
    ]);
  });
});
