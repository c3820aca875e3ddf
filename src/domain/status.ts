import {
  daysBetween,
  DEFAULT_DUE_DATE_RULE,
  dueDateOf,
  isCivilDate,
  isFiscalYearClosed,
  type CivilDate,
  type DueDateRule,
} from './fiscal-year.ts';

export type Direction = 'higher_is_better' | 'lower_is_better';

export type FigureStatus = 'achieved' | 'missed' | 'pending' | 'overdue' | 'no_target';

export interface FigureForStatus {
  fiscalYear: number;
  target: number | null;
  actual: number | null;
  direction: Direction;
}

/** Targets are written as bounds ("15分以内", "100件以上"), so hitting the bound counts. */
export function meetsTarget(actual: number, target: number, direction: Direction): boolean {
  return direction === 'higher_is_better' ? actual >= target : actual <= target;
}

export function figureStatus(
  f: FigureForStatus,
  today: CivilDate,
  rule: DueDateRule = DEFAULT_DUE_DATE_RULE,
): FigureStatus {
  if (!isCivilDate(today)) throw new RangeError(`not a civil date: ${JSON.stringify(today)}`);
  if (f.target === null) return 'no_target';
  if (f.actual !== null) {
    if (meetsTarget(f.actual, f.target, f.direction)) return 'achieved';
    // A mid-year shortfall can still be made up before 31 March.
    return isFiscalYearClosed(f.fiscalYear, today) ? 'missed' : 'pending';
  }
  // ISO dates compare correctly as strings, and the due date itself is still in time.
  return today <= dueDateOf(f.fiscalYear, rule) ? 'pending' : 'overdue';
}

/** Ratio of result to target (1 = exactly on target); null when it would divide by zero. */
/**
 * How late a figure's actual is, or null when it is not overdue: the one rule behind
 * `/plan overdue` and the overdue alerts.
 */
export function overdueBy(
  f: FigureForStatus,
  today: CivilDate,
  rule: DueDateRule = DEFAULT_DUE_DATE_RULE,
): { dueDate: CivilDate; daysLate: number } | null {
  if (figureStatus(f, today, rule) !== 'overdue') return null;
  const dueDate = dueDateOf(f.fiscalYear, rule);
  return { dueDate, daysLate: daysBetween(dueDate, today) };
}

export function achievementRate(actual: number, target: number, direction: Direction): number | null {
  const [numerator, divisor] = direction === 'higher_is_better' ? [actual, target] : [target, actual];
  return divisor === 0 ? null : numerator / divisor;
}

/** Higher is worse: what a summary should surface first. */
export const STATUS_SEVERITY: Record<FigureStatus, number> = {
  overdue: 4,
  missed: 3,
  pending: 2,
  achieved: 1,
  no_target: 0,
};

export function worstStatus(statuses: FigureStatus[]): FigureStatus | null {
  let worst: FigureStatus | null = null;
  for (const status of statuses) {
    if (worst === null || STATUS_SEVERITY[status] > STATUS_SEVERITY[worst]) worst = status;
  }
  return worst;
}
