import { CompiledQuery } from 'kysely';
import type { PlanDb } from './db.ts';
import { engineOf } from './engine.ts';

// Asked before every cached answer: compiled once rather than built per request.
const SQLITE_VERSION = CompiledQuery.raw(
  'select (select data_version from pragma_data_version) as version, total_changes() as changes',
);
const POSTGRES_VERSION = CompiledQuery.raw('select version from plan_bot_data_version where id = 1');

/**
 * A token that changes whenever the database may hold different data; equal tokens mean equal
 * answers.
 *
 * SQLite: `data_version` moves when another connection (the alert job, a second process)
 * commits, and `total_changes()` when this connection writes.
 *
 * PostgreSQL: the schema's write counter (migration 2026-11-30-18-01-write-counter). A trigger on
 * every table bumps it in the writing transaction, so the new count becomes visible exactly when
 * the write does, whichever instance (or an operator's psql) made it; writes to other schemas or
 * databases on the same server leave it alone.
 */
export async function dataVersion(db: PlanDb): Promise<string> {
  if (engineOf(db) === 'postgres') {
    const { rows } = await db.executeQuery<{ version: number }>(POSTGRES_VERSION);
    return String(rows[0]!.version);
  }
  const { rows } = await db.executeQuery<{ version: number; changes: number }>(SQLITE_VERSION);
  const row = rows[0]!;
  return `${row.version}.${row.changes}`;
}
