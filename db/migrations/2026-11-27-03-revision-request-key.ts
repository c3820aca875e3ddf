import type { Kysely } from 'kysely';

// Frozen in time: takes Kysely<any> and imports no app code.

/**
 * The request a revision came from (for Slack, the form's view id). Unique, so a request
 * that is delivered twice — a replayed submission within Slack's five-minute signature
 * window — stores one revision, not two. Older revisions (the seed) have none.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('actual_revision').addColumn('request_key', 'text').execute();
  await db.schema
    .createIndex('actual_revision_request_key')
    .on('actual_revision')
    .column('request_key')
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('actual_revision_request_key').execute();
  await db.schema.alterTable('actual_revision').dropColumn('request_key').execute();
}
