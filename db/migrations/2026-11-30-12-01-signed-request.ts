import type { Kysely } from 'kysely';

// Frozen in time: takes Kysely<any> and imports no app code.

/**
 * Signed Slack requests that write, by signature, until their signature could no longer be
 * accepted (the request's timestamp plus five minutes). A signature seen twice is a replay;
 * rows past their time are pruned as new ones arrive.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('signed_request')
    .addColumn('signature', 'text', (c) => c.primaryKey())
    // ISO 8601 instant.
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('signed_request_by_expiry').on('signed_request').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('signed_request').execute();
}
