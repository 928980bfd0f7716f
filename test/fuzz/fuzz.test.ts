// Mutation fuzzer (issue 7): every mutated input ends in a SeriesSet that places each message it
// read, or in one clean PatchscopeError (exit 2), within a time proportional to its size.
// Short mode runs in `npm test` with a fixed seed; `node scripts/fuzz.mjs --runs N` is the long mode
// (it sets PATCHSCOPE_FUZZ_RUNS / PATCHSCOPE_FUZZ_SEED and saves failing inputs for test/corpus/).
import { afterAll, describe, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { MUTATION_NAMES, describeMutations, mutate, type Mutation } from './mutators.js';
import { expectClean, fuzzScratch, runPipeline, type Outcome } from './pipeline.js';
import { loadSeeds } from './seeds.js';

const RUNS = Number(process.env.PATCHSCOPE_FUZZ_RUNS ?? 60);
const SEED = Number(process.env.PATCHSCOPE_FUZZ_SEED ?? 20260422);
const LONG = process.env.PATCHSCOPE_FUZZ_RUNS !== undefined;
const SAVE_DIR = process.env.PATCHSCOPE_FUZZ_SAVE ?? join(tmpdir(), 'patchscope-fuzz-failures');

// The short mode keeps to the small real samples; the long mode mutates the 26-patch series too.
const seeds = loadSeeds({ large: LONG });
const scratch = fuzzScratch();
afterAll(() => scratch.dispose());

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom(...MUTATION_NAMES),
  at: fc.nat(),
  n: fc.nat(),
});

/** Saves a failing input so that it can be replayed and kept under test/corpus/. */
function save(input: Buffer, label: string): string {
  mkdirSync(SAVE_DIR, { recursive: true });
  const file = join(SAVE_DIR, `${createHash('sha256').update(input).digest('hex').slice(0, 16)}.in`);
  writeFileSync(file, input);
  writeFileSync(`${file}.txt`, `${label}\n`);
  return file;
}

/** Long mode reports progress now and then (a 100,000-run session lasts most of an hour). */
let done = 0;
const started = Date.now();
function tick(): void {
  if (LONG && ++done % (RUNS > 10_000 ? 5000 : 500) === 0) console.log(`fuzz: ${done}/${RUNS} runs, ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

describe('mutation fuzzer', () => {
  it(`keeps its promise on ${RUNS} mutated inputs (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (si, steps) => {
        tick();
        const seed = seeds[si]!;
        const input = mutate(seed.bytes, steps);
        let outcome: Outcome;
        try {
          outcome = await runPipeline(scratch.file('input', input), { deps: input.length < 64 * 1024 });
          expectClean(outcome, input.length);
        } catch (e) {
          const file = save(input, `${seed.name} ${describeMutations(steps)}`);
          throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, LONG ? 24 * 3600_000 : 120_000);
});
