import { sql } from 'kysely';
import type { PlanDb } from './db.ts';
import type { GradingScheme, IndicatorKind } from '../domain/grading.ts';
import type { DirectionColumn, Plan, RevisionSource } from './schema.ts';

export interface ActualRecord {
  revisionId: number;
  value: number;
  provisional: boolean;
  recordedBy: string;
  recordedAt: string;
  source: RevisionSource;
  note: string | null;
  noteEn: string | null;
}

export interface FigureRecord {
  figureId: number;
  fiscalYear: number;
  target: number | null;
  /** The source marks this year 評価期間前: not graded even with a figure. */
  beforeEvaluation: boolean;
  actual: ActualRecord | null;
  /** An actual of this year was corrected after the year was locked by a review (修正あり). */
  corrected: boolean;
  /** The target was revised after the plan was made; `target` is the revised one (見直し後). */
  targetRevised: boolean;
}

export interface IndicatorRecord {
  id: number;
  position: number;
  name: string;
  unit: string;
  direction: DirectionColumn;
  comparator: string | null;
  minValue: number | null;
  maxValue: number | null;
  note: string | null;
  kind: IndicatorKind;
  nameEn: string | null;
  unitEn: string | null;
  noteEn: string | null;
  figures: FigureRecord[];
}

export interface ActionPlanRecord {
  id: number;
  number: number;
  name: string;
  nameEn: string | null;
  narrative: string | null;
  gradingScheme: GradingScheme;
  policy: { number: number; name: string; nameEn: string | null };
  theme: { id: number; name: string; nameEn: string | null };
  indicators: IndicatorRecord[];
}

export interface ActionPlanFilter {
  numbers?: number[];
  policyNumber?: number;
  themeId?: number;
}

/** The plan commands address unless told otherwise: a given code, else the newest plan. */
export async function findPlan(db: PlanDb, code?: string): Promise<Plan | undefined> {
  let query = db.selectFrom('plan').selectAll();
  query = code ? query.where('code', '=', code) : query.orderBy('first_fiscal_year', 'desc').orderBy('id', 'desc');
  return query.executeTakeFirst();
}

export async function listPolicies(db: PlanDb, planId: number) {
  return db
    .selectFrom('basic_policy')
    .select(['id', 'number', 'name', 'name_en as nameEn'])
    .where('plan_id', '=', planId)
    .orderBy('number')
    .execute();
}

export async function listThemes(db: PlanDb, planId: number) {
  return db
    .selectFrom('theme')
    .innerJoin('basic_policy', 'basic_policy.id', 'theme.policy_id')
    .select(['theme.id', 'theme.name', 'theme.name_en as nameEn', 'theme.position', 'basic_policy.number as policyNumber'])
    .where('theme.plan_id', '=', planId)
    .orderBy('theme.position')
    .execute();
}

/**
 * Action plans of one plan with their indicators and every yearly figure, in three
 * queries whatever the count: the shape every answer is built from.
 */
export async function loadActionPlans(
  db: PlanDb,
  planId: number,
  filter: ActionPlanFilter = {},
): Promise<ActionPlanRecord[]> {
  let apQuery = db
    .selectFrom('action_plan as ap')
    .innerJoin('basic_policy as bp', 'bp.id', 'ap.policy_id')
    .innerJoin('theme as t', 't.id', 'ap.theme_id')
    .select([
      'ap.id',
      'ap.number',
      'ap.name',
      'ap.narrative',
      'ap.name_en as nameEn',
      'ap.grading_scheme as gradingScheme',
      'bp.number as policyNumber',
      'bp.name as policyName',
      'bp.name_en as policyNameEn',
      't.id as themeId',
      't.name as themeName',
      't.name_en as themeNameEn',
    ])
    .where('ap.plan_id', '=', planId)
    .orderBy('ap.number');
  if (filter.numbers) apQuery = apQuery.where('ap.number', 'in', filter.numbers.length ? filter.numbers : [-1]);
  if (filter.policyNumber !== undefined) apQuery = apQuery.where('bp.number', '=', filter.policyNumber);
  if (filter.themeId !== undefined) apQuery = apQuery.where('t.id', '=', filter.themeId);
  const apRows = await apQuery.execute();
  if (apRows.length === 0) return [];

  const apIds = apRows.map((r) => r.id);
  const indicatorRows = await db
    .selectFrom('indicator')
    .selectAll()
    .where('action_plan_id', 'in', apIds)
    .orderBy('action_plan_id')
    .orderBy('position')
    .execute();

  const figureRows = indicatorRows.length
    ? await db
        .selectFrom('yearly_figure as f')
        .innerJoin('indicator as i', 'i.id', 'f.indicator_id')
        .leftJoin('actual_revision as r', 'r.id', 'f.current_revision_id')
        .select([
          'f.id as figureId',
          'f.indicator_id as indicatorId',
          'f.fiscal_year as fiscalYear',
          'f.target',
          'f.before_evaluation as beforeEvaluation',
          'r.id as revisionId',
          'r.value',
          'r.provisional',
          'r.recorded_by as recordedBy',
          'r.recorded_at as recordedAt',
          'r.source',
          'r.note',
          'r.note_en as noteEn',
          sql<number>`exists (select 1 from figure_correction fc where fc.yearly_figure_id = f.id)`.as('corrected'),
          sql<number>`exists (select 1 from target_revision tr where tr.yearly_figure_id = f.id)`.as('targetRevised'),
        ])
        .where('i.action_plan_id', 'in', apIds)
        .orderBy('f.indicator_id')
        .orderBy('f.fiscal_year')
        .execute()
    : [];

  const figuresByIndicator = new Map<number, FigureRecord[]>();
  for (const row of figureRows) {
    const list = figuresByIndicator.get(row.indicatorId) ?? [];
    list.push({
      figureId: row.figureId,
      fiscalYear: row.fiscalYear,
      target: row.target,
      beforeEvaluation: row.beforeEvaluation === 1,
      // exists () is 1 on SQLite and true on PostgreSQL.
      corrected: Boolean(row.corrected),
      targetRevised: Boolean(row.targetRevised),
      actual:
        row.revisionId === null
          ? null
          : {
              revisionId: row.revisionId,
              value: row.value!,
              provisional: row.provisional === 1,
              recordedBy: row.recordedBy!,
              recordedAt: row.recordedAt!,
              source: row.source!,
              note: row.note,
              noteEn: row.noteEn,
            },
    });
    figuresByIndicator.set(row.indicatorId, list);
  }

  const indicatorsByPlan = new Map<number, IndicatorRecord[]>();
  for (const row of indicatorRows) {
    const list = indicatorsByPlan.get(row.action_plan_id) ?? [];
    list.push({
      id: row.id,
      position: row.position,
      name: row.name,
      unit: row.unit,
      direction: row.direction,
      comparator: row.comparator,
      minValue: row.min_value,
      maxValue: row.max_value,
      note: row.note,
      kind: row.kind,
      nameEn: row.name_en,
      unitEn: row.unit_en,
      noteEn: row.note_en,
      figures: figuresByIndicator.get(row.id) ?? [],
    });
    indicatorsByPlan.set(row.action_plan_id, list);
  }

  return apRows.map((row) => ({
    id: row.id,
    number: row.number,
    name: row.name,
    nameEn: row.nameEn,
    narrative: row.narrative,
    gradingScheme: row.gradingScheme,
    policy: { number: row.policyNumber, name: row.policyName, nameEn: row.policyNameEn },
    theme: { id: row.themeId, name: row.themeName, nameEn: row.themeNameEn },
    indicators: indicatorsByPlan.get(row.id) ?? [],
  }));
}

export async function loadActionPlan(db: PlanDb, planId: number, number: number) {
  const [record] = await loadActionPlans(db, planId, { numbers: [number] });
  return record;
}

/** Whether a plan has an action plan with this number (a form is opened only for one that exists). */
export async function actionPlanExists(db: PlanDb, planId: number, number: number): Promise<boolean> {
  const row = await db
    .selectFrom('action_plan')
    .select('id')
    .where('plan_id', '=', planId)
    .where('number', '=', number)
    .executeTakeFirst();
  return row !== undefined;
}

/** The highest action plan number of a plan (0 when it has none), for "there are ① to ⑳". */
export async function maxActionPlanNumber(db: PlanDb, planId: number): Promise<number> {
  const { max } = await db
    .selectFrom('action_plan')
    .select((eb) => eb.fn.max('number').as('max'))
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return max ?? 0;
}
