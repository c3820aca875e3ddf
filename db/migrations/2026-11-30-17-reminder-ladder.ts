import { sql, type Kysely } from 'kysely';
import { serialKey } from './dialect.ts';

// Frozen in time: takes Kysely<any> and imports no app code.

/**
 * The reminder ladder's memory, and the outbox that makes every bot post exactly-once even
 * when Slack's answer is lost.
 *
 * post_attempt: one row written BEFORE each post (a DM, an escalation or the channel digest),
 * carrying the key the message also carries in its Slack metadata. A post whose answer never
 * came stays 'pending'; the next run looks for the key in the conversation's history and
 * settles it as 'sent' or 'not_sent' instead of posting blindly again.
 *
 * reminder_ledger: one row per figure, rung and person, tied to the attempt that carries it.
 * Rows of an attempt that is known not to have been posted are deleted, so they are sent again.
 *
 * reminder_snooze: "あとで（1週間）" per figure and person.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('post_attempt')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('message_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('reminder', 'escalation', 'digest')`))
    // The Slack user a DM is for; null for the channel digest.
    .addColumn('recipient', 'text')
    // Where it was posted: the DM's D… id or the alert channel.
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('run_date', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('pending', 'sent', 'not_sent')`))
    .addColumn('attempted_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('message_ts', 'text')
    .addColumn('error', 'text')
    // For a digest: the alert ledger keys it carries (JSON), ledgered once it is known to be posted.
    .addColumn('payload', 'text')
    .execute();
  await db.schema.createIndex('post_attempt_pending').on('post_attempt').columns(['state', 'kind']).execute();

  await db.schema
    .createTable('reminder_ledger')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    // 'd-14', 'd+0', 'd+9' (days from the due date), 'escalate' or 'unowned'.
    .addColumn('rung', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('post_id', 'integer', (c) => c.notNull().references('post_attempt.id').onDelete('cascade'))
    .addColumn('run_date', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reminder_ledger_once')
    .on('reminder_ledger')
    .columns(['indicator_id', 'fiscal_year', 'rung', 'recipient'])
    .unique()
    .execute();
  await db.schema.createIndex('reminder_ledger_by_post').on('reminder_ledger').column('post_id').execute();

  await db.schema
    .createTable('reminder_snooze')
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    // The first Tokyo day reminders resume.
    .addColumn('until', 'text', (c) => c.notNull())
    .addColumn('snoozed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reminder_snooze_pk', ['indicator_id', 'fiscal_year', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reminder_snooze').execute();
  await db.schema.dropTable('reminder_ledger').execute();
  await db.schema.dropTable('post_attempt').execute();
}
