// The start-up build (scripts/bundle.mjs → dist/bundle/) that bin/patchscope runs: built beside tsc's
// dist/ by the global setup as by `npm run build`, with every worker the code starts by URL, giving
// the same output as tsc's one-file-per-module build; bin/patchscope falls back to dist/cli/ when
// the bundle is missing or older than the last tsc build.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BIN, runCli } from './support/cli.js';

const ROOT = resolve(__dirname, '..');
const dist = (p: string) => join(ROOT, 'dist', p);

function sources(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory()
    ? sources(join(dir, e.name))
    : /\.tsx?$/.test(e.name) && !/\.test(-util)?\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

describe('the bundle bin/patchscope runs', () => {
  it('is built and newer than tsc output, so bin/patchscope runs it', () => {
    expect(existsSync(dist('bundle/main.js'))).toBe(true);
    expect(statSync(dist('bundle/main.js')).mtimeMs).toBeGreaterThanOrEqual(statSync(dist('cli/main.js')).mtimeMs);
  });

  it('holds every worker the code starts from the file beside it', () => {
    const workers = sources().flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/new URL\(['"]\.\/([\w-]+\.js)['"], import\.meta\.url\)/g)].map((m) => m[1]!));
    expect(workers).toEqual(expect.arrayContaining(['decode-worker.js', 'series-worker.js']));
    for (const w of workers) expect(existsSync(dist(`bundle/${w}`)), w).toBe(true);
  });

  it('writes what tsc output writes: show, show --json and am of the bundled series, help', () => {
    const unbundled = (args: string[]) => spawnSync(process.execPath, ['--input-type=module', '-e',
      `import(${JSON.stringify(dist('cli/main.js'))}).then((m) => m.main(${JSON.stringify(args)}))`], { cwd: ROOT, encoding: 'utf8' });
    for (const args of [['show'], ['show', '--json'], ['am'], ['help']]) {
      const a = runCli(args);
      const b = unbundled(args);
      expect(a.out.length, args.join(' ')).toBeGreaterThan(100);
      expect([a.code, a.out, a.err], args.join(' ')).toEqual([b.status, b.stdout, b.stderr]);
    }
  }, 240000);
});

describe('bin/patchscope picks its build', () => {
  const tree = mkdtempSync(join(tmpdir(), 'patchscope-bin-'));
  const say = (what: string) => `export function main() { process.stdout.write(${JSON.stringify(what)}); }\n`;
  mkdirSync(join(tree, 'bin'));
  mkdirSync(join(tree, 'dist/cli'), { recursive: true });
  copyFileSync(BIN, join(tree, 'bin/patchscope'));
  writeFileSync(join(tree, 'package.json'), '{"type":"module"}\n');
  writeFileSync(join(tree, 'dist/cli/main.js'), say('tsc'));
  const run = () => spawnSync(process.execPath, [join(tree, 'bin/patchscope')], { encoding: 'utf8' }).stdout;

  it('runs tsc output when there is no bundle, the bundle when it is as new, tsc output when the bundle is older', () => {
    try {
      expect(run()).toBe('tsc');
      mkdirSync(join(tree, 'dist/bundle'));
      writeFileSync(join(tree, 'dist/bundle/main.js'), say('bundle'));
      const t = new Date();
      utimesSync(join(tree, 'dist/cli/main.js'), t, t);
      utimesSync(join(tree, 'dist/bundle/main.js'), t, t);
      expect(run()).toBe('bundle');
      // `npx tsc -p .` after the last `npm run build`: the bundle would run old code.
      utimesSync(join(tree, 'dist/cli/main.js'), t, new Date(t.getTime() + 1000));
      expect(run()).toBe('tsc');
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });
});
