import type { Database as SQLiteDatabase, Statement } from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import { sqliteConnectionOf, type PlanDb } from './db.ts';
import { engineOf } from './engine.ts';

const SQLITE_VERSION_SQL = 'select (select data_version from pragma_data_version) as version, total_changes() as changes';
// Asked before every cached answer: compiled once rather than built per request.
const SQLITE_VERSION = CompiledQuery.raw(SQLITE_VERSION_SQL);
const POSTGRES_VERSION = CompiledQuery.raw('select version from plan_bot_data_version where id = 1');

/**
 * A token that changes whenever the database may hold different data; equal tokens mean equal
 * answers.
 *
 * SQLite: `data_version` moves when another connection (the alert job, a second process)
 * commits, and `total_changes()` when this connection writes. Read from the connection itself,
 * see dataVersionNow.
 *
 * PostgreSQL: the schema's write counter (migration 2026-11-30-18-01-write-counter). A trigger on
 * every table bumps it in the writing transaction, so the new count becomes visible exactly when
 * the write does, whichever instance (or an operator's psql) made it; writes to other schemas or
 * databases on the same server leave it alone.
 */
export async function dataVersion(db: PlanDb): Promise<string> {
  const direct = dataVersionNow(db);
  if (direct !== undefined) return direct;
  if (engineOf(db) === 'postgres') {
    const { rows } = await db.executeQuery<{ version: number }>(POSTGRES_VERSION);
    return String(rows[0]!.version);
  }
  const { rows } = await db.executeQuery<{ version: number; changes: number }>(SQLITE_VERSION);
  const row = rows[0]!;
  return `${row.version}.${row.changes}`;
}

interface Reader {
  statement: Statement;
  /** The WAL index header as it stood before `token` was read. */
  seen: Buffer;
  token: string | undefined;
}

const readers = new WeakMap<SQLiteDatabase, Reader>();

/**
 * A SQLite database's token read straight from its connection: a statement prepared once, run
 * synchronously, instead of a query through Kysely's driver (its connection lock and promises),
 * which was a tenth of what every `/plan` cost beyond bare Bolt (#14). And the statement only
 * when the WAL index's header has moved since it last ran: every commit moves it, and reading it
 * is one pread where the statement takes SQLite's read lock (wal-index.ts).
 *
 * The header is read before the statement, never after: a commit between the two then leaves
 * the header kept older than the token, which costs one more statement, never a stale token.
 *
 * While a transaction is open on the connection the token could count writes not yet
 * committed, so then (and for PostgreSQL) it is undefined: ask `dataVersion`, whose query goes
 * through Kysely, waiting its turn.
 */
export function dataVersionNow(db: PlanDb): string | undefined {
  const connection = sqliteConnectionOf(db);
  if (!connection || connection.sqlite.inTransaction) return undefined;
  const { sqlite, walIndex } = connection;
  let reader = readers.get(sqlite);
  if (!reader) {
    reader = { statement: sqlite.prepare(SQLITE_VERSION_SQL).raw(), seen: Buffer.alloc(0), token: undefined };
    readers.set(sqlite, reader);
    // The first statement opens the connection's WAL index: the header is read from the next.
    return tokenFrom(reader.statement);
  }
  const header = walIndex?.read();
  if (header === undefined) {
    reader.token = undefined;
    return tokenFrom(reader.statement);
  }
  if (reader.token !== undefined && header.equals(reader.seen)) return reader.token;
  reader.seen = Buffer.from(header);
  reader.token = tokenFrom(reader.statement);
  return reader.token;
}

function tokenFrom(statement: Statement): string {
  const [version, changes] = statement.get() as [number, number];
  return `${version}.${changes}`;
}
