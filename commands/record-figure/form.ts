import { isProvisional, recordableYears, type PlanPeriod } from '../../src/domain/figure-input.ts';
import { fiscalYearOf } from '../../src/domain/fiscal-year.ts';
import { figureStatus, type Direction } from '../../src/domain/status.ts';
import { loadActionPlan, type ActionPlanRecord, type IndicatorRecord } from '../../src/store/action-plans.ts';
import { listOwners } from '../../src/store/owners.ts';
import type { CommandContext } from '../context.ts';
import { noSuchActionPlan } from '../errors.ts';
import type { ActionPlanHeader, CommandResult } from '../results.ts';
import { headerOf } from '../views.ts';

/**
 * Recording a yearly actual, whatever the door, part one: what the form shows when it opens
 * (or changes), and who may record at all.
 */

export interface FigureFormIndicator {
  id: number;
  name: string;
  unit: string;
  nameEn?: string | null;
  unitEn?: string | null;
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

export interface FigureForm {
  planId: number;
  actionPlan: ActionPlanHeader;
  indicators: FigureFormIndicator[];
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

export type PrepareFigureFormResult =
  | { ok: true; form: FigureForm }
  | { ok: false; forbidden: Forbidden }
  /** Render as any other command result (no such action plan). */
  | { ok: false; result: CommandResult };

/** Who may record besides the owners: the PLAN_ADMINS list, named when someone is refused. */
export interface RecordingPolicy {
  admins: readonly string[];
}

export async function prepareFigureForm(
  ctx: CommandContext,
  actionPlanNumber: number,
  policy: RecordingPolicy,
  choice: { indicatorId?: number; fiscalYear?: number } = {},
): Promise<PrepareFigureFormResult> {
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
      indicators: record.indicators.map(formIndicator),
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

export function planPeriod(ctx: CommandContext): PlanPeriod {
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

export function formIndicator(i: IndicatorRecord): FigureFormIndicator {
  return { id: i.id, name: i.name, unit: i.unit, nameEn: i.nameEn, unitEn: i.unitEn, comparator: i.comparator, direction: i.direction };
}

/** Null when the actor may record for the action plan; else who may. */
export async function refusal(
  ctx: CommandContext,
  record: ActionPlanRecord,
  policy: RecordingPolicy,
): Promise<Forbidden | null> {
  if (ctx.actor.isAdmin) return null;
  const owners = await listOwners(ctx.db, record.id);
  if (owners.includes(ctx.actor.id)) return null;
  return { actionPlan: headerOf(record), owners, admins: [...policy.admins] };
}
