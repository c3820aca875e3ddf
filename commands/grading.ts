import {
  compareGrades,
  gradeActionPlan,
  gradeIndicatorYear,
  type GradingBands,
  type IndicatorSeries,
  type UngradedReason,
} from '../src/domain/grading.ts';
import type { ActionPlanOutline, ActionPlanRecord, IndicatorOutline, IndicatorRecord } from '../src/store/action-plans.ts';
import type { PlanGrading, YearView } from './results.ts';

/** Grading as the answers use it: the domain's rules applied to what the store holds. */

export function seriesOf(indicator: Pick<IndicatorOutline, 'kind' | 'direction' | 'figures'>): IndicatorSeries {
  return {
    kind: indicator.kind,
    direction: indicator.direction,
    figures: indicator.figures.map((f) => ({ fiscalYear: f.fiscalYear, target: f.target, actual: f.actual?.value ?? null })),
    beforeEvaluation: indicator.figures.filter((f) => f.beforeEvaluation).map((f) => f.fiscalYear),
  };
}

export function gradeOfYear(
  record: ActionPlanRecord,
  indicator: IndicatorRecord,
  fiscalYear: number,
  bands: Partial<GradingBands>,
): YearView['grade'] {
  return gradeIndicatorYear(seriesOf(indicator), fiscalYear, record.gradingScheme, bands);
}

/**
 * The newest graded year and the one before it; `missingYears` are the years whose actuals
 * are overdue (the caller knows the statuses), kept apart so that "how is it doing" and "is
 * everything in" are two answers, not one.
 */
export function planGrading(
  record: ActionPlanOutline,
  bands: Partial<GradingBands>,
  options: {
    missingYears: number[];
    /** An admin has closed the plan: the missing years are no longer chased. */
    closed: boolean;
    /** The newest fiscal year that has ended: where "why no grade" is read when nothing is graded. */
    lastClosedFiscalYear: number;
  },
): PlanGrading {
  const series = record.indicators.map(seriesOf);
  const years = [...new Set(series.flatMap((s) => s.figures.map((f) => f.fiscalYear)))].sort((a, b) => b - a);
  // Newest first, and only as far back as the second graded year: the years before it are
  // never shown, and grading them was most of a list's time (#14).
  let latest: PlanGrading['latest'] = null;
  let previous: PlanGrading['previous'] = null;
  for (const fiscalYear of years) {
    const result = gradeActionPlan(series, fiscalYear, record.gradingScheme, bands);
    if (result.grade === null) continue;
    if (latest === null) {
      latest = { fiscalYear, result };
    } else {
      previous = { fiscalYear, result };
      break;
    }
  }
  let reason: UngradedReason | null = null;
  if (!latest && years.length > 0) {
    const year = Math.max(Math.min(options.lastClosedFiscalYear, years[0]!), years.at(-1)!);
    reason = gradeActionPlan(series, year, record.gradingScheme, bands).reason;
  }
  return {
    scheme: record.gradingScheme,
    latest,
    previous,
    trend: latest && previous ? compareGrades(previous.result.grade, latest.result.grade) : null,
    reason,
    missingYears: options.missingYears,
    closed: options.closed,
  };
}
