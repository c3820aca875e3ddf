import { LOCAL_WORKSPACE } from '../../src/store/workspaces.ts';
import { namesUnit } from '../../src/domain/units.ts';
import { findPlan, loadActionPlans, type ActionPlanRecord } from '../../src/store/action-plans.ts';
import type { PlanDb } from '../../src/store/db.ts';
import { appendImportedActuals, FiguresChangedError, type ImportedActual } from '../../src/store/import-figures.ts';
import type { Plan } from '../../src/store/schema.ts';
import { lockedYears } from './locks.ts';

/**
 * Importing figures: rows of the figures CSV (docs/exports.md) compared with the store, then
 * written as new revisions, all in one transaction or not at all. A row is found by its key
 * (plan code, action plan number, indicator position, fiscal year); its indicator name and unit
 * must be the plan's, so a row pasted onto the wrong line is refused, not recorded.
 */

/** What the import reads of a row: the columns docs/exports.md marks key, check and value. */
export interface FigureRow {
  line: number;
  planCode: string;
  actionPlan: number;
  indicatorPosition: number;
  indicator: string;
  unit: string;
  fiscalYear: number;
  target: number | null;
  actual: number | null;
  provisional: boolean;
  note: string | null;
}

export interface ActualValue {
  value: number;
  provisional: boolean;
  note: string | null;
}

/** Where a row lands, in the store's own names (the file's when the store has none). */
export interface RowPlace {
  planCode: string;
  actionPlan: number;
  indicator: string;
  unit: string;
  fiscalYear: number;
}

export type Refusal =
  | { code: 'unknown_plan'; planCode: string }
  | { code: 'unknown_action_plan'; planCode: string; number: number }
  | { code: 'unknown_indicator'; number: number; position: number }
  | { code: 'name_mismatch'; file: string; store: string }
  | { code: 'unit_mismatch'; file: string; store: string }
  | { code: 'year_outside_plan'; fiscalYear: number; first: number; last: number }
  | { code: 'locked_year'; fiscalYear: number }
  | { code: 'target_differs'; file: number | null; store: number | null }
  | { code: 'actual_cleared'; store: number };

export type RowOutcome =
  | { kind: 'new'; line: number; place: RowPlace; after: ActualValue; write: ImportedActual }
  | { kind: 'changed'; line: number; place: RowPlace; before: ActualValue; after: ActualValue; write: ImportedActual }
  | { kind: 'unchanged'; line: number; place: RowPlace }
  | { kind: 'refused'; line: number; place: RowPlace; reasons: Refusal[] };

export interface FiguresDiff {
  /** In the file's order. */
  rows: RowOutcome[];
  counts: Record<RowOutcome['kind'], number>;
}

interface LoadedPlan {
  plan: Plan;
  actionPlans: Map<number, ActionPlanRecord>;
  locked: ReadonlySet<number>;
}

/**
 * Compares every row with the store. Reads only. `locks` says which years of a plan are final
 * (the review locks; see ./locks.ts).
 */
export async function diffFigures(
  db: PlanDb,
  rows: readonly FigureRow[],
  locks: typeof lockedYears = lockedYears,
  workspace: string = LOCAL_WORKSPACE,
): Promise<FiguresDiff> {
  const plans = new Map<string, LoadedPlan | null>();
  const planOf = async (code: string): Promise<LoadedPlan | null> => {
    if (!plans.has(code)) {
      const plan = await findPlan(db, code, workspace);
      plans.set(
        code,
        plan
          ? {
              plan,
              actionPlans: new Map((await loadActionPlans(db, plan.id)).map((ap) => [ap.number, ap])),
              locked: await locks(db, plan.id),
            }
          : null,
      );
    }
    return plans.get(code)!;
  };

  const outcomes: RowOutcome[] = [];
  for (const row of rows) outcomes.push(compare(row, await planOf(row.planCode)));
  const counts = { new: 0, changed: 0, unchanged: 0, refused: 0 };
  for (const outcome of outcomes) counts[outcome.kind] += 1;
  return { rows: outcomes, counts };
}

function compare(row: FigureRow, loaded: LoadedPlan | null): RowOutcome {
  const place: RowPlace = {
    planCode: row.planCode,
    actionPlan: row.actionPlan,
    indicator: row.indicator,
    unit: row.unit,
    fiscalYear: row.fiscalYear,
  };
  const refused = (...reasons: Refusal[]): RowOutcome => ({ kind: 'refused', line: row.line, place, reasons });
  if (!loaded) return refused({ code: 'unknown_plan', planCode: row.planCode });
  const ap = loaded.actionPlans.get(row.actionPlan);
  if (!ap) return refused({ code: 'unknown_action_plan', planCode: row.planCode, number: row.actionPlan });
  const indicator = ap.indicators.find((i) => i.position === row.indicatorPosition);
  if (!indicator) return refused({ code: 'unknown_indicator', number: row.actionPlan, position: row.indicatorPosition });
  place.indicator = indicator.name;
  place.unit = indicator.unit;

  const reasons: Refusal[] = [];
  if (fold(row.indicator) !== fold(indicator.name)) reasons.push({ code: 'name_mismatch', file: row.indicator, store: indicator.name });
  if (!namesUnit(row.unit, indicator.unit)) reasons.push({ code: 'unit_mismatch', file: row.unit, store: indicator.unit });
  const figure = indicator.figures.find((f) => f.fiscalYear === row.fiscalYear);
  if (!figure) {
    const { first_fiscal_year: first, last_fiscal_year: last } = loaded.plan;
    return refused(...reasons, { code: 'year_outside_plan', fiscalYear: row.fiscalYear, first, last });
  }
  if (figure.target !== row.target) reasons.push({ code: 'target_differs', file: row.target, store: figure.target });
  const before = figure.actual ? { value: figure.actual.value, provisional: figure.actual.provisional, note: figure.actual.note } : null;
  const after = row.actual === null ? null : { value: row.actual, provisional: row.provisional, note: row.note };
  if (before && !after) reasons.push({ code: 'actual_cleared', store: before.value });
  const differs = after !== null && (before === null || !sameActual(before, after));
  // A locked year refuses a change, not a file that repeats what the year already holds.
  if (differs && loaded.locked.has(row.fiscalYear)) reasons.push({ code: 'locked_year', fiscalYear: row.fiscalYear });
  if (reasons.length > 0) return refused(...reasons);
  if (!differs) return { kind: 'unchanged', line: row.line, place };

  const write: ImportedActual = {
    figureId: figure.figureId,
    expectedRevisionId: figure.actual?.revisionId ?? null,
    ...after!,
  };
  return before
    ? { kind: 'changed', line: row.line, place, before, after: after!, write }
    : { kind: 'new', line: row.line, place, after: after!, write };
}

function sameActual(a: ActualValue, b: ActualValue): boolean {
  return a.value === b.value && a.provisional === b.provisional && (a.note ?? '') === (b.note ?? '');
}

// Excel and IMEs may hand back the same name in other widths (ＩＣＴ / ICT): compare as the search does.
function fold(text: string): string {
  return text.normalize('NFKC').trim();
}

export type ApplyOutcome =
  | { kind: 'refused'; count: number }
  | { kind: 'nothing_to_do' }
  | { kind: 'applied'; count: number }
  | { kind: 'changed_meanwhile'; count: number };

/**
 * Writes the diff's new and changed rows as revisions recorded by `recordedBy`, in one
 * transaction. A diff with any refused row writes nothing: a file is taken whole or not at all.
 */
export async function applyFigures(
  db: PlanDb,
  diff: FiguresDiff,
  by: { recordedBy: string; now: Date },
): Promise<ApplyOutcome> {
  if (diff.counts.refused > 0) return { kind: 'refused', count: diff.counts.refused };
  const writes = diff.rows.flatMap((row) => (row.kind === 'new' || row.kind === 'changed' ? [row.write] : []));
  if (writes.length === 0) return { kind: 'nothing_to_do' };
  try {
    await appendImportedActuals(db, writes, by);
  } catch (error) {
    if (error instanceof FiguresChangedError) return { kind: 'changed_meanwhile', count: error.figureIds.length };
    throw error;
  }
  return { kind: 'applied', count: writes.length };
}

