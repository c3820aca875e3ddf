import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Bundles the entry points that tests start as processes (see the file).
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Tests spawn processes and open SQLite files; two cores on CI.
    pool: 'forks',
    maxWorkers: 2,
  },
});
