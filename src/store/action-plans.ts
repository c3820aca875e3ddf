import { sql, type Selectable } from 'kysely';
import type { PlanDb } from './db.ts';
import { LOCAL_WORKSPACE } from './workspaces.ts';
import { engineOf } from './engine.ts';
import type { GradingScheme, IndicatorKind } from '../domain/grading.ts';
import type { DirectionColumn, IndicatorTable, Plan, RevisionSource } from './schema.ts';

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

/** What a status and a grade need of a yearly figure: the lists are built from this much. */
export interface FigureOutline {
  fiscalYear: number;
  target: number | null;
  /** The source marks this year 評価期間前: not graded even with a figure. */
  beforeEvaluation: boolean;
  actual: { value: number; provisional: boolean } | null;
}

export interface FigureRecord extends FigureOutline {
  figureId: number;
  actual: ActualRecord | null;
  /** An actual of this year was corrected after the year was locked by a review (修正あり). */
  corrected: boolean;
  /** The target was revised after the plan was made; `target` is the revised one (見直し後). */
  targetRevised: boolean;
}

export interface IndicatorRecord<F extends FigureOutline = FigureRecord> {
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
  figures: F[];
}

export interface ActionPlanRecord<F extends FigureOutline = FigureRecord> {
  id: number;
  number: number;
  name: string;
  nameEn: string | null;
  narrative: string | null;
  gradingScheme: GradingScheme;
  policy: { number: number; name: string; nameEn: string | null };
  theme: { id: number; name: string; nameEn: string | null };
  indicators: IndicatorRecord<F>[];
}

/**
 * What a list or a search reads of an indicator: what it searches (names and notes) and what
 * a status and a grade need. Units, comparators and ranges are for the one plan shown.
 */
export type IndicatorOutline = Pick<
  IndicatorRecord<FigureOutline>,
  'id' | 'position' | 'name' | 'nameEn' | 'note' | 'noteEn' | 'kind' | 'direction' | 'figures'
>;

/** An action plan with what lists and searches show: names, texts and each figure's outline. */
export interface ActionPlanOutline extends Omit<ActionPlanRecord<FigureOutline>, 'indicators'> {
  indicators: IndicatorOutline[];
}

export interface ActionPlanFilter {
  numbers?: number[];
  policyNumber?: number;
  themeId?: number;
}

/** The plan commands address unless told otherwise: a given code, else the newest plan. */
/** A workspace's plan by code, or its newest when no code is given. */
export async function findPlan(db: PlanDb, code?: string, workspace: string = LOCAL_WORKSPACE): Promise<Plan | undefined> {
  let query = db.selectFrom('plan').selectAll().where('workspace_key', '=', workspace);
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
 * Action plans of one plan with their indicators and every yearly figure with its current
 * revision, in three queries whatever the count: the shape every answer about one action
 * plan is built from.
 */
export async function loadActionPlans(
  db: PlanDb,
  planId: number,
  filter: ActionPlanFilter = {},
): Promise<ActionPlanRecord[]> {
  const apRows = await actionPlanRows(db, planId, filter);
  if (apRows.length === 0) return [];
  const apIds = apRows.map((r) => r.id);
  const indicatorRows = await indicatorsOf(db, apIds);
  const figures = indicatorRows.length ? await loadFigures(db, apIds) : new Map<number, FigureRecord[]>();
  return assemble(apRows, indicatorRows, (row) => indicatorRecord(row, figures.get(row.id) ?? []));
}

/**
 * The same action plans with each figure's outline only (year, target, 評価期間前, value):
 * what the lists and searches need for a status and a grade, in two queries ('rows', the portable
 * form kept beside it for engines without JSON aggregates, takes three). Leaving out
 * the revisions' who, when and notes and the review markers (two subqueries per figure),
 * and reading each indicator's figures as one column rather than one row per figure, took
 * `/plan list` from 10× the time of `/plan 13` to about 2× (#14). Of the indicator, only what a
 * list searches and grades is read (IndicatorOutline): better-sqlite3 pays for every value.
 */
export async function loadActionPlanOutlines(
  db: PlanDb,
  planId: number,
  filter: ActionPlanFilter = {},
  how: 'json' | 'rows' = 'json',
): Promise<ActionPlanOutline[]> {
  const apRows = await actionPlanRows(db, planId, filter);
  if (apRows.length === 0) return [];
  const apIds = apRows.map((r) => r.id);
  const indicators = db.selectFrom('indicator as i').select(OUTLINE_COLUMNS).where('i.action_plan_id', 'in', apIds);
  if (how === 'rows') {
    // The same outlines as one row per figure, in portable SQL (tests hold the two forms equal).
    const indicatorRows = await indicators.orderBy('i.action_plan_id').orderBy('i.position').execute();
    const figures = indicatorRows.length ? await loadOutlineRows(db, apIds) : new Map<number, FigureOutline[]>();
    return assemble(apRows, indicatorRows, (row) => indicatorOutline(row, figures.get(row.id) ?? []));
  }
  const indicatorRows = await indicators
    .select(figureOutlinesColumn(db).as('figures'))
    .orderBy('i.action_plan_id')
    .orderBy('i.position')
    .execute();
  return assemble(apRows, indicatorRows, (row) => indicatorOutline(row, figuresInYearOrder(JSON.parse(row.figures) as OutlineTuple[])));
}

const OUTLINE_COLUMNS = [
  'i.id',
  'i.action_plan_id',
  'i.position',
  'i.name',
  'i.name_en',
  'i.note',
  'i.note_en',
  'i.kind',
  'i.direction',
] as const;

type OutlineColumns = Pick<Selectable<IndicatorTable>, 'id' | 'action_plan_id' | 'position' | 'name' | 'name_en' | 'note' | 'note_en' | 'kind' | 'direction'>;

function indicatorOutline(row: OutlineColumns, figures: FigureOutline[]): IndicatorOutline {
  return {
    id: row.id,
    position: row.position,
    name: row.name,
    nameEn: row.name_en,
    note: row.note,
    noteEn: row.note_en,
    kind: row.kind,
    direction: row.direction,
    figures,
  };
}

function indicatorRecord(row: Selectable<IndicatorTable>, figures: FigureRecord[]): IndicatorRecord {
  return {
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
    figures,
  };
}

/**
 * figureOutlinesColumn's figures, oldest year first. SQLite's column comes in the order of the
 * (indicator, year) index it reads, so this only checks, rather than asking SQLite to sort each
 * indicator's figures, which took a fifth of the query's time.
 */
function figuresInYearOrder(tuples: OutlineTuple[]): FigureOutline[] {
  for (let k = 1; k < tuples.length; k++) {
    if (tuples[k - 1]![0] > tuples[k]![0]) {
      tuples.sort((a, b) => a[0] - b[0]);
      break;
    }
  }
  return tuples.map(outlineOf);
}

/** The indicators of these action plans, in plan and then position order. */
function indicatorsOf(db: PlanDb, actionPlanIds: number[]) {
  return db
    .selectFrom('indicator')
    .selectAll()
    .where('action_plan_id', 'in', actionPlanIds)
    .orderBy('action_plan_id')
    .orderBy('position')
    .execute();
}

/** Every figure of these action plans in outline, one row each (what figureOutlinesColumn packs). */
async function loadOutlineRows(db: PlanDb, actionPlanIds: number[]): Promise<Map<number, FigureOutline[]>> {
  const rows = await db
    .selectFrom('yearly_figure as f')
    .innerJoin('indicator as i', 'i.id', 'f.indicator_id')
    .leftJoin('actual_revision as r', 'r.id', 'f.current_revision_id')
    .select([
      'f.indicator_id as indicatorId',
      'f.fiscal_year as fiscalYear',
      'f.target',
      'f.before_evaluation as beforeEvaluation',
      'r.value',
      'r.provisional',
    ])
    .where('i.action_plan_id', 'in', actionPlanIds)
    .orderBy('f.indicator_id')
    .orderBy('f.fiscal_year')
    .execute();
  const figuresByIndicator = new Map<number, FigureOutline[]>();
  for (const row of rows) {
    let list = figuresByIndicator.get(row.indicatorId);
    if (!list) figuresByIndicator.set(row.indicatorId, (list = []));
    list.push(outlineOf([row.fiscalYear, row.target, row.beforeEvaluation, row.value, row.provisional]));
  }
  return figuresByIndicator;
}

async function actionPlanRows(db: PlanDb, planId: number, filter: ActionPlanFilter) {
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
  return apQuery.execute();
}

type ActionPlanRow = Awaited<ReturnType<typeof actionPlanRows>>[number];

function assemble<I, R extends { action_plan_id: number }>(
  apRows: ActionPlanRow[],
  indicatorRows: R[],
  indicatorOf: (row: R) => I,
): (Omit<ActionPlanRecord, 'indicators'> & { indicators: I[] })[] {
  const indicatorsByPlan = new Map<number, I[]>();
  for (const row of indicatorRows) {
    let list = indicatorsByPlan.get(row.action_plan_id);
    if (!list) indicatorsByPlan.set(row.action_plan_id, (list = []));
    list.push(indicatorOf(row));
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

/** One figure as figureOutlinesColumn writes it; value and provisional are null without an actual. */
type OutlineTuple = [fiscalYear: number, target: number | null, beforeEvaluation: number, value: number | null, provisional: number | null];

/**
 * An indicator's figures in outline, oldest year first, as one JSON array: the only dialect in
 * this file, one form per engine. better-sqlite3 spends about a microsecond on every row it hands
 * to JavaScript, more than SQLite spends finding it, so one column per indicator beats one row per
 * figure. Both engines write a double in JSON with as many digits as it takes to read it back
 * exactly (SQLite 17 significant digits, PostgreSQL the shortest exact form).
 */
function figureOutlinesColumn(db: PlanDb) {
  if (engineOf(db) === 'postgres') {
    return sql<string>`(
      select coalesce(json_agg(json_build_array(f.fiscal_year, f.target, f.before_evaluation, r.value, r.provisional) order by f.fiscal_year), '[]'::json)::text
      from yearly_figure as f
      left join actual_revision as r on r.id = f.current_revision_id
      where f.indicator_id = i.id
    )`;
  }
  // No ORDER BY: the figures come in the (indicator, year) index's order; figuresInYearOrder checks.
  return sql<string>`(
    select json_group_array(json_array(f.fiscal_year, f.target, f.before_evaluation, r.value, r.provisional))
    from yearly_figure as f
    left join actual_revision as r on r.id = f.current_revision_id
    where f.indicator_id = i.id
  )`;
}

function outlineOf([fiscalYear, target, beforeEvaluation, value, provisional]: OutlineTuple): FigureOutline {
  return {
    fiscalYear,
    target,
    beforeEvaluation: beforeEvaluation === 1,
    actual: value === null ? null : { value, provisional: provisional === 1 },
  };
}

/** Every figure of these action plans with its current revision and its review markers. */
async function loadFigures(db: PlanDb, actionPlanIds: number[]): Promise<Map<number, FigureRecord[]>> {
  const figureRows = await db
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
    .where('i.action_plan_id', 'in', actionPlanIds)
    .orderBy('f.indicator_id')
    .orderBy('f.fiscal_year')
    .execute();
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
  return figuresByIndicator;
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
