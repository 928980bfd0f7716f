// `patchscope index` loads only what indexing needs (issue 18): once it imported the report stage, which took
// ~300 modules (checks, review, mail sending) and 0.4 s of CPU at every run. This walks the static imports of the
// command's module, as Node loads them, and fails when a stage indexing never uses comes back into the graph.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '../..');
const STATIC_IMPORT = /^\s*(?:import|export)\s(?:[^;'"]*?\sfrom\s)?['"](\.[^'"]+)['"]/gm;

function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      if (/^\s*import\s+type\s/.test(m[0]) || /^\s*export\s+type\s/.test(m[0])) continue;
      const target = resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts'));
      if (existsSync(target)) todo.push(target);
    }
  }
  return seen;
}

describe('the index command', () => {
  it('does not load the analysis, review or report stages', () => {
    const files = [...staticGraph(join(SRC, 'cli/commands/index-command.ts'))].map((f) => relative(SRC, f));
    expect(files).toContain('archive/index.ts');
    // present/index.ts's sanitizer brings one small report module (blocks.ts), not the report stage.
    expect(files.filter((f) => /^(analysis|review|present\/tui)\/|^present\/report\/index\.ts$/.test(f))).toEqual([]);
  });
});
