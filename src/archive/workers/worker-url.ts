import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * A worker's compiled file. `here` is the worker's URL made at the call site from a literal `./NAME.js` and
 * `import.meta.url`: the bundler finds workers by that pattern in tsc's output (scripts/bundle.mjs). Under vitest the caller runs from src/
 * (TypeScript, which a Worker cannot load), so the worker is taken from the dist/ that `npm install` builds.
 */
export function compiledWorkerUrl(here: URL, what: string): URL {
  if (existsSync(fileURLToPath(here))) return here;
  const compiled = fileURLToPath(here).replace(/([\\/])src([\\/])archive([\\/])/, '$1dist$2archive$3');
  if (!existsSync(compiled)) throw new Error(`${what} not built: ${compiled} (run npm run build)`);
  return pathToFileURL(compiled);
}
