import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type ColumnDataType, type Kysely } from 'kysely';

// Frozen in time like the migrations: imports kysely only. The ONE place where the migrations
// (and the store, which reuses `engineOf`) tell SQLite from PostgreSQL, so every other line of
// a migration is the same on both engines.

export type Engine = 'sqlite' | 'postgres';

/** Which engine a Kysely instance (or a transaction or connection of one) speaks to. */
export function engineOf(db: Kysely<any>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * A surrogate key the database numbers itself. SQLite's `integer primary key` is the rowid and
 * numbers itself already (and shipped files were made so: the text must not change); PostgreSQL
 * needs an identity column for that.
 */
export function serialKey(db: Kysely<any>): (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return engineOf(db) === 'postgres' ? (c) => c.primaryKey().generatedByDefaultAsIdentity() : (c) => c.primaryKey();
}

/**
 * A double-precision number. SQLite's `real` is 8 bytes; PostgreSQL's `real` is 4 (six digits),
 * which would round figures such as 1234567.5, so there it is `double precision`.
 */
export function float(db: Kysely<any>): ColumnDataType {
  return engineOf(db) === 'postgres' ? 'double precision' : 'real';
}

const COUNTER_TABLE = 'plan_bot_data_version';
const COUNTER_FUNCTION = 'plan_bot_count_write';
const COUNTER_TRIGGER = 'plan_bot_count_write';

/**
 * PostgreSQL: makes every write to `tables` move the schema's write counter (the answer cache's
 * version token, src/store/data-version.ts). A statement-level trigger bumps one row in the same
 * transaction as the write, so the new count is visible exactly when the write is: a reader never
 * sees new data under an old token, whichever instance wrote it. SQLite needs none of this (its
 * `data_version` moves on every commit by any connection), so there it does nothing.
 *
 * A migration that creates a table must call it for that table.
 */
export async function countWrites(db: Kysely<any>, tables: readonly string[]): Promise<void> {
  if (engineOf(db) !== 'postgres') return;
  for (const table of tables) {
    await sql`create trigger ${sql.id(COUNTER_TRIGGER)} after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function ${sql.id(COUNTER_FUNCTION)}()`.execute(db);
  }
}

/** PostgreSQL: the counter row and the trigger function, then triggers on every table the schema has. */
export async function installWriteCounter(db: Kysely<any>): Promise<void> {
  if (engineOf(db) !== 'postgres') return;
  await db.schema
    .createTable(COUNTER_TABLE)
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto(COUNTER_TABLE).values({ id: 1, version: 0 }).execute();
  // `set search_path from current` pins the schema the function was made in, so a write from a
  // session with another search_path (an operator's psql) still counts in the right table.
  await sql`create function ${sql.id(COUNTER_FUNCTION)}() returns trigger language plpgsql
    set search_path from current as $$
    begin
      update plan_bot_data_version set version = version + 1 where id = 1;
      return null;
    end $$`.execute(db);
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
      and table_name not like 'kysely_migration%' and table_name <> ${COUNTER_TABLE}
    order by table_name`.execute(db);
  await countWrites(
    db,
    rows.map((r) => r.name),
  );
}
