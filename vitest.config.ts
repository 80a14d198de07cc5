import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every test's temporary files under one directory, removed when the run ends.
    globalSetup: ['test/support/globalSetup.ts'],
    // Two cores on the shared machines: more workers only add contention.
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
