// The pipeline is one-way: a stage may import only itself, earlier stages, and src/util.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const SRC = resolve(__dirname, '../src');
const ORDER = ['util', 'ingest', 'series', 'analysis', 'review', 'present', 'cli'];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

function stageOf(file: string): number {
  return ORDER.indexOf(relative(SRC, file).split(/[\\/]/)[0]!);
}

describe('stage imports', () => {
  it('every relative import goes to the same or an earlier stage', () => {
    const bad: string[] = [];
    for (const file of walk(SRC)) {
      if (/\.test\.tsx?$/.test(file)) continue;
      const from = stageOf(file);
      expect(from, file).toBeGreaterThanOrEqual(0);
      for (const m of readFileSync(file, 'utf8').matchAll(/from\s+['"](\.[^'"]+)['"]/g)) {
        const target = resolve(dirname(file), m[1]!);
        const to = stageOf(target);
        if (to > from) bad.push(`${relative(SRC, file)} -> ${m[1]}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
