import { defineConfig } from 'vitest/config';

/**
 * The suite runs on SQLite always. With TEST_DATABASE_URL (a PostgreSQL database the tests may
 * create schemas in, e.g. postgres://postgres@127.0.0.1:5432/test) the files below run a second
 * time on PostgreSQL, as the project "postgres": each fresh database a test asks for
 * (test/support/databases.ts) is then a schema of its own, dropped after, so files run in parallel.
 */
const POSTGRES_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

// The store, the migrations, the use cases (commands, alert and reminder runs, with their outbox
// and claims), the Slack door (answer cache, signed requests, forms), the alert job as two real
// processes on one database, and the built CLI. The rest touches no database, or SQLite files as such.
const ON_BOTH_ENGINES = [
  'test/store/**/*.test.ts',
  'test/commands/**/*.test.ts',
  'test/slack/**/*.test.ts',
  'test/cli/alerts.test.ts',
  'test/cli/alerts-two-processes.test.ts',
  'test/cli/workspaces.test.ts',
  'test/scripts/bundle.test.ts',
];
// About SQLite files themselves (their bytes, pragmas, modes, half-migrated files of earlier versions).
const SQLITE_ONLY = [
  'test/store/statement-cache.test.ts',
  'test/store/migrations.test.ts',
  'test/store/sqlite-data-version.test.ts',
  'test/store/wal-index.test.ts',
];

// Said once per run (vitest reads this file more than once in one process).
if (!POSTGRES_URL && !process.env.PLAN_BOT_POSTGRES_NOTED) {
  process.env.PLAN_BOT_POSTGRES_NOTED = '1';
  process.stdout.write(
    'plan-bot: TEST_DATABASE_URL is not set, so the PostgreSQL half of the suite was not run ' +
      '(e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test).\n',
  );
}

export default defineConfig({
  test: {
    // Bundles the entry points that tests start as processes (see the file).
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Tests spawn processes and open SQLite files; two cores on CI.
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true as const, test: { name: 'sqlite', include: ['test/**/*.test.ts'] } },
      ...(POSTGRES_URL
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ON_BOTH_ENGINES,
                exclude: SQLITE_ONLY,
                env: { PLAN_BOT_TEST_ENGINE: 'postgres', TEST_DATABASE_URL: POSTGRES_URL },
              },
            },
          ]
        : []),
    ],
  },
});
