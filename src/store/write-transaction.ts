import { setTimeout as sleep } from 'node:timers/promises';
import type { PlanDb } from './db.ts';

const WRITE_ATTEMPTS = 8;

/**
 * One write as one transaction that reads what it decides on, run again when SQLite says another
 * connection committed in between (SQLITE_BUSY in WAL mode: waiting could deadlock, so it fails
 * at once) or took the same request key first. Each run reads afresh, so the second run sees the
 * other's commit: a lock opened meanwhile, or the replay of this very request. See
 * src/store/figures.ts, which does the same for recorded actuals.
 */
export async function inWriteTransaction<T>(db: PlanDb, work: (trx: PlanDb) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= WRITE_ATTEMPTS || !(isBusy(error) || isRequestKeyTaken(error))) throw error;
      // Jitter keeps two retrying writers from colliding again in lockstep.
      await sleep(10 * attempt * (0.5 + Math.random()));
    }
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

function isRequestKeyTaken(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' && String(e.message).includes('request_key');
}
