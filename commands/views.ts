import { dueDateOf } from '../src/domain/fiscal-year.ts';
import { achievementRate, figureStatus, worstStatus, type FigureStatus } from '../src/domain/status.ts';
import type { ActionPlanRecord, IndicatorRecord } from '../src/store/action-plans.ts';
import type { CommandContext } from './context.ts';
import { gradeOfYear, planGrading } from './grading.ts';
import { bandsOf } from '../src/store/grading-bands.ts';
import type { ActionPlanHeader, ActionPlanSummary, ActionPlanView, IndicatorView, YearView } from './results.ts';

export function headerOf(record: ActionPlanRecord): ActionPlanHeader {
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

export function actionPlanView(record: ActionPlanRecord, owners: string[], ctx: CommandContext): ActionPlanView {
  const indicators = record.indicators.map((i) => indicatorView(record, i, ctx));
  return {
    ...headerOf(record),
    narrative: record.narrative,
    narrativeFiscalYear: ctx.plan.review_fiscal_year,
    indicators,
    owners,
    status: worstStatus(indicators.flatMap((i) => (i.status ? [i.status] : []))),
    grading: planGrading(record, bandsOf(ctx.plan), overdueYears(indicators)),
  };
}

export function actionPlanSummary(record: ActionPlanRecord, ctx: CommandContext): ActionPlanSummary {
  const indicators = record.indicators.map((i) => indicatorView(record, i, ctx));
  const statuses: FigureStatus[] = indicators.flatMap((i) => (i.status ? [i.status] : []));
  return {
    ...headerOf(record),
    status: worstStatus(statuses),
    indicatorCount: record.indicators.length,
    grading: planGrading(record, bandsOf(ctx.plan), overdueYears(indicators)),
  };
}

function overdueYears(indicators: IndicatorView[]): number[] {
  const years = indicators.flatMap((i) => i.years.filter((y) => y.status === 'overdue').map((y) => y.fiscalYear));
  return [...new Set(years)].sort((a, b) => a - b);
}
