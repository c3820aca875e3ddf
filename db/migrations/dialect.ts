import { PostgresAdapter, type ColumnDefinitionBuilder, type ColumnDataType, type Kysely } from 'kysely';

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
