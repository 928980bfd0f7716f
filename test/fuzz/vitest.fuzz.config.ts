// Long-mode fuzzing (scripts/fuzz.mjs): only the fuzzer, no dist/ build (it does not spawn the CLI).
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: resolve(import.meta.dirname, '..', '..'),
    include: ['test/fuzz/fuzz.test.ts'],
  },
});
