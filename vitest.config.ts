import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    // Tests that drive git and the model are CPU-bound; CI has 2 cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
