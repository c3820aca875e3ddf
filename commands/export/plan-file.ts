import { loadActionPlans, type IndicatorRecord } from '../../src/store/action-plans.ts';
import type { PlanDb } from '../../src/store/db.ts';
import { loadPlanOutline } from '../../src/store/plans.ts';
import type { Plan } from '../../src/store/schema.ts';
import type { PlanSeed } from '../../src/store/seed-file.ts';

type IndicatorSeed = PlanSeed['actionPlans'][number]['indicators'][number];

/**
 * A plan as it stands in the store, in the plan-file format of db/seeds (what `npm run import`
 * reads back): structure, targets, 評価期間前 years and each figure's current actual. Keys come
 * in the seed file's order and absent values are left out, so the same store always writes the
 * same file and a file imported into a fresh store exports byte for byte as it was.
 * Revision history, owners and who recorded what are the store's, not the plan's: not included.
 */
export async function planFileOf(db: PlanDb, plan: Plan): Promise<PlanSeed> {
  const [outline, records] = await Promise.all([loadPlanOutline(db, plan.id), loadActionPlans(db, plan.id)]);
  const themeName = new Map(outline.themes.map((t) => [t.id, t.name]));
  return {
    plan: {
      code: plan.code,
      name: plan.name,
      nameEn: plan.name_en ?? undefined,
      firstFiscalYear: plan.first_fiscal_year,
      lastFiscalYear: plan.last_fiscal_year,
      source: plan.source ?? undefined,
      sourceDate: plan.source_date ?? undefined,
      reviewFiscalYear: plan.review_fiscal_year ?? undefined,
    },
    policies: outline.policies.map((p) => ({ number: p.number, name: p.name, nameEn: p.nameEn ?? undefined })),
    themes: outline.themes.map((t) => ({ name: t.name, nameEn: t.nameEn ?? undefined, policy: t.policyNumber })),
    actionPlans: records.map((ap) => ({
      number: ap.number,
      name: ap.name,
      nameEn: ap.nameEn ?? undefined,
      theme: themeName.get(ap.theme.id) ?? ap.theme.name,
      gradingScheme: ap.gradingScheme === 'abcd' ? undefined : ap.gradingScheme,
      narrative: ap.narrative ?? undefined,
      indicators: ap.indicators.map(indicatorSeedOf),
    })),
  };
}

function indicatorSeedOf(ind: IndicatorRecord): IndicatorSeed {
  const targets: Record<string, number> = {};
  const actuals: IndicatorSeed['actuals'] = {};
  const beforeEvaluation: number[] = [];
  for (const f of ind.figures) {
    if (f.target !== null) targets[String(f.fiscalYear)] = f.target;
    if (f.beforeEvaluation) beforeEvaluation.push(f.fiscalYear);
    if (f.actual) {
      actuals[String(f.fiscalYear)] = {
        value: f.actual.value,
        provisional: f.actual.provisional ? true : undefined,
        note: f.actual.note ?? undefined,
        noteEn: f.actual.note !== null ? (f.actual.noteEn ?? undefined) : undefined,
      };
    }
  }
  return {
    name: ind.name,
    nameEn: ind.nameEn ?? undefined,
    unit: ind.unit,
    unitEn: ind.unitEn ?? undefined,
    kind: ind.kind,
    direction: ind.direction,
    comparator: ind.comparator ?? undefined,
    range: { min: ind.minValue ?? undefined, max: ind.maxValue ?? undefined },
    targets,
    beforeEvaluation: beforeEvaluation.length ? beforeEvaluation : undefined,
    actuals,
    notes: ind.note === null ? undefined : ind.note.split('\n'),
    notesEn: ind.noteEn === null ? undefined : ind.noteEn.split('\n'),
  };
}
