import type { Database as SQLiteDatabase, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

const DEFAULT_CAPACITY = 256;

/**
 * Kysely hands better-sqlite3 the SQL text of every query and prepares it afresh; the
 * bot asks the same handful of queries over and over, so compiled statements are kept,
 * keyed by their text. A small LRU bounds the memory if queries are ever built with
 * varying shapes (an IN list of different lengths is a different text).
 */
export function withStatementCache(sqlite: SQLiteDatabase, capacity = DEFAULT_CAPACITY): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql) => {
      let statement = cache.get(sql);
      if (statement) {
        // Re-inserting moves the entry to the end: Map keeps insertion order, which makes it an LRU.
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
