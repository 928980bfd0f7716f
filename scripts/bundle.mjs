#!/usr/bin/env node
// The start-up build that bin/patchscope runs: dist/ (tsc's output, one file per module) bundled by
// esbuild into dist/bundle/, one ESM file per entry plus shared chunks. Every `import()` in the code
// stays a split point, so a command loads only its own chunks. Measured (bench/am-bench.mjs,
// bench/tui-bench.mjs): resolving and compiling ~100 separate modules, and Ink/React's ~150 files,
// was most of a small command's time above `node -e 0`.
// Left out of the bundle: better-sqlite3 (a native module found beside its own package) and what the
// code itself loads with createRequire at run time (postal-mime). Tests and benches that import
// dist/<stage>/ keep using tsc's output; bin/patchscope falls back to it when this bundle is missing
// or older than the last tsc build.
// Usage: node scripts/bundle.mjs (run by `npm run build` after tsc).
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const BUNDLE_DIR = join(dist, 'bundle');

rmSync(BUNDLE_DIR, { recursive: true, force: true });
let build;
try {
  ({ build } = await import('esbuild'));
} catch {
  // An install without devDependencies: bin/patchscope runs tsc's dist/cli/ instead.
  console.warn('scripts/bundle.mjs: esbuild is not installed; bin/patchscope will run dist/cli/ unbundled');
  process.exit(0);
}
await build({
  absWorkingDir: root,
  entryPoints: { main: join(dist, 'cli/main.js'), ...workerEntries() },
  outdir: BUNDLE_DIR,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3'],
  // bin/patchscope runs React's production build; naming it here drops the development build from the bundle.
  define: { 'process.env.NODE_ENV': '"production"' },
  // Bundled CommonJS packages (simple-git, React) call require() for Node's own modules.
  banner: { js: "import { createRequire as __patchscopeRequire } from 'node:module'; const require = __patchscopeRequire(import.meta.url);" },
  plugins: [noDevtools(), lazyRequiresBundled()],
  logLevel: 'warning',
});

/**
 * A worker is started from the file beside the module that starts it (`new Worker(new URL('./x.js',
 * import.meta.url))`): each such file is an entry of its own, so `./x.js` is beside that module's
 * chunk in dist/bundle/ too. Found by that pattern in tsc's output, so a new worker needs no entry here.
 */
function workerEntries() {
  const entries = {};
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.js') || file.startsWith('bundle')) continue;
    const text = readFileSync(join(dist, file), 'utf8');
    for (const m of text.matchAll(/new URL\(['"]\.\/([\w-]+)\.js['"], import\.meta\.url\)/g)) {
      const name = m[1];
      const path = join(dist, dirname(file), `${name}.js`);
      if (entries[name] && entries[name] !== path) throw new Error(`bundle: two workers named ${name}.js`);
      entries[name] = path;
    }
  }
  return entries;
}

/**
 * The code loads some packages only when needed, with `createRequire(import.meta.url)('NAME')`
 * (postal-mime: only a message with MIME parts or encoded words needs it). esbuild cannot see such a
 * call; written as `require('NAME')` it bundles the package as a module evaluated on its first
 * require, so it stays lazy and costs no module resolution and file reads at run time (postal-mime's
 * eleven CommonJS files: ~15 ms of a 39-message `show`). better-sqlite3 (native) stays external.
 */
function lazyRequiresBundled() {
  const call = /createRequire\(import\.meta\.url\)\((['"])([^'"]+)\1\)/g;
  return {
    name: 'lazy-requires-bundled',
    setup(b) {
      b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('createRequire(import.meta.url)(')) return undefined;
        return { contents: text.replace(call, (whole, q, name) => (name === 'better-sqlite3' ? whole : `require(${q}${name}${q})`)), loader: 'js' };
      });
    },
  };
}

/**
 * Ink imports react-devtools-core (not installed) only when DEV=true, and says so when it is missing.
 * Bundled, that import would have to resolve at build time: the bundle gets a module that fails as
 * the missing package does, when (and only when) Ink imports it.
 */
function noDevtools() {
  return {
    name: 'no-react-devtools',
    setup(b) {
      b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'patchscope-stub' }));
      b.onLoad({ filter: /.*/, namespace: 'patchscope-stub' }, () => ({
        contents: "const e = new Error(\"Cannot find package 'react-devtools-core'\"); e.code = 'ERR_MODULE_NOT_FOUND'; throw e;",
      }));
    },
  };
}
