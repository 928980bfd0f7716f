import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, lstatSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveWriteTarget, writeFileAtomic } from './atomic-write.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'patchscope-atomic-'));
  dirs.push(d);
  return d;
}
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('writeFileAtomic', () => {
  it('creates and replaces a file, leaving no temporary file behind', () => {
    const d = tempDir();
    const f = join(d, 'out.mbx');
    writeFileAtomic(f, 'one\n');
    writeFileAtomic(f, 'two\n');
    expect(readFileSync(f, 'utf8')).toBe('two\n');
    expect(readdirSync(d)).toEqual(['out.mbx']);
  });

  it('follows a symbolic link as git does: the link stays, its target is replaced', () => {
    const d = tempDir();
    mkdirSync(join(d, 'real'));
    writeFileSync(join(d, 'real', 'r.md'), 'old');
    symlinkSync(join('real', 'r.md'), join(d, 'link.md'));
    writeFileAtomic(join(d, 'link.md'), 'new');
    expect(lstatSync(join(d, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(d, 'real', 'r.md'), 'utf8')).toBe('new');
    expect(resolveWriteTarget(join(d, 'link.md'))).toBe(join(d, 'real', 'r.md'));
  });

  it('refuses a loop of links with ELOOP and writes nothing', () => {
    const d = tempDir();
    symlinkSync('b', join(d, 'a'));
    symlinkSync('a', join(d, 'b'));
    expect(() => writeFileAtomic(join(d, 'a'), 'x')).toThrow(/symbolic links/);
    expect(readdirSync(d).sort()).toEqual(['a', 'b']);
  });

  it('keeps the old file whole when the write fails (no such folder for the temporary file)', () => {
    const d = tempDir();
    expect(() => writeFileAtomic(join(d, 'missing', 'x'), 'x')).toThrow(/ENOENT/);
  });
});
