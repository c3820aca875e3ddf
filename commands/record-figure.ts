import { z } from 'zod';
import {
  checkFigureValue,
  checkFiscalYear,
  checkNote,
  isProvisional,
  recordableYears,
  type FiscalYearProblem,
  type NoteProblem,
  type PlanPeriod,
  type ValueProblem,
} from '../src/domain/figure-input.ts';
import { fiscalYearOf } from '../src/domain/fiscal-year.ts';
import { figureStatus, type Direction, type FigureStatus } from '../src/domain/status.ts';
import { loadActionPlan, type ActionPlanRecord, type IndicatorRecord } from '../src/store/action-plans.ts';
import { listOwners } from '../src/store/owners.ts';
import { recordActual, UnknownFigureError } from '../src/store/figures.ts';
import type { CommandContext } from './context.ts';
import { noSuchActionPlan } from './errors.ts';
import { MAX_ACTION_PLAN_NUMBER } from './grammar.ts';
import type { ActionPlanHeader, CommandResult } from './results.ts';
import { headerOf } from './views.ts';

/**
 * Recording a yearly actual, whatever the door: the data a form needs to open, and the
 * submission that validates, checks who may record, and stores a new revision.
 */

export interface ReportIndicator {
  id: number;
  name: string;
  unit: string;
  comparator: string | null;
  direction: Direction;
}

export interface CurrentActual {
  value: number;
  provisional: boolean;
  recordedBy: string;
  recordedAt: string;
  source: string;
}

export interface ReportForm {
  planId: number;
  actionPlan: ActionPlanHeader;
  indicators: ReportIndicator[];
  /** Plan years that have begun as of today, oldest first: the fiscal-year choices. */
  years: number[];
  /** What the form shows as chosen, with the figures for that choice. */
  chosen: {
    indicatorId: number;
    fiscalYear: number;
    target: number | null;
    actual: CurrentActual | null;
    /** The year is still running: what is entered now is recorded as provisional. */
    provisional: boolean;
  };
}

export interface Forbidden {
  actionPlan: ActionPlanHeader;
  owners: string[];
  admins: string[];
}

export type PrepareReportFormResult =
  | { ok: true; form: ReportForm }
  | { ok: false; forbidden: Forbidden }
  /** Render as any other command result (no such action plan). */
  | { ok: false; result: CommandResult };

/** Who may record besides the owners: the PLAN_ADMINS list, named when someone is refused. */
export interface RecordingPolicy {
  admins: readonly string[];
}

export async function prepareReportForm(
  ctx: CommandContext,
  actionPlanNumber: number,
  policy: RecordingPolicy,
  choice: { indicatorId?: number; fiscalYear?: number } = {},
): Promise<PrepareReportFormResult> {
  const record = await loadActionPlan(ctx.db, ctx.plan.id, actionPlanNumber);
  if (!record) return { ok: false, result: await noSuchActionPlan(ctx, actionPlanNumber) };
  // Refusing before the form opens spares typing a figure that would be refused anyway;
  // the same check runs again on submission, since a form can be forged.
  const forbidden = await refusal(ctx, record, policy);
  if (forbidden) return { ok: false, forbidden };

  const period = planPeriod(ctx);
  const years = recordableYears(period, ctx.today);
  const indicator =
    record.indicators.find((i) => i.id === choice.indicatorId) ?? firstOverdueIndicator(record, ctx) ?? record.indicators[0];
  if (!indicator) throw new Error(`action plan ${record.number} has no indicators`);
  const fiscalYear =
    choice.fiscalYear !== undefined && years.includes(choice.fiscalYear)
      ? choice.fiscalYear
      : defaultFiscalYear(indicator, period, ctx);
  const figure = indicator.figures.find((f) => f.fiscalYear === fiscalYear);
  return {
    ok: true,
    form: {
      planId: ctx.plan.id,
      actionPlan: headerOf(record),
      indicators: record.indicators.map(reportIndicator),
      years: years.length ? years : [period.firstFiscalYear],
      chosen: {
        indicatorId: indicator.id,
        fiscalYear,
        target: figure?.target ?? null,
        actual: figure?.actual
          ? {
              value: figure.actual.value,
              provisional: figure.actual.provisional,
              recordedBy: figure.actual.recordedBy,
              recordedAt: figure.actual.recordedAt,
              source: figure.actual.source,
            }
          : null,
        provisional: isProvisional(fiscalYear, ctx.today),
      },
    },
  };
}

function planPeriod(ctx: CommandContext): PlanPeriod {
  return { firstFiscalYear: ctx.plan.first_fiscal_year, lastFiscalYear: ctx.plan.last_fiscal_year };
}

function overdueYears(indicator: IndicatorRecord, ctx: CommandContext): number[] {
  return indicator.figures
    .filter(
      (f) =>
        figureStatus(
          { fiscalYear: f.fiscalYear, target: f.target, actual: f.actual?.value ?? null, direction: indicator.direction },
          ctx.today,
          ctx.dueRule,
        ) === 'overdue',
    )
    .map((f) => f.fiscalYear);
}

/** The indicator whose oldest missing actual is the most overdue: what its owner most likely came to enter. */
function firstOverdueIndicator(record: ActionPlanRecord, ctx: CommandContext): IndicatorRecord | undefined {
  let best: { indicator: IndicatorRecord; year: number } | undefined;
  for (const indicator of record.indicators) {
    const year = overdueYears(indicator, ctx)[0];
    if (year !== undefined && (best === undefined || year < best.year)) best = { indicator, year };
  }
  return best?.indicator;
}

/** The earliest year whose actual is overdue, else the latest year that has ended, kept inside the plan period. */
export function defaultFiscalYear(indicator: IndicatorRecord, period: PlanPeriod, ctx: CommandContext): number {
  const overdue = overdueYears(indicator, ctx).filter(
    (fy) => fy >= period.firstFiscalYear && fy <= period.lastFiscalYear,
  );
  if (overdue.length) return Math.min(...overdue);
  const latestEnded = fiscalYearOf(ctx.today) - 1;
  return Math.min(Math.max(latestEnded, period.firstFiscalYear), period.lastFiscalYear);
}

function reportIndicator(i: IndicatorRecord): ReportIndicator {
  return { id: i.id, name: i.name, unit: i.unit, comparator: i.comparator, direction: i.direction };
}

async function refusal(
  ctx: CommandContext,
  record: ActionPlanRecord,
  policy: RecordingPolicy,
): Promise<Forbidden | null> {
  if (ctx.actor.isAdmin) return null;
  const owners = await listOwners(ctx.db, record.id);
  if (owners.includes(ctx.actor.id)) return null;
  return { actionPlan: headerOf(record), owners, admins: [...policy.admins] };
}

export type FieldError =
  | { code: 'indicator_required' }
  | { code: 'unknown_indicator' }
  | { code: 'fiscal_year_required' }
  | { code: 'stale_form' }
  | FiscalYearProblem
  | ValueProblem
  | NoteProblem;

export interface FieldErrors {
  indicator?: FieldError;
  fiscalYear?: FieldError;
  value?: FieldError;
  note?: FieldError;
}

export type ReportField = keyof FieldErrors;

export interface SavedFigure {
  revisionId: number;
  actionPlan: ActionPlanHeader;
  indicator: ReportIndicator;
  fiscalYear: number;
  value: number;
  provisional: boolean;
  note: string | null;
  recordedBy: string;
  source: 'slack' | 'cli';
  /** As of ctx.today; never 'overdue', since the figure now has an actual. */
  status: Exclude<FigureStatus, 'overdue'>;
  target: number | null;
  previous: { value: number; recordedBy: string; recordedAt: string } | null;
}

export type SubmitFigureResult =
  | { ok: true; saved: SavedFigure }
  | { ok: false; fieldErrors: FieldErrors }
  | { ok: false; forbidden: Forbidden };

const MAX_ID = 2 ** 31 - 1;

/**
 * What a door hands in. Checked again here whatever its static type says: it was built from a
 * payload someone else sent. Text fields stay text; the domain rules read the numbers in them.
 */
export const submitFigureInputSchema = z.object({
  /** The plan the form was opened for; a form left open across a plan switch is stale. */
  planId: z.number().int().min(1).max(MAX_ID).optional(),
  actionPlanNumber: z.number().int().min(1).max(MAX_ACTION_PLAN_NUMBER),
  indicatorId: z.number().int().min(1).max(MAX_ID).nullable(),
  fiscalYear: z.number().int().min(1000).max(9999).nullable(),
  // Lengths are the domain's to judge (it names the limit back to the person).
  value: z.string(),
  note: z.string().nullable(),
  source: z.enum(['slack', 'cli']),
});

export type SubmitFigureInput = z.input<typeof submitFigureInputSchema>;

export async function submitFigure(
  ctx: CommandContext,
  rawInput: SubmitFigureInput,
  policy: RecordingPolicy,
): Promise<SubmitFigureResult> {
  const parsed = submitFigureInputSchema.safeParse(rawInput);
  if (!parsed.success) return { ok: false, fieldErrors: schemaFieldErrors(parsed.error) };
  const input = parsed.data;
  if (input.planId !== undefined && input.planId !== ctx.plan.id) {
    return { ok: false, fieldErrors: { indicator: { code: 'stale_form' } } };
  }

  const record = await loadActionPlan(ctx.db, ctx.plan.id, input.actionPlanNumber);
  if (!record) return { ok: false, fieldErrors: { indicator: { code: 'stale_form' } } };
  const forbidden = await refusal(ctx, record, policy);
  if (forbidden) return { ok: false, forbidden };

  const errors: FieldErrors = {};
  // An id from another action plan is refused here: owning ⑬ gives no say over ⑭'s figures.
  const indicator =
    input.indicatorId === null ? undefined : record.indicators.find((i) => i.id === input.indicatorId);
  if (input.indicatorId === null) errors.indicator = { code: 'indicator_required' };
  else if (!indicator) errors.indicator = { code: 'unknown_indicator' };

  if (input.fiscalYear === null) errors.fiscalYear = { code: 'fiscal_year_required' };
  else {
    const year = checkFiscalYear(input.fiscalYear, planPeriod(ctx), ctx.today);
    if (!year.ok) errors.fiscalYear = year.problem;
  }

  // Without a known indicator the number is still judged, so one round of errors says all it can.
  const value = checkFigureValue(
    input.value,
    indicator
      ? { unit: indicator.unit, minValue: indicator.minValue, maxValue: indicator.maxValue }
      : { unit: null, minValue: null, maxValue: null },
  );
  if (!value.ok) errors.value = value.problem;

  const note = checkNote(input.note);
  if (!note.ok) errors.note = note.problem;

  // The checks after the first repeat it for the type checker's sake.
  if (Object.keys(errors).length || !indicator || input.fiscalYear === null || !value.ok || !note.ok) {
    return { ok: false, fieldErrors: errors };
  }

  const fiscalYear = input.fiscalYear;
  const provisional = isProvisional(fiscalYear, ctx.today);
  let stored;
  try {
    stored = await recordActual(ctx.db, {
      indicatorId: indicator.id,
      fiscalYear,
      value: value.value,
      provisional,
      recordedBy: ctx.actor.id,
      source: input.source,
      note: note.note,
      now: ctx.now,
    });
  } catch (error) {
    // Every plan year has a row; a missing one means the form named a year the plan lacks.
    if (error instanceof UnknownFigureError) {
      const period = planPeriod(ctx);
      return {
        ok: false,
        fieldErrors: {
          fiscalYear: { code: 'outside_plan_period', first: period.firstFiscalYear, last: period.lastFiscalYear },
        },
      };
    }
    throw error;
  }

  const target = indicator.figures.find((f) => f.fiscalYear === fiscalYear)?.target ?? null;
  const status = figureStatus(
    { fiscalYear, target, actual: value.value, direction: indicator.direction },
    ctx.today,
    ctx.dueRule,
  ) as SavedFigure['status'];
  return {
    ok: true,
    saved: {
      revisionId: stored.revisionId,
      actionPlan: headerOf(record),
      indicator: reportIndicator(indicator),
      fiscalYear,
      value: value.value,
      provisional,
      note: note.note,
      recordedBy: ctx.actor.id,
      source: input.source,
      status,
      target,
      previous: stored.previous,
    },
  };
}

const SCHEMA_FIELD: Record<string, ReportField> = {
  indicatorId: 'indicator',
  fiscalYear: 'fiscalYear',
  value: 'value',
  note: 'note',
};

/** A shape the form cannot produce: point at the field when there is one, else call the form stale. */
function schemaFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = SCHEMA_FIELD[String(issue.path[0])];
    if (field === 'value') errors.value = { code: 'not_a_number' };
    else if (field === 'note') errors.note = { code: 'stale_form' };
    else if (field === 'indicator') errors.indicator = { code: 'unknown_indicator' };
    else if (field === 'fiscalYear') errors.fiscalYear = { code: 'fiscal_year_required' };
    else errors.indicator = { code: 'stale_form' };
  }
  return errors;
}
