import { sql, type Kysely } from 'kysely';

// Frozen in time: takes Kysely<any> and imports no app code.

/**
 * What grading needs beside the figures: each indicator's kind (how its achievement is
 * measured), the years the source marks 評価期間前, the scheme an action plan is graded with
 * (A–D unless said otherwise) and the plan's bands; plus the English forms of every name,
 * unit and note, for answers in English. Kinds of existing rows are a first guess from the
 * unit and direction; the seed's metadata refresh (src/store/seed.ts) sets the real ones.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('indicator').addColumn('kind', 'text', (c) => c.notNull().defaultTo('count')).execute();
  await db
    .updateTable('indicator')
    .set({ kind: sql`case when direction = 'lower_is_better' then 'max_threshold' when unit = '%' then 'percentage' else 'count' end` })
    .execute();
  for (const column of ['name_en', 'unit_en', 'note_en']) {
    await db.schema.alterTable('indicator').addColumn(column, 'text').execute();
  }
  await db.schema
    .alterTable('yearly_figure')
    .addColumn('before_evaluation', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('action_plan').addColumn('name_en', 'text').execute();
  await db.schema
    .alterTable('action_plan')
    .addColumn('grading_scheme', 'text', (c) => c.notNull().defaultTo('abcd'))
    .execute();
  for (const table of ['plan', 'basic_policy', 'theme']) {
    await db.schema.alterTable(table).addColumn('name_en', 'text').execute();
  }
  // JSON of the bands that differ from the defaults; null → the defaults of docs/grading.md.
  await db.schema.alterTable('plan').addColumn('grading_bands', 'text').execute();
  await db.schema.alterTable('actual_revision').addColumn('note_en', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('actual_revision').dropColumn('note_en').execute();
  await db.schema.alterTable('plan').dropColumn('grading_bands').execute();
  for (const table of ['plan', 'basic_policy', 'theme']) await db.schema.alterTable(table).dropColumn('name_en').execute();
  await db.schema.alterTable('action_plan').dropColumn('grading_scheme').execute();
  await db.schema.alterTable('action_plan').dropColumn('name_en').execute();
  await db.schema.alterTable('yearly_figure').dropColumn('before_evaluation').execute();
  for (const column of ['kind', 'name_en', 'unit_en', 'note_en']) {
    await db.schema.alterTable('indicator').dropColumn(column).execute();
  }
}
