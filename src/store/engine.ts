import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import { engineOf } from '../../db/migrations/dialect.ts';
import type { PlanDb } from './db.ts';

export { engineOf, type Engine } from '../../db/migrations/dialect.ts';

/**
 * The store's few differences between SQLite and PostgreSQL, in one place: how a writer takes
 * a lock that other processes respect, and how each engine says "try again" or "that key is
 * taken". Every query elsewhere is built with kysely and reads the same on both.
 */

/**
 * Runs `work` in a transaction that holds the write lock named `key` from its first statement,
 * so that a read-then-write (is the channel free? then claim it) cannot interleave with another
 * process doing the same.
 *
 * SQLite: `BEGIN IMMEDIATE` takes the file's one write lock before reading (the busy timeout set
 * in openDatabase makes a second process wait its turn). PostgreSQL: `pg_advisory_xact_lock` on
 * a hash of the key, held until commit or rollback; only writers of the same key wait.
 */
export async function lockedWrite<T>(db: PlanDb, key: string, work: (trx: PlanDb) => Promise<T>): Promise<T> {
  if (engineOf(db) === 'postgres') {
    return db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`plan-bot:${key}`}, 0))`.execute(trx);
      return work(trx);
    });
  }
  return db.connection().execute(async (conn) => {
    await beginImmediate(conn, SQLITE_LOCK_WAIT_MS);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

// As long as the busy timeout openDatabase sets.
const SQLITE_LOCK_WAIT_MS = 5_000;

/**
 * Takes SQLite's write lock, waiting for another connection without blocking this thread:
 * SQLite's busy handler would sleep inside the call, stalling a second connection of this same
 * process that holds the lock and is between two awaits.
 */
// biome-ignore lint/suspicious/noExplicitAny: any schema (the migrations' too).
export async function beginImmediate(conn: Kysely<any>, lockWaitMs: number): Promise<void> {
  const { rows } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(conn);
  const previous = Number(rows[0]?.timeout ?? 0);
  await sql`pragma busy_timeout = 0`.execute(conn);
  const deadline = Date.now() + lockWaitMs;
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await sql`begin immediate`.execute(conn);
        return;
      } catch (error) {
        if (!codeOf(error)?.startsWith('SQLITE_BUSY') || Date.now() > deadline) throw error;
        await sleep(Math.min(5 * attempt, 50) * (0.5 + Math.random()));
      }
    }
  } finally {
    await sql.raw(`pragma busy_timeout = ${previous}`).execute(conn);
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Another writer got in the way and the whole transaction may simply run again: SQLite's busy
 * lock, PostgreSQL's serialization failure, deadlock or lock timeout.
 */
export function isWriteConflict(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && (code.startsWith('SQLITE_BUSY') || code === '40001' || code === '40P01' || code === '55P03');
}

/** A unique constraint or index whose name (PostgreSQL) or column (SQLite's message) mentions `what` refused a row. */
export function isUniqueViolation(error: unknown, what: string): boolean {
  const e = error as { code?: unknown; message?: unknown; constraint?: unknown } | null;
  const code = codeOf(error);
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return String(e?.message).includes(what);
  return code === '23505' && `${String(e?.constraint)} ${String(e?.message)}`.includes(what);
}

/**
 * A transaction for a write that decides on what it reads (is the year locked? is this key new?).
 * SQLite runs one writer at a time, so a plain transaction is already serializable there. On
 * PostgreSQL it is `serializable`: another instance's commit cannot slip between the read and the
 * write; a conflict fails with 40001 instead, which `isWriteConflict` tells the caller to retry.
 */
export function writeTransaction(db: PlanDb) {
  return engineOf(db) === 'postgres' ? db.transaction().setIsolationLevel('serializable') : db.transaction();
}
