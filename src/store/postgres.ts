import { PostgresDialect } from 'kysely';
import type { DatabaseLocation } from './location.ts';

type PostgresLocation = Extract<DatabaseLocation, { engine: 'postgres' }>;

// pg's type ids for bigint (count(*), sum of integers) and numeric.
const INT8 = 20;
const NUMERIC = 1700;

/**
 * kysely's PostgreSQL dialect over a `pg` pool. `pg` is loaded on the first query, so a SQLite
 * install never pays for it.
 *
 * pg returns bigint and numeric as strings (they may exceed 2^53); every such value here is a
 * count or a figure well inside a double, and the store is typed with numbers as on SQLite, so
 * they are parsed as numbers for this pool only (not pg's global parsers).
 */
export function postgresDialect(location: PostgresLocation): PostgresDialect {
  return new PostgresDialect({
    pool: async () => {
      const { default: pg } = await import('pg');
      const pool = new pg.Pool({
        connectionString: location.connectionString,
        // A schema of its own (`?schema=`): several deployments, or test files, share one database.
        ...(location.schema ? { options: `-c search_path=${location.schema}` } : {}),
        max: 5,
        types: {
          getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
            oid === INT8 || oid === NUMERIC
              ? (value: string) => Number(value)
              : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
        },
      });
      // An idle connection the server dropped (a restart, a failover) must not crash the
      // process: the pool discards it, and the next query opens a fresh one or fails visibly.
      pool.on('error', () => {});
      return pool;
    },
  });
}
