import { CompiledQuery } from 'kysely';
import type { PlanDb } from './db.ts';

// Asked before every cached answer: compiled once rather than built per request.
const VERSION_QUERY = CompiledQuery.raw(
  'select (select data_version from pragma_data_version) as version, total_changes() as changes',
);

/**
 * A token that changes whenever the database may hold different data: `data_version`
 * moves when another connection (the alert job, a second process) commits, and
 * `total_changes()` when this connection writes. Equal tokens mean equal answers.
 */
export async function dataVersion(db: PlanDb): Promise<string> {
  const { rows } = await db.executeQuery<{ version: number; changes: number }>(VERSION_QUERY);
  const row = rows[0]!;
  return `${row.version}.${row.changes}`;
}
