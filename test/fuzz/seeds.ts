/**
 * Fuzz seeds: the real inputs in ../shared/conformance (git t5100, b4 samples), our generated
 * series, and every regression input kept in test/corpus/. Read once, sorted by name, so a seed
 * index means the same file on every machine.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
const SHARED = resolve(REPO_ROOT, '..', 'shared');
export const CORPUS_DIR = join(REPO_ROOT, 'test', 'corpus');

export interface Seed {
  name: string;
  bytes: Buffer;
}

/** Mail-like files only: expected-output JSON, notes and the corpus generator are not inputs. */
const isInput = (name: string): boolean => !/\.(json|md|mjs)$/.test(name);

function filesIn(dir: string, label: string): Seed[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter(isInput)
    .sort()
    .map((f) => ({ name: `${label}/${f}`, bytes: readFileSync(join(dir, f)) }));
}

/** Seeds of the mutation fuzzer. `large` adds the two 150–220 KB generated series. */
export function loadSeeds(opts: { large: boolean }): Seed[] {
  const seeds = [
    ...filesIn(join(SHARED, 'conformance', 'git-t5100'), 'git-t5100'),
    ...filesIn(join(SHARED, 'conformance', 'b4-samples'), 'b4-samples'),
    // Compressed corpus files are left out: a byte-level mutation of deflate data is mostly noise,
    // and the gzip mutator already wraps (and cuts) mutated mail.
    ...corpusSeeds().filter((s) => !s.name.endsWith('.gz')),
  ];
  if (opts.large) {
    const fixtures = join(REPO_ROOT, 'fixtures', 'dmabuf-mapping-types');
    for (const f of ['series.mbox', 'series-v2.mbox']) seeds.push({ name: `fixtures/${f}`, bytes: readFileSync(join(fixtures, f)) });
  }
  return seeds;
}

/** Every input kept under test/corpus/ (one file per input, any kind, gzip included). */
export function corpusSeeds(): Seed[] {
  return filesIn(CORPUS_DIR, 'corpus');
}
