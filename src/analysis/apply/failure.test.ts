import { describe, expect, it } from 'vitest';
import { parseApplyFailure } from './failure.js';
import { patchOf } from './series-of-diffs.js';

const DIFF = [
  'diff --git a/lib/a.c b/lib/a.c', 'index 1111111..2222222 100644', '--- a/lib/a.c', '+++ b/lib/a.c',
  '@@ -1,2 +1,2 @@ int a(void)', ' first', '-second', '+SECOND',
  '@@ -10,2 +10,2 @@ int b(void)', ' tenth', '-eleventh', '+ELEVENTH', '',
].join('\n');
const patch = patchOf({ subject: 's', diffText: DIFF }, 4, 9);

describe('parseApplyFailure', () => {
  it('finds the hunk git names by its old start line', () => {
    const f = parseApplyFailure(patch, 'error: patch failed: lib/a.c:10\nerror: lib/a.c: patch does not apply\n');
    expect(f).toMatchObject({ file: 'lib/a.c', line: 10, gitMessage: 'error: patch failed: lib/a.c:10\nerror: lib/a.c: patch does not apply' });
    expect(f.hunk?.header).toBe('@@ -10,2 +10,2 @@ int b(void)');
  });

  it('names the file when it is missing from the tree', () => {
    const f = parseApplyFailure(patch, 'error: lib/a.c: No such file or directory\n');
    expect(f).toMatchObject({ file: 'lib/a.c', line: null });
    expect(f.hunk?.oldStart).toBe(1);
  });

  it('keeps git\'s words when it names no file', () => {
    expect(parseApplyFailure(patch, 'error: corrupt patch at line 7\n')).toEqual({ gitMessage: 'error: corrupt patch at line 7', file: null, line: null, hunk: null });
  });

  it('leaves out the progress lines of git apply --verbose (asked for to avoid simple-git\'s silent-process wait)', () => {
    const f = parseApplyFailure(patch, 'Checking patch lib/a.c...\nHunk #1 applied cleanly.\nerror: patch failed: lib/a.c:10\nerror: lib/a.c: patch does not apply\n');
    expect(f.gitMessage).toBe('error: patch failed: lib/a.c:10\nerror: lib/a.c: patch does not apply');
    expect(f.line).toBe(10);
  });
});
