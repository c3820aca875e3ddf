import type { Kysely } from 'kysely';

// Frozen in time: takes Kysely<any> and imports no app code.

/** The day of the source document a plan was written from (YYYY-MM-DD), so a plan file can say it again. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('plan').addColumn('source_date', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('plan').dropColumn('source_date').execute();
}
