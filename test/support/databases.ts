import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * The engine a test file runs on, and fresh databases of it. The vitest project "postgres"
 * (vitest.config.ts, only when TEST_DATABASE_URL is set) sets PLAN_BOT_TEST_ENGINE; every other
 * run is SQLite. A database is a location string (src/store/location.ts) either way, so tests
 * pass it to prepareDatabase, openDatabase or a child process's environment without caring which.
 */

export type TestEngine = 'sqlite' | 'postgres';

export const TEST_ENGINE: TestEngine = process.env.PLAN_BOT_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export interface FreshLocation {
  /** A SQLite file path, or a PostgreSQL URL with `?schema=` naming a schema of this test's own. */
  location: string;
  /** A temp directory the test may also use for other files; removed by cleanup. */
  dir: string;
  /** Removes the directory and, on PostgreSQL, drops the schema. Close every handle first. */
  cleanup(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('the postgres test project needs TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
  return url;
}

/**
 * A database nobody else uses: a file in a new temp directory, or a new schema (made by the
 * migrations on first open). Test files run in parallel, each in schemas of its own.
 */
export function freshLocation(prefix = 'plan-bot-'): FreshLocation {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (TEST_ENGINE === 'sqlite') {
    return { location: join(dir, 'plans.db'), dir, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `t_${process.pid}_${randomBytes(5).toString('hex')}`;
  const url = new URL(serverUrl());
  url.searchParams.set('schema', schema);
  return {
    location: url.toString(),
    dir,
    cleanup: async () => {
      rmSync(dir, { recursive: true, force: true });
      await dropSchema(schema);
    },
  };
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

/** The environment variable a child process reads the location from. */
export function databaseEnv(location: string): Record<string, string> {
  return TEST_ENGINE === 'postgres' ? { DATABASE_URL: location } : { DATABASE_PATH: location };
}

/**
 * Drops the schemas of test processes that are gone (killed before their cleanup ran), so a
 * test database does not fill up over runs. A schema's name carries its process id.
 */
export async function sweepOrphanSchemas(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(`select nspname as name from pg_namespace where nspname ~ '^t_[0-9]+_[0-9a-f]+$'`);
    const orphans = rows.map((r) => r.name).filter((name) => !isRunning(Number(name.split('_')[1])));
    for (const schema of orphans) await client.query(`drop schema if exists "${schema}" cascade`);
    return orphans.length;
  } finally {
    await client.end();
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
