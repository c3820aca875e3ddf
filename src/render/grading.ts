import type { IndicatorView, PlanGrading, YearView } from '../../commands/results.ts';
import { gradeRank, type Achievement, type GradeCode } from '../domain/grading.ts';
import type { Messages } from '../messages/index.ts';
import { STATUS_SYMBOL } from '../messages/symbols.ts';
import { localUnit } from './local.ts';

/**
 * How a plan is doing, in words shared by the Block Kit and text renderers so both say the
 * same: the grade with its achievement, the trend, and completeness kept on a line of its own.
 */

export function gradeWord(grade: GradeCode, m: Messages): string {
  return m.grading.grade[grade];
}

/** One mark per rank whatever the scheme, so a list reads at a glance. */
export function rankMark(grade: GradeCode | null, m: Messages): string {
  return grade === null ? m.grading.ungradedMark : (m.grading.rankMark[gradeRank(grade)] ?? m.grading.ungradedMark);
}

/** 達成率 166% · 目標との差 ▲26.68ポイント · 上限まで15分: never a ratio where a ratio means nothing. */
export function achievementWords(achievement: Achievement | null, unit: string, m: Messages): string | null {
  if (achievement === null) return null;
  switch (achievement.kind) {
    case 'ratio':
      return m.grading.ratio(m.percent(achievement.value));
    case 'points':
      return m.grading.points(achievement.value);
    case 'margin':
      return m.grading.margin(m.withUnit(Math.abs(achievement.value), unit), achievement.value < 0);
  }
}

/**
 * The plan's latest grade with the achievement of the indicator that set it (the weakest
 * graded one), e.g. `令和2年度 評価 A（達成率 166%）`; or why there is no grade yet.
 */
export function performanceLine(grading: PlanGrading, indicators: readonly IndicatorView[], m: Messages): string {
  const latest = grading.latest;
  if (!latest || latest.result.grade === null) return m.grading.noGradeYet(m.grading.reason[grading.reason ?? 'no_actual']);
  const grade = latest.result.grade;
  const decidingIndex = latest.result.indicators.findIndex((g) => g.grade === grade);
  const deciding = latest.result.indicators[decidingIndex];
  const indicator = indicators[decidingIndex];
  const achievement = deciding && indicator ? achievementWords(deciding.achievement, localUnit(indicator, m), m) : null;
  return m.grading.headline(m.fiscalYear(latest.fiscalYear), m.grading.graded(gradeWord(grade, m), achievement));
}

/** Against the graded year before; null when there is no grade at all. */
export function trendLine(grading: PlanGrading, m: Messages): string | null {
  if (!grading.latest) return null;
  const { previous, trend } = grading;
  if (!previous || previous.result.grade === null || trend === null) return m.grading.noTrend;
  return m.grading.trendLine(m.fiscalYear(previous.fiscalYear), gradeWord(previous.result.grade, m), m.grading.trend[trend]);
}

/** Completeness on its own: which years still lack actuals past their due date, or that none do. */
export function completenessLine(grading: PlanGrading, m: Messages): { mark: string; text: string } {
  if (grading.missingYears.length === 0) return { mark: '✅', text: m.grading.complete };
  const years = m.grading.years(grading.missingYears);
  return grading.closed
    ? { mark: '➖', text: m.grading.missingClosed(years) }
    : { mark: STATUS_SYMBOL.overdue, text: m.grading.missing(years) };
}

/** The short form for a list line: `令和2年度 評価 A`, or `評価 —（評価期間前）`. */
export function listGradeWords(grading: PlanGrading, m: Messages): string {
  const latest = grading.latest;
  if (!latest || latest.result.grade === null) return m.grading.ungraded(m.grading.reason[grading.reason ?? 'no_actual']);
  return m.grading.headline(m.fiscalYear(latest.fiscalYear), m.grading.graded(gradeWord(latest.result.grade, m), null));
}

/** Completeness for a list line, only when something is missing. */
export function listCompleteness(grading: PlanGrading, m: Messages): string | null {
  if (grading.missingYears.length === 0) return null;
  const { mark, text } = completenessLine(grading, m);
  return `${mark} ${text}`;
}

/**
 * A year's state: 評価期間前 is a state of its own (not 目標なし); a closed plan's missing
 * actual is no longer 期限超過; otherwise the status, then the grade when there is one.
 */
export function yearStatusWords(year: YearView, closed: boolean, m: Messages): string {
  if (year.grade.reason === 'before_evaluation_period') return `➖ ${m.grading.beforeEvaluation}`;
  if (closed && year.status === 'overdue') return `➖ ${m.grading.closedYear}`;
  return `${STATUS_SYMBOL[year.status]} ${m.status[year.status]}`;
}

/** The year's grade with its achievement, or null when the year has none. */
export function yearGradeWords(year: YearView, indicator: IndicatorView, m: Messages): string | null {
  if (year.grade.grade === null) return null;
  return m.grading.graded(gradeWord(year.grade.grade, m), achievementWords(year.grade.achievement, localUnit(indicator, m), m));
}

/** The indicator's newest year with a target and an actual, by its kind's measure. */
export function latestWords(indicator: IndicatorView, m: Messages): string {
  const latest = indicator.latest;
  if (!latest) return m.plan.noLatest;
  const year = indicator.years.find((y) => y.fiscalYear === latest.fiscalYear);
  const achievement = year ? achievementWords(year.grade.achievement, localUnit(indicator, m), m) : null;
  if (achievement) return m.grading.latest(m.fiscalYear(latest.fiscalYear), achievement);
  return m.plan.latest(m.fiscalYear(latest.fiscalYear), latest.rate === null ? m.none : m.percent(latest.rate));
}

/**
 * A plan's grade in one short line, for a chart's subtitle and the Home tab: the latest graded
 * year's grade and, beside it, the trend (`令和2年度 評価 A（↗ 改善）`), or why there is none.
 */
export function gradeLine(grading: PlanGrading, m: Messages): string {
  const words = listGradeWords(grading, m);
  const graded = grading.latest !== null && grading.latest.result.grade !== null;
  return graded && grading.trend ? m.visual.grade.withTrend(words, m.grading.trend[grading.trend]) : words;
}
