import { sql, type Kysely, type Migration } from 'kysely';
import { migrations as shippedMigrations } from '../../db/migrations/index.ts';
import { beginImmediate, engineOf } from './engine.ts';

/** Kysely's bookkeeping table, kept as it is so files migrated by earlier versions keep working. */
const MIGRATION_TABLE = 'kysely_migration';

export class MigrationError extends Error {
  constructor(
    readonly migrationName: string | undefined,
    cause: unknown,
    message = `database migration failed${migrationName ? ` at ${migrationName}` : ''}`,
  ) {
    super(message, { cause });
    this.name = 'MigrationError';
  }
}

/**
 * A file an earlier version left half-way through a migration (it ran each statement on its
 * own, so a kill could leave some tables made and the migration unrecorded). It holds data,
 * so it is explained rather than touched.
 */
export class HalfMigratedError extends MigrationError {
  constructor(migrationName: string, cause: unknown) {
    super(
      migrationName,
      cause,
      `the database was left half-way through migration ${migrationName} by an earlier version of plan-bot that was ` +
        'stopped during an upgrade, and it holds data, so it was not changed: restore it from a backup, ' +
        'or move it aside to start afresh',
    );
    this.name = 'HalfMigratedError';
  }
}

/** A file migrated by a newer plan-bot: going on could misread its tables. */
export class NewerDatabaseError extends MigrationError {
  constructor(unknown: string[]) {
    super(
      unknown[0],
      undefined,
      `the database was migrated by a newer version of plan-bot (${unknown.join(', ')}): run that version, or restore an older copy`,
    );
    this.name = 'NewerDatabaseError';
  }
}

export interface MigrateOptions {
  /** Default: db/migrations/index.ts. */
  migrations?: Record<string, Migration>;
  /** How long to wait for another process's migration to finish. */
  lockWaitMs?: number;
}

const DEFAULT_LOCK_WAIT_MS = 15_000;

/**
 * Brings the schema forward to the newest migration; never backwards.
 *
 * Each migration and its row in kysely_migration commit in ONE transaction: SQLite's DDL is
 * transactional, so a kill at any instant leaves the file either before or after a whole
 * migration. (Kysely's own Migrator runs DDL outside a transaction on SQLite, because its
 * SQLite adapter reports no transactional DDL; a kill mid-migration then left some tables
 * made and nothing recorded, and every later start failed.) `BEGIN IMMEDIATE` takes the write
 * lock before reading the bookkeeping, so two processes starting on a fresh file take turns
 * and the second finds nothing left to do. On PostgreSQL (transactional DDL too) the same turn-taking
 * is an advisory lock held by the migrating transaction.
 *
 * A file half-migrated by an earlier version is rebuilt when it holds no data yet (the kill
 * came before the plan was seeded, which is when this happens), and refused with an
 * explanation otherwise.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed against no schema, as kysely advises.
export async function migrateToLatest(db: Kysely<any>, options: MigrateOptions = {}): Promise<string[]> {
  const all = options.migrations ?? shippedMigrations;
  const names = Object.keys(all).sort();
  if (await upToDate(db, names)) return [];
  const applied: string[] = [];
  return db.connection().execute(async (conn) => {
    // A migration that rebuilds a table (SQLite cannot drop a constraint) would cascade its
    // deletes into every referencing table with foreign keys on, and the pragma is a no-op inside
    // a transaction: so off for the run, and every migration's rows are checked before it commits.
    const sqlite = engineOf(conn) === 'sqlite';
    if (sqlite) await sql`pragma foreign_keys = off`.execute(conn);
    try {
      return await migrateOn(conn, all, names, applied, options);
    } finally {
      if (sqlite) await sql`pragma foreign_keys = on`.execute(conn);
    }
  });
}

async function migrateOn(
  // biome-ignore lint/suspicious/noExplicitAny: any schema.
  conn: Kysely<any>,
  all: Record<string, Migration>,
  names: string[],
  applied: string[],
  options: MigrateOptions,
): Promise<string[]> {
    let repaired = false;
    for (;;) {
      await beginMigration(conn, options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS);
      let name: string | undefined;
      try {
        await sql`create table if not exists ${sql.table(MIGRATION_TABLE)} (
          name varchar(255) not null primary key, timestamp varchar(255) not null)`.execute(conn);
        const done = new Set(
          (await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)}`.execute(conn)).rows.map((r) => r.name),
        );
        const unknown = [...done].filter((n) => !(n in all)).sort();
        if (unknown.length > 0) throw new NewerDatabaseError(unknown);
        name = names.find((n) => !done.has(n));
        if (name === undefined) {
          await sql`commit`.execute(conn);
          return applied;
        }
        await all[name]!.up(conn);
        await checkForeignKeys(conn);
        await sql`insert into ${sql.table(MIGRATION_TABLE)} (name, timestamp) values (${name}, ${new Date().toISOString()})`.execute(conn);
        await sql`commit`.execute(conn);
        applied.push(name);
      } catch (error) {
        await sql`rollback`.execute(conn).catch(() => undefined);
        if (error instanceof MigrationError) throw error;
        if (name === undefined) throw new MigrationError(undefined, error);
        // Only SQLite files were ever migrated statement by statement; on PostgreSQL a failed
        // migration left nothing behind, so "already exists" there is a real error.
        if (!repaired && engineOf(conn) === 'sqlite' && leftoverOfEarlierRun(error)) {
          if (!(await holdsNoData(conn))) throw new HalfMigratedError(name, error);
          await rebuildEmpty(conn, options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS);
          repaired = true;
          applied.length = 0;
          continue;
        }
        throw new MigrationError(name, error);
      }
    }
}

/** SQLite, inside the migrating transaction: a row left pointing at nothing fails the migration. */
// biome-ignore lint/suspicious/noExplicitAny: any schema.
async function checkForeignKeys(conn: Kysely<any>): Promise<void> {
  if (engineOf(conn) !== 'sqlite') return;
  const { rows } = await sql<{ table: string; parent: string }>`pragma foreign_key_check`.execute(conn);
  if (rows.length > 0) throw new Error(`${rows.length} row(s) of ${rows[0]!.table} point at no row of ${rows[0]!.parent}`);
}

/**
 * Whether every migration is recorded and nothing else: what nearly every start finds, said by
 * one read without the write lock, the bookkeeping table's creation and a commit (which the CLI
 * paid at every run, #14). Anything else (no table yet, one missing, one unknown) is left to the
 * migrating transaction, which decides under the lock.
 */
// biome-ignore lint/suspicious/noExplicitAny: any schema.
async function upToDate(db: Kysely<any>, names: string[]): Promise<boolean> {
  let done: string[];
  try {
    done = (await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)}`.execute(db)).rows.map((r) => r.name);
  } catch {
    return false;
  }
  if (done.length !== names.length) return false;
  const recorded = new Set(done);
  return names.every((n) => recorded.has(n));
}

/** "table plan already exists", "duplicate column name": what an interrupted earlier run left. */
function leftoverOfEarlierRun(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /already exists|duplicate column name/i.test(message);
}

// biome-ignore lint/suspicious/noExplicitAny: the schema is whatever the file holds.
async function userTables(conn: Kysely<any>): Promise<string[]> {
  if (engineOf(conn) === 'postgres') {
    const { rows } = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_migration%'`.execute(conn);
    return rows.map((r) => r.name);
  }
  const { rows } = await sql<{ name: string }>`
    select name from sqlite_master
    where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_migration%'`.execute(conn);
  return rows.map((r) => r.name);
}

// biome-ignore lint/suspicious/noExplicitAny: the schema is whatever the file holds.
async function holdsNoData(conn: Kysely<any>): Promise<boolean> {
  for (const table of await userTables(conn)) {
    const { rows } = await sql`select 1 from ${sql.table(table)} limit 1`.execute(conn);
    if (rows.length > 0) return false;
  }
  return true;
}

/** Drops every table and forgets every migration, in one transaction; the loop then migrates afresh. */
// biome-ignore lint/suspicious/noExplicitAny: the schema is whatever the file holds.
async function rebuildEmpty(conn: Kysely<any>, lockWaitMs: number): Promise<void> {
  await beginImmediate(conn, lockWaitMs);
  try {
    // Checked again under the write lock: another process may have seeded meanwhile.
    if (!(await holdsNoData(conn))) throw new Error('the database gained data while it was being repaired');
    // Foreign keys cannot be switched off inside a transaction, so drop referencing tables first.
    await sql`pragma defer_foreign_keys = on`.execute(conn);
    for (const table of await userTables(conn)) await sql`drop table if exists ${sql.table(table)}`.execute(conn);
    await sql`delete from ${sql.table(MIGRATION_TABLE)}`.execute(conn);
    await sql`commit`.execute(conn);
  } catch (error) {
    await sql`rollback`.execute(conn).catch(() => undefined);
    throw new MigrationError(undefined, error, 'a half-migrated database could not be rebuilt');
  }
}

/** Opens the migrating transaction, waiting for another process's migration to finish first. */
// biome-ignore lint/suspicious/noExplicitAny: any schema.
async function beginMigration(conn: Kysely<any>, lockWaitMs: number): Promise<void> {
  if (engineOf(conn) === 'sqlite') return beginImmediate(conn, lockWaitMs);
  await sql`begin`.execute(conn);
  try {
    await sql.raw(`set local lock_timeout = ${Math.max(1, Math.round(lockWaitMs))}`).execute(conn);
    // Held until commit: a second process starting at the same moment waits here, then finds
    // the bookkeeping up to date. Keyed by the schema, so deployments in other schemas of the
    // same database (or test files running in parallel) do not wait for each other.
    await sql`select pg_advisory_xact_lock(hashtextextended('plan-bot:migrate:' || current_setting('search_path'), 0))`.execute(conn);
    await createOwnSchema(conn);
  } catch (error) {
    await sql`rollback`.execute(conn).catch(() => undefined);
    throw error;
  }
}

/**
 * A URL with `?schema=name` points the connection's search_path at that schema; it is made on
 * first use, like the SQLite file is.
 */
// biome-ignore lint/suspicious/noExplicitAny: any schema.
async function createOwnSchema(conn: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ path: string }>`select current_setting('search_path') as path`.execute(conn);
  const path = rows[0]?.path ?? '';
  if (/^[a-z_][a-z0-9_]*$/.test(path) && path !== 'public') await sql`create schema if not exists ${sql.id(path)}`.execute(conn);
}
