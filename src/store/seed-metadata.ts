import type { PlanDb } from './db.ts';
import { seedRecordedAt, type PlanSeed } from './seed-file.ts';

/**
 * Brings the descriptive columns of an already seeded plan up to its seed file: indicator
 * kinds, 評価期間前 years and English forms. A database seeded by an older version lacks
 * them, and seeding never runs twice. Figures are never touched here, nor any revision a
 * person recorded: of the revisions, only the seed's own (source 'seed') get the source's
 * date and their notes' English. Writes only what differs (a start against an up-to-date
 * file writes nothing), in one transaction. Returns how many rows changed.
 */
export async function refreshSeedMetadata(db: PlanDb, seed: PlanSeed): Promise<number> {
  // Each workspace seeded from the file holds its own copy of the plan.
  const plans = await db.selectFrom('plan').select(['id', 'name_en', 'source_date']).where('code', '=', seed.plan.code).orderBy('id').execute();
  let changed = 0;
  for (const plan of plans) changed += await refreshPlan(db, seed, plan);
  return changed;
}

async function refreshPlan(db: PlanDb, seed: PlanSeed, plan: { id: number; name_en: string | null; source_date: string | null }): Promise<number> {
  const [policies, themes, actionPlans, indicators, figures, seedRevisions] = await Promise.all([
    db.selectFrom('basic_policy').select(['id', 'number', 'name_en']).where('plan_id', '=', plan.id).execute(),
    db.selectFrom('theme').select(['id', 'name', 'name_en']).where('plan_id', '=', plan.id).execute(),
    db.selectFrom('action_plan').select(['id', 'number', 'name_en']).where('plan_id', '=', plan.id).execute(),
    db
      .selectFrom('indicator as i')
      .innerJoin('action_plan as ap', 'ap.id', 'i.action_plan_id')
      .select(['i.id', 'ap.number', 'i.position', 'i.kind', 'i.name_en', 'i.unit_en', 'i.note_en'])
      .where('ap.plan_id', '=', plan.id)
      .execute(),
    db
      .selectFrom('yearly_figure as f')
      .innerJoin('indicator as i', 'i.id', 'f.indicator_id')
      .innerJoin('action_plan as ap', 'ap.id', 'i.action_plan_id')
      .select(['f.id', 'ap.number', 'i.position', 'f.fiscal_year', 'f.before_evaluation'])
      .where('ap.plan_id', '=', plan.id)
      .execute(),
    db
      .selectFrom('actual_revision as r')
      .innerJoin('yearly_figure as f', 'f.id', 'r.yearly_figure_id')
      .innerJoin('indicator as i', 'i.id', 'f.indicator_id')
      .innerJoin('action_plan as ap', 'ap.id', 'i.action_plan_id')
      .select(['r.id', 'ap.number', 'i.position', 'f.fiscal_year', 'r.recorded_at', 'r.note', 'r.note_en'])
      .where('ap.plan_id', '=', plan.id)
      .where('r.source', '=', 'seed')
      .execute(),
  ]);

  type Change = (trx: PlanDb) => Promise<unknown>;
  // Without a source date the seed's revisions keep the time they were written.
  const recordedAtFor = (current: string) => (seed.plan.sourceDate ? seedRecordedAt(seed, new Date(current)) : current);
  const changes: Change[] = [];
  const nameEn = (v: string | undefined) => v ?? null;

  if (plan.name_en !== nameEn(seed.plan.nameEn) || plan.source_date !== nameEn(seed.plan.sourceDate)) {
    changes.push((trx) =>
      trx
        .updateTable('plan')
        .set({ name_en: nameEn(seed.plan.nameEn), source_date: nameEn(seed.plan.sourceDate) })
        .where('id', '=', plan.id)
        .execute(),
    );
  }
  for (const p of seed.policies) {
    const row = policies.find((r) => r.number === p.number);
    if (row && row.name_en !== nameEn(p.nameEn)) {
      changes.push((trx) => trx.updateTable('basic_policy').set({ name_en: nameEn(p.nameEn) }).where('id', '=', row.id).execute());
    }
  }
  for (const t of seed.themes) {
    const row = themes.find((r) => r.name === t.name);
    if (row && row.name_en !== nameEn(t.nameEn)) {
      changes.push((trx) => trx.updateTable('theme').set({ name_en: nameEn(t.nameEn) }).where('id', '=', row.id).execute());
    }
  }
  for (const ap of seed.actionPlans) {
    const row = actionPlans.find((r) => r.number === ap.number);
    if (row && row.name_en !== nameEn(ap.nameEn)) {
      changes.push((trx) => trx.updateTable('action_plan').set({ name_en: nameEn(ap.nameEn) }).where('id', '=', row.id).execute());
    }
    for (const [index, ind] of ap.indicators.entries()) {
      const position = index + 1;
      const row = indicators.find((r) => r.number === ap.number && r.position === position);
      if (!row) continue;
      const wanted = {
        kind: ind.kind,
        name_en: nameEn(ind.nameEn),
        unit_en: nameEn(ind.unitEn),
        note_en: ind.notesEn?.join('\n') ?? null,
      };
      if (row.kind !== wanted.kind || row.name_en !== wanted.name_en || row.unit_en !== wanted.unit_en || row.note_en !== wanted.note_en) {
        changes.push((trx) => trx.updateTable('indicator').set(wanted).where('id', '=', row.id).execute());
      }
      for (const figure of figures.filter((f) => f.number === ap.number && f.position === position)) {
        const before = ind.beforeEvaluation?.includes(figure.fiscal_year) ? 1 : 0;
        if (figure.before_evaluation !== before) {
          changes.push((trx) =>
            trx.updateTable('yearly_figure').set({ before_evaluation: before }).where('id', '=', figure.id).execute(),
          );
        }
      }
      for (const revision of seedRevisions.filter((r) => r.number === ap.number && r.position === position)) {
        const actual = ind.actuals[String(revision.fiscal_year)];
        // A seed revision's own note is left alone; only its English follows the file.
        const wanted = {
          recorded_at: recordedAtFor(revision.recorded_at),
          note_en: actual?.note !== undefined && actual.note === revision.note ? (actual.noteEn ?? null) : revision.note_en,
        };
        if (revision.recorded_at !== wanted.recorded_at || revision.note_en !== wanted.note_en) {
          changes.push((trx) => trx.updateTable('actual_revision').set(wanted).where('id', '=', revision.id).execute());
        }
      }
    }
  }
  if (changes.length === 0) return 0;
  await db.transaction().execute(async (trx) => {
    for (const change of changes) await change(trx);
  });
  return changes.length;
}
