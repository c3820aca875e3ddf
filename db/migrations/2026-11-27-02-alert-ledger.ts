import { sql, type Kysely } from 'kysely';
import { serialKey } from './dialect.ts';

// Frozen in time like every migration: Kysely<any>, no app imports.

export async function up(db: Kysely<any>): Promise<void> {
  // One row per alert item that Slack accepted: what the next run asks "was this sent already?".
  await db.schema
    .createTable('alert_ledger')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('rule', 'text', (c) =>
      c.notNull().check(sql`rule in ('overdue', 'due_soon', 'off_target', 'no_owner')`),
    )
    .addColumn('action_plan_id', 'integer', (c) => c.notNull().references('action_plan.id').onDelete('cascade'))
    // Null for plan-wide rules (no_owner).
    .addColumn('indicator_id', 'integer', (c) => c.references('indicator.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer')
    // Only off_target remembers the revision, so a new actual that still misses alerts again.
    // No foreign key: the ledger is history and must not change when revisions do.
    .addColumn('revision_id', 'integer')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    // The Tokyo day the run was for (the --date), which the repeat interval counts from.
    .addColumn('run_date', 'text', (c) => c.notNull())
    .addColumn('message_ts', 'text')
    .execute();
  // Serves "latest run_date per key in this channel", the one lookup every run makes.
  await db.schema
    .createIndex('alert_ledger_by_key')
    .on('alert_ledger')
    .columns(['channel', 'rule', 'action_plan_id', 'indicator_id', 'fiscal_year', 'revision_id', 'run_date'])
    .execute();

  // One row per run that got as far as claiming its channel. The partial unique index lets at
  // most one run per channel be in flight, across processes, so two runs never post the same items.
  await db.schema
    .createTable('alert_run')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('run_date', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('claimed', 'posted', 'nothing_new', 'failed', 'abandoned')`),
    )
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('message_ts', 'text')
    .addColumn('item_count', 'integer')
    .addColumn('error', 'text')
    .execute();
  await sql`create unique index alert_run_one_claim on alert_run (channel) where state = 'claimed'`.execute(db);
  await db.schema.createIndex('alert_run_by_day').on('alert_run').columns(['channel', 'run_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('alert_run').execute();
  await db.schema.dropTable('alert_ledger').execute();
}
