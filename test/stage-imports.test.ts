// The pipeline is one-way: a stage may import only itself, earlier stages, and src/util; and it
// reaches another stage only through that stage's index.ts (or a sub-stage's: analysis/checks,
// present/report…), the names the stage chose to show.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const SRC = resolve(__dirname, '../src');
const ORDER = ['util', 'ingest', 'series', 'archive', 'analysis', 'review', 'present', 'cli'];

/**
 * Cross-stage imports allowed past an index.ts, each for a reason an index cannot serve.
 * - cli → tui/ink-environment: must run before Ink is imported (Ink reads CI once at import), so it
 *   cannot come through tui/index.ts, which imports Ink.
 * - cli → tui/start: the first frame is drawn before Ink and React load (they are most of the
 *   start-up), so the Ink-free start module cannot come through tui/index.ts either.
 */
const ALLOWED_BYPASS = new Set(['cli -> present/tui/ink-environment', 'cli -> present/tui/start']);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

function parts(file: string): string[] {
  return relative(SRC, file).replace(/\.(js|tsx?)$/, '').split(/[\\/]/);
}

function stageOf(file: string): number {
  return ORDER.indexOf(parts(file)[0]!);
}

/** `series/index`, `analysis/checks/index`, `present/index`: a stage's or a sub-stage's front door. */
function isFrontDoor(target: string[]): boolean {
  return target[target.length - 1] === 'index' && target.length <= 3;
}

function imports(file: string): string[] {
  // Static imports and dynamic import('...') alike: a lazy import is still a door into the stage.
  return [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\(\s*)['"](\.[^'"]+)['"]/g)].map((m) => m[1]!);
}

const product = () => walk(SRC).filter((f) => !/\.test\.tsx?$|\.test-util\.tsx?$/.test(f));

describe('stage imports', () => {
  it('every relative import goes to the same or an earlier stage', () => {
    const bad: string[] = [];
    for (const file of product()) {
      const from = stageOf(file);
      expect(from, file).toBeGreaterThanOrEqual(0);
      for (const spec of imports(file)) {
        if (stageOf(resolve(dirname(file), spec)) > from) bad.push(`${relative(SRC, file)} -> ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("an import into another stage goes through that stage's index.ts", () => {
    const bad: string[] = [];
    for (const file of product()) {
      const from = parts(file)[0]!;
      for (const spec of imports(file)) {
        const target = parts(resolve(dirname(file), spec));
        if (target[0] === from || target[0] === 'util' || isFrontDoor(target)) continue;
        if (ALLOWED_BYPASS.has(`${from} -> ${target.join('/')}`)) continue;
        bad.push(`${relative(SRC, file)} -> ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the rule itself catches a bypass (a sanity check on the matcher)', () => {
    expect(isFrontDoor(['series', 'types'])).toBe(false);
    expect(isFrontDoor(['series', 'index'])).toBe(true);
    expect(isFrontDoor(['analysis', 'checks', 'index'])).toBe(true);
    expect(isFrontDoor(['analysis', 'checks', 'deep', 'index'])).toBe(false);
  });
});
