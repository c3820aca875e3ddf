import { CompiledQuery } from 'kysely';
import type { PlanDb } from './db.ts';
import { engineOf } from './engine.ts';

// Asked before every cached answer: compiled once rather than built per request.
const SQLITE_VERSION = CompiledQuery.raw(
  'select (select data_version from pragma_data_version) as version, total_changes() as changes',
);
const POSTGRES_VERSION = CompiledQuery.raw('select pg_current_snapshot()::text as version');

/**
 * A token that changes whenever the database may hold different data; equal tokens mean equal
 * answers.
 *
 * SQLite: `data_version` moves when another connection (the alert job, a second process)
 * commits, and `total_changes()` when this connection writes.
 *
 * PostgreSQL: the current snapshot (xmin:xmax:in-progress ids). Two equal snapshots see exactly
 * the same set of committed transactions, so nothing any instance committed can hide behind an
 * equal token; any writing transaction that starts or ends moves it. It also moves on writes
 * elsewhere in the cluster, which only costs a cache miss, and it needs no bookkeeping in the
 * writers: a write by a future table, a migration or an operator's psql invalidates it too.
 */
export async function dataVersion(db: PlanDb): Promise<string> {
  if (engineOf(db) === 'postgres') {
    const { rows } = await db.executeQuery<{ version: string }>(POSTGRES_VERSION);
    return rows[0]!.version;
  }
  const { rows } = await db.executeQuery<{ version: number; changes: number }>(SQLITE_VERSION);
  const row = rows[0]!;
  return `${row.version}.${row.changes}`;
}
