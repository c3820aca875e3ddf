import { setTimeout as sleep } from 'node:timers/promises';
import type { PlanDb } from './db.ts';
import { isUniqueViolation, isWriteConflict, writeTransaction } from './engine.ts';

const WRITE_ATTEMPTS = 8;

/**
 * One write as one transaction that reads what it decides on, run again when the engine says another
 * connection committed in between (SQLITE_BUSY in WAL mode: waiting could deadlock, so it fails
 * at once) or took the same request key first. Each run reads afresh, so the second run sees the
 * other's commit: a lock opened meanwhile, or the replay of this very request. See
 * src/store/figures.ts, which does the same for recorded actuals.
 */
export async function inWriteTransaction<T>(db: PlanDb, work: (trx: PlanDb) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      // PostgreSQL: serializable (engine.ts), so what the work read cannot change before it writes.
      return await writeTransaction(db).execute(work);
    } catch (error) {
      if (attempt >= WRITE_ATTEMPTS || !(isWriteConflict(error) || isUniqueViolation(error, 'request_key'))) throw error;
      // Jitter keeps two retrying writers from colliding again in lockstep.
      await sleep(10 * attempt * (0.5 + Math.random()));
    }
  }
}
