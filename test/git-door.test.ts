// README's promise "git runs only through src/util/git" as a test: no other product file imports
// simple-git or starts a process (a type-only import of node:child_process is fine).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '../src');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(n) && !/\.test(-util)?\.tsx?$/.test(n) ? [p] : [];
  });
}

describe('one door to git', () => {
  it('only src/util/git imports simple-git or child_process', () => {
    const outside = walk(SRC)
      .filter((f) => !relative(SRC, f).startsWith(join('util', 'git')))
      .filter((f) => /^import (?!type )[^;]*from ['"](simple-git|node:child_process|child_process)['"]/m.test(readFileSync(f, 'utf8')));
    expect(outside.map((f) => relative(SRC, f))).toEqual([]);
  });
});
