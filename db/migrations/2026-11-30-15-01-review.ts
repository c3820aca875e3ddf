import { sql, type Kysely } from 'kysely';
import { float, serialKey } from './dialect.ts';

// Frozen in time: takes Kysely<any> and imports no app code.

/**
 * The committee's yearly review, and what it freezes. Every table is append-only: a change is
 * a new row with who, when and the request it came from (unique, so a replayed request stores
 * nothing), and the current state is the latest row. The only columns ever updated are the
 * pointers the rest of the app reads (yearly_figure.target, as current_revision_id before it).
 *
 * - committee_change: members added or removed in Slack, on top of PLAN_COMMITTEE.
 * - review: one per plan and fiscal year; opening it locks the year's figures, and `snapshot`
 *   keeps them (JSON) as they were at that moment.
 * - review_closure: at most one per review; after it nothing about the review changes, and
 *   `corrections_through` marks which corrections of its year it still lists.
 * - review_assessment, review_response, review_agreed_grade: what members, the office and the
 *   meeting said about each action plan.
 * - figure_correction: a revision of a locked year's actual, with the admin's reason.
 * - target_revision: a target changed after the plan was made, with the reason and the
 *   decision; yearly_figure.target holds the current one, `previous_target` the one it replaced.
 * - review_reminder: the one reminder a member gets before the meeting.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('committee_change')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('slack_user_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('add', 'remove')`))
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('request_key', 'text', (c) => c.unique())
    .execute();

  await db.schema
    .createTable('review')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('meeting_date', 'text')
    .addColumn('open_reason', 'text')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('request_key', 'text', (c) => c.unique())
    .addUniqueConstraint('review_plan_year', ['plan_id', 'fiscal_year'])
    .execute();

  await db.schema
    .createTable('review_closure')
    .addColumn('review_id', 'integer', (c) => c.primaryKey().references('review.id').onDelete('cascade'))
    .addColumn('closed_by', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text', (c) => c.notNull())
    // The last figure_correction the review counts (null: none); later ones belong to the figures only.
    .addColumn('corrections_through', 'integer')
    .addColumn('request_key', 'text', (c) => c.unique())
    .execute();

  await db.schema
    .createTable('review_assessment')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('review_id', 'integer', (c) => c.notNull().references('review.id').onDelete('cascade'))
    .addColumn('action_plan_id', 'integer', (c) => c.notNull().references('action_plan.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('grade', 'text')
    .addColumn('opinion', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('request_key', 'text', (c) => c.unique())
    .execute();
  await db.schema.createIndex('review_assessment_plan').on('review_assessment').columns(['review_id', 'action_plan_id']).execute();

  await db.schema
    .createTable('review_response')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('review_id', 'integer', (c) => c.notNull().references('review.id').onDelete('cascade'))
    .addColumn('action_plan_id', 'integer', (c) => c.notNull().references('action_plan.id').onDelete('cascade'))
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('way_forward', 'text', (c) =>
      c.notNull().check(sql`way_forward in ('expand', 'continue', 'review', 'reduce', 'abolish')`),
    )
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('request_key', 'text', (c) => c.unique())
    .execute();
  await db.schema.createIndex('review_response_plan').on('review_response').columns(['review_id', 'action_plan_id']).execute();

  await db.schema
    .createTable('review_agreed_grade')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('review_id', 'integer', (c) => c.notNull().references('review.id').onDelete('cascade'))
    .addColumn('action_plan_id', 'integer', (c) => c.notNull().references('action_plan.id').onDelete('cascade'))
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('request_key', 'text', (c) => c.unique())
    .execute();
  await db.schema
    .createIndex('review_agreed_grade_plan')
    .on('review_agreed_grade')
    .columns(['review_id', 'action_plan_id'])
    .execute();

  await db.schema
    .createTable('figure_correction')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('revision_id', 'integer', (c) => c.notNull().unique().references('actual_revision.id').onDelete('cascade'))
    .addColumn('yearly_figure_id', 'integer', (c) => c.notNull().references('yearly_figure.id').onDelete('cascade'))
    .addColumn('review_id', 'integer', (c) => c.notNull().references('review.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('corrected_by', 'text', (c) => c.notNull())
    .addColumn('corrected_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('figure_correction_figure').on('figure_correction').column('yearly_figure_id').execute();

  await db.schema
    .createTable('target_revision')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('yearly_figure_id', 'integer', (c) => c.notNull().references('yearly_figure.id').onDelete('cascade'))
    .addColumn('previous_target', float(db))
    .addColumn('target', float(db), (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('revised_by', 'text', (c) => c.notNull())
    .addColumn('revised_at', 'text', (c) => c.notNull())
    .addColumn('request_key', 'text', (c) => c.unique())
    .execute();
  await db.schema.createIndex('target_revision_figure').on('target_revision').column('yearly_figure_id').execute();

  await db.schema
    .createTable('review_reminder')
    .addColumn('review_id', 'integer', (c) => c.notNull().references('review.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_reminder_pk', ['review_id', 'member_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'review_reminder',
    'target_revision',
    'figure_correction',
    'review_agreed_grade',
    'review_response',
    'review_assessment',
    'review_closure',
    'review',
    'committee_change',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
