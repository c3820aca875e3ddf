import { sql, type Kysely } from 'kysely';
import { countWrites, engineOf, serialKey } from './dialect.ts';

// Frozen in time: takes Kysely<any> and imports no app code.

/** The workspace every row belonged to before this migration: the single-workspace (token) mode's. */
const LOCAL = 'local';

/**
 * Many Slack workspaces in one database (#18). A workspace is keyed by its team id, or by its
 * enterprise id when installed org-wide; `local` is the one workspace of the token mode (and of
 * the CLI). Plans belong to a workspace, and everything else hangs off a plan, except the
 * committee's changes, which now name their workspace too. A workspace's Slack installation
 * (its bot token) is a row of its own, deleted on uninstall while the workspace's data stays.
 * Settings changed in Slack are a log: the newest row per name wins, and none is ever lost.
 *
 * Plan codes were unique in the whole database; now they are unique within a workspace, so two
 * workspaces can each hold their own copy of the 4th plan. SQLite cannot drop a column's UNIQUE,
 * so there the plan table is rebuilt (the migrator runs SQLite migrations with foreign keys off
 * and checks them before committing).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workspace')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text')
    .addColumn('enterprise_id', 'text')
    .addColumn('is_enterprise_install', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('name', 'text')
    .addColumn('installed_by', 'text')
    .addColumn('installed_at', 'text')
    .addColumn('uninstalled_at', 'text')
    .execute();
  await db.insertInto('workspace').values({ key: LOCAL }).execute();

  await db.schema
    .createTable('slack_installation')
    .addColumn('workspace_key', 'text', (c) => c.primaryKey().references('workspace.key'))
    .addColumn('installation', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('workspace_setting')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('workspace_key', 'text', (c) => c.notNull().references('workspace.key'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', 'text')
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('request_key', 'text', (c) => c.unique())
    .execute();
  await db.schema.createIndex('workspace_setting_latest').on('workspace_setting').columns(['workspace_key', 'name', 'id']).execute();

  // SQLite refuses ADD COLUMN … REFERENCES with a non-null default while foreign keys are on, so plain text.
  await db.schema
    .alterTable('committee_change')
    .addColumn('workspace_key', 'text', (c) => c.notNull().defaultTo(LOCAL))
    .execute();

  if (engineOf(db) === 'postgres') {
    await db.schema.alterTable('plan').addColumn('workspace_key', 'text', (c) => c.notNull().defaultTo(LOCAL).references('workspace.key')).execute();
    await sql`alter table plan drop constraint plan_code_key`.execute(db);
    await db.schema.alterTable('plan').addUniqueConstraint('plan_workspace_code', ['workspace_key', 'code']).execute();
  } else {
    await db.schema
      .createTable('plan_next')
      .addColumn('id', 'integer', serialKey(db))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('first_fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('last_fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('review_fiscal_year', 'integer')
      .addColumn('source', 'text')
      .addColumn('name_en', 'text')
      .addColumn('grading_bands', 'text')
      .addColumn('source_date', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('closed_by', 'text')
      .addColumn('workspace_key', 'text', (c) => c.notNull().defaultTo(LOCAL).references('workspace.key'))
      .addCheckConstraint('plan_period', sql`first_fiscal_year <= last_fiscal_year`)
      .addUniqueConstraint('plan_workspace_code', ['workspace_key', 'code'])
      .execute();
    const columns = sql.raw(
      'id, code, name, first_fiscal_year, last_fiscal_year, review_fiscal_year, source, name_en, grading_bands, source_date, closed_at, closed_by',
    );
    await sql`insert into plan_next (${columns}) select ${columns} from plan`.execute(db);
    await db.schema.dropTable('plan').execute();
    await db.schema.alterTable('plan_next').renameTo('plan').execute();
  }
  await db.schema.createIndex('committee_change_by_workspace').on('committee_change').columns(['workspace_key', 'id']).execute();
  await countWrites(db, ['workspace', 'slack_installation', 'workspace_setting']);
}
