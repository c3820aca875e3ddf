import { dueDateOf, fiscalYearOf } from '../src/domain/fiscal-year.ts';
import { achievementRate, figureStatus, worstStatus, type FigureStatus } from '../src/domain/status.ts';
import type { ActionPlanOutline, ActionPlanRecord, IndicatorRecord } from '../src/store/action-plans.ts';
import type { CommandContext } from './context.ts';
import { gradeOfYear, planGrading } from './grading.ts';
import { bandsOf } from '../src/store/grading-bands.ts';
import type { ActionPlanHeader, ActionPlanSummary, ActionPlanView, IndicatorView, YearView } from './results.ts';

export function headerOf(record: ActionPlanOutline): ActionPlanHeader {
  return {
    number: record.number,
    name: record.name,
    nameEn: record.nameEn,
    policy: record.policy,
    theme: record.theme.name,
    themeEn: record.theme.nameEn,
  };
}

export function indicatorView(plan: ActionPlanRecord, record: IndicatorRecord, ctx: CommandContext): IndicatorView {
  const bands = bandsOf(ctx.plan);
  const years: YearView[] = record.figures.map((f) => ({
    fiscalYear: f.fiscalYear,
    target: f.target,
    actual: f.actual?.value ?? null,
    provisional: f.actual?.provisional ?? false,
    status: figureStatus(
      { fiscalYear: f.fiscalYear, target: f.target, actual: f.actual?.value ?? null, direction: record.direction },
      ctx.today,
      ctx.dueRule,
    ),
    dueDate: dueDateOf(f.fiscalYear, ctx.dueRule),
    beforeEvaluation: f.beforeEvaluation,
    grade: gradeOfYear(plan, record, f.fiscalYear, bands),
    note: f.actual?.note ?? null,
    noteEn: f.actual?.noteEn ?? null,
    corrected: f.corrected,
    targetRevised: f.targetRevised,
  }));
  const latestYear = [...years].reverse().find((y) => y.target !== null && y.actual !== null);
  return {
    id: record.id,
    name: record.name,
    nameEn: record.nameEn,
    kind: record.kind,
    unit: record.unit,
    unitEn: record.unitEn,
    noteEn: record.noteEn,
    direction: record.direction,
    comparator: record.comparator,
    note: record.note,
    years,
    latest: latestYear
      ? {
          fiscalYear: latestYear.fiscalYear,
          target: latestYear.target!,
          actual: latestYear.actual!,
          rate: achievementRate(latestYear.actual!, latestYear.target!, record.direction),
        }
      : null,
    status: worstStatus(years.map((y) => y.status)),
  };
}

/** `closed`: the plan has been closed by an admin, so its missing years are no longer chased. */
export function actionPlanView(
  record: ActionPlanRecord,
  owners: string[],
  ctx: CommandContext,
  closed = false,
): ActionPlanView {
  const indicators = record.indicators.map((i) => indicatorView(record, i, ctx));
  return {
    ...headerOf(record),
    narrative: record.narrative,
    narrativeFiscalYear: ctx.plan.review_fiscal_year,
    indicators,
    owners,
    status: worstStatus(indicators.flatMap((i) => (i.status ? [i.status] : []))),
    grading: gradingOf(record, indicators, ctx, closed),
  };
}

/**
 * One line of a list: the worst status and the grade line. Worked out from the figures'
 * outlines straight away, without the per-year views (grades, due dates, notes) a single
 * plan shows: those were most of the list's time (#14).
 */
export function actionPlanSummary(record: ActionPlanOutline, ctx: CommandContext, closed = false): ActionPlanSummary {
  const statuses: FigureStatus[] = [];
  const overdue = new Set<number>();
  for (const indicator of record.indicators) {
    const years = indicator.figures.map((f) => {
      const status = figureStatus(
        { fiscalYear: f.fiscalYear, target: f.target, actual: f.actual?.value ?? null, direction: indicator.direction },
        ctx.today,
        ctx.dueRule,
      );
      if (status === 'overdue') overdue.add(f.fiscalYear);
      return status;
    });
    const worst = worstStatus(years);
    if (worst) statuses.push(worst);
  }
  return {
    ...headerOf(record),
    status: worstStatus(statuses),
    indicatorCount: record.indicators.length,
    grading: planGrading(record, bandsOf(ctx.plan), {
      missingYears: [...overdue].sort((a, b) => a - b),
      closed,
      lastClosedFiscalYear: fiscalYearOf(ctx.today) - 1,
    }),
  };
}

function gradingOf(record: ActionPlanRecord, indicators: IndicatorView[], ctx: CommandContext, closed: boolean) {
  return planGrading(record, bandsOf(ctx.plan), {
    missingYears: overdueYears(indicators),
    closed,
    lastClosedFiscalYear: fiscalYearOf(ctx.today) - 1,
  });
}

function overdueYears(indicators: IndicatorView[]): number[] {
  const years = indicators.flatMap((i) => i.years.filter((y) => y.status === 'overdue').map((y) => y.fiscalYear));
  return [...new Set(years)].sort((a, b) => a - b);
}
