import { closeSync, mkdirSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { parseLocation } from './location.ts';
import { postgresDialect } from './postgres.ts';
import type { Database } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';
import { WalIndexHeader } from './wal-index.ts';

export type PlanDb = Kysely<Database>;

/**
 * Opens the store at `location`: a PostgreSQL URL (see location.ts) or a SQLite file path.
 * Nothing is migrated here; prepareDatabase does that.
 */
export function openDatabase(location: string): PlanDb {
  const where = parseLocation(location);
  if (where.engine === 'postgres') return new Kysely<Database>({ dialect: postgresDialect(where) });
  return openSqlite(where.path);
}

/**
 * Opens (creating if needed) the SQLite file with the pragmas every entry point relies on.
 *
 * What it creates is its owner's alone: the folders 0700 and the file 0600. SQLite gives the
 * -wal and -shm files the mode of the database file, so they follow. Existing folders and
 * files keep whatever mode an operator gave them.
 */
function openSqlite(path: string): PlanDb {
  if (path !== ':memory:' && !path.startsWith('file:')) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    try {
      closeSync(openSync(path, 'wx', 0o600));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const sqlite = new SQLite(path, { nativeBinding: sqliteBinding() });
  // WAL lets the bot read while the alert job writes; the busy timeout makes a second
  // process wait for the lock instead of failing; FULL sync keeps every acknowledged
  // figure across a power cut, and writes here are rare enough not to mind the fsync.
  const journal = sqlite.pragma('journal_mode = WAL', { simple: true });
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = FULL');
  const walIndex = journal === 'wal' ? new WalIndexHeader(() => shmPathOf(sqlite)) : undefined;
  const cached = withStatementCache(sqlite);
  const database = {
    prepare: cached.prepare,
    close: () => {
      cached.close();
      walIndex?.close();
    },
  };
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  connections.set(db, { sqlite, walIndex });
  return db;
}

/** Beside the file where SQLite put it (absolute, links followed); undefined for one in memory. */
function shmPathOf(sqlite: SQLite.Database): string | undefined {
  const file = sqlite.prepare("select file from pragma_database_list where name = 'main'").pluck().get() as string;
  return file ? `${file}-shm` : undefined;
}

let binding: { path: string | undefined } | undefined;

/**
 * better-sqlite3's compiled binding, named outright. Left to find it, the package loads
 * `bindings`, which reads a stack trace and tries a dozen paths: a few milliseconds of every CLI
 * start (#14). Where the build put it elsewhere (a debug build), the package looks as before.
 */
function sqliteBinding(): string | undefined {
  if (binding === undefined) {
    try {
      binding = { path: createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node') };
    } catch {
      binding = { path: undefined };
    }
  }
  return binding.path;
}

export interface SqliteConnection {
  sqlite: SQLite.Database;
  /** Its WAL index's header; undefined when the database does not keep one (in memory). */
  walIndex: WalIndexHeader | undefined;
}

const connections = new WeakMap<PlanDb, SqliteConnection>();

/**
 * The better-sqlite3 connection under a SQLite PlanDb opened here; undefined for PostgreSQL and
 * for a transaction's handle. For the one read that must not wait on Kysely's driver (the
 * answer cache's token, data-version.ts); everything else goes through Kysely.
 */
export function sqliteConnectionOf(db: PlanDb): SqliteConnection | undefined {
  return connections.get(db);
}
