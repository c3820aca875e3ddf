import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';

export type PlanDb = Kysely<Database>;

/** Opens (creating if needed) the SQLite file with the pragmas every entry point relies on. */
export function openDatabase(path: string): PlanDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // WAL lets the bot read while the alert job writes; the busy timeout makes a second
  // process wait for the lock instead of failing; FULL sync keeps every acknowledged
  // figure across a power cut, and writes here are rare enough not to mind the fsync.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = FULL');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}
