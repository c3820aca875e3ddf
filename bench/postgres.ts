/**
 * The scale bench on PostgreSQL: the same generated database (bench/generate.ts builds it as a
 * SQLite file), copied row for row into a schema of its own on the server that
 * TEST_DATABASE_URL (else DATABASE_URL) names, so both engines answer over identical data.
 * The schema is made by the real migrations and dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { openDatabase } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';

/** The server to bench on, or undefined (the PostgreSQL column is then left out, with a note). */
export function benchPostgresUrl(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.TEST_DATABASE_URL?.trim() || env.DATABASE_URL?.trim() || undefined;
}

// Parents before children, as the foreign keys require.
const TABLES = ['plan', 'basic_policy', 'theme', 'action_plan', 'action_plan_owner', 'indicator', 'yearly_figure', 'actual_revision'];
// PostgreSQL takes at most 65535 bound values a statement.
const MAX_VALUES = 60_000;

export interface PostgresCopy {
  location: string;
  copyMs: number;
  remove(): Promise<void>;
}

export async function copyToPostgres(sqlitePath: string, serverUrl: string): Promise<PostgresCopy> {
  const started = performance.now();
  const schema = `plan_bot_bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(serverUrl);
  url.searchParams.set('schema', schema);
  const location = url.toString();
  const db = openDatabase(location);
  const source = new SQLite(sqlitePath, { readonly: true });
  const remove = async () => {
    const admin = openDatabase(serverUrl);
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin);
    await admin.destroy();
  };
  try {
    await migrateToLatest(db);
    await db.transaction().execute(async (trx) => {
      for (const table of TABLES) {
        const rows = source.prepare(`select * from ${table}`).all() as Record<string, unknown>[];
        if (rows.length === 0) continue;
        const perStatement = Math.max(1, Math.floor(MAX_VALUES / Object.keys(rows[0]!).length));
        for (let i = 0; i < rows.length; i += perStatement) {
          await trx.insertInto(table as never).values(rows.slice(i, i + perStatement) as never).execute();
        }
        // Rows came with their ids: move the identity past them, as if the server had numbered them.
        if ('id' in rows[0]!) {
          await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(trx);
        }
      }
    });
    // Fresh statistics, as autovacuum would have gathered on a database in use.
    for (const table of TABLES) await sql`analyze ${sql.table(table)}`.execute(db);
  } catch (error) {
    await db.destroy();
    source.close();
    await remove();
    throw error;
  }
  await db.destroy();
  source.close();
  return { location, copyMs: performance.now() - started, remove };
}
