// README's promise "git runs only through src/util/git" as a test: no other product file imports
// simple-git or starts git itself (other programs, perl for checkpatch or a clipboard tool, may be
// spawned elsewhere).
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
  it('only src/util/git imports simple-git or spawns git', () => {
    const startsGit = /\b(?:spawn|spawnSync|execFile|execFileSync)\(\s*['"`]git['"`]|\bexec(?:Sync)?\(\s*['"`]git\s/;
    const outside = walk(SRC)
      .filter((f) => !relative(SRC, f).startsWith(join('util', 'git')))
      .filter((f) => {
        const text = readFileSync(f, 'utf8');
        return /^import (?!type )[^;]*from ['"]simple-git['"]/m.test(text) || startsGit.test(text);
      });
    expect(outside.map((f) => relative(SRC, f))).toEqual([]);
  });
});
