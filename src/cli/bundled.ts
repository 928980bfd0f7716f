import { fileURLToPath } from 'node:url';
import { resolve, dirname } from 'node:path';
import { BUNDLED_INPUT } from './args.js';

// dist/cli/ and src/cli/ both sit two levels below the package root.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE_DIR = resolve(ROOT, 'fixtures/dmabuf-mapping-types');
export const BUNDLED_MBOX = resolve(FIXTURE_DIR, 'series.mbox');
export const BUNDLED_SEQUENCE = resolve(FIXTURE_DIR, 'sequence.json');
export const BUNDLED_BINDING = resolve(FIXTURE_DIR, 'binding.json');
export const BUNDLED_BASE = resolve(FIXTURE_DIR, 'base');

/** `bundled` (what no INPUT means) names the RFC fixture; anything else is the user's own input. */
export function resolveInput(input: string): string {
  return input === BUNDLED_INPUT ? BUNDLED_MBOX : input;
}
