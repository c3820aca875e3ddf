import { sql, type Kysely } from 'kysely';
import { serialKey, float } from './dialect.ts';

// Frozen in time: a migration takes Kysely<any> and imports no app code, so later
// changes to the app's types can never change what an old migration does.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plan')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('first_fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('last_fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('review_fiscal_year', 'integer')
    .addColumn('source', 'text')
    .addCheckConstraint('plan_period', sql`first_fiscal_year <= last_fiscal_year`)
    .execute();

  await db.schema
    .createTable('basic_policy')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('basic_policy_number', ['plan_id', 'number'])
    .execute();

  await db.schema
    .createTable('theme')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('policy_id', 'integer', (c) => c.notNull().references('basic_policy.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('theme_name', ['plan_id', 'name'])
    .execute();

  await db.schema
    .createTable('action_plan')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('policy_id', 'integer', (c) => c.notNull().references('basic_policy.id'))
    .addColumn('theme_id', 'integer', (c) => c.notNull().references('theme.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('narrative', 'text')
    .addUniqueConstraint('action_plan_number', ['plan_id', 'number'])
    .execute();

  await db.schema
    .createTable('action_plan_owner')
    .addColumn('action_plan_id', 'integer', (c) => c.notNull().references('action_plan.id').onDelete('cascade'))
    .addColumn('slack_user_id', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('action_plan_owner_pk', ['action_plan_id', 'slack_user_id'])
    .execute();

  await db.schema
    .createTable('indicator')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('action_plan_id', 'integer', (c) => c.notNull().references('action_plan.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) =>
      c.notNull().check(sql`direction in ('higher_is_better', 'lower_is_better')`),
    )
    .addColumn('comparator', 'text')
    .addColumn('min_value', float(db))
    .addColumn('max_value', float(db))
    .addColumn('note', 'text')
    .addUniqueConstraint('indicator_position', ['action_plan_id', 'position'])
    .execute();

  await db.schema
    .createTable('yearly_figure')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('target', float(db))
    // Points at the latest revision: kept in step inside the same transaction that adds it.
    .addColumn('current_revision_id', 'integer')
    .addUniqueConstraint('yearly_figure_year', ['indicator_id', 'fiscal_year'])
    .execute();

  await db.schema
    .createTable('actual_revision')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('yearly_figure_id', 'integer', (c) =>
      c.notNull().references('yearly_figure.id').onDelete('cascade'),
    )
    .addColumn('value', float(db), (c) => c.notNull())
    .addColumn('provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('seed', 'slack', 'cli', 'import')`))
    .addColumn('note', 'text')
    .execute();

  await db.schema
    .createIndex('actual_revision_by_figure')
    .on('actual_revision')
    .columns(['yearly_figure_id', 'id'])
    .execute();
  await db.schema.createIndex('action_plan_by_theme').on('action_plan').column('theme_id').execute();
  await db.schema.createIndex('indicator_by_action_plan').on('indicator').column('action_plan_id').execute();
  await db.schema
    .createIndex('yearly_figure_open')
    .on('yearly_figure')
    .columns(['fiscal_year', 'current_revision_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'actual_revision',
    'yearly_figure',
    'indicator',
    'action_plan_owner',
    'action_plan',
    'theme',
    'basic_policy',
    'plan',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
