import type { Kysely } from 'kysely';

// Frozen in time: takes Kysely<any> and imports no app code.

/**
 * When a plan whose period has ended was closed, and by whom (an admin's Slack id, or "cli").
 * A closed plan's missing actuals are no longer chased: answers say 計画期間終了 instead of
 * raising them every week. Null while the plan is open; reopening sets both back to null.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('plan').addColumn('closed_at', 'text').execute();
  await db.schema.alterTable('plan').addColumn('closed_by', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('plan').dropColumn('closed_by').execute();
  await db.schema.alterTable('plan').dropColumn('closed_at').execute();
}
