import { sql } from 'kysely';
import type { PlanDb } from './db.ts';

/**
 * A token that changes whenever the database may hold different data: `data_version`
 * moves when another connection (the alert job, a second process) commits, and
 * `total_changes()` when this connection writes. Equal tokens mean equal answers.
 */
export async function dataVersion(db: PlanDb): Promise<string> {
  const { rows } = await sql<{ version: number; changes: number }>`
    select (select data_version from pragma_data_version) as version, total_changes() as changes
  `.execute(db);
  const row = rows[0]!;
  return `${row.version}.${row.changes}`;
}
