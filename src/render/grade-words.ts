import type { PlanGrading } from '../../commands/results.ts';
import { GRADE_SYMBOL, type GradeCode } from '../domain/grading.ts';
import type { Messages } from '../messages/index.ts';

/**
 * A plan's grade in words, for the chart's subtitle and the Home tab. Kept local and small on
 * purpose: the messages are gaining a `grading` namespace with the headline wording, and these
 * two functions are the one place to point at it.
 */

/** A–D and ◎○△× are the grade itself; 達成／前進／横ばい／後退 are words. */
export function gradeWord(code: GradeCode, m: Messages): string {
  return code in GRADE_SYMBOL ? GRADE_SYMBOL[code as keyof typeof GRADE_SYMBOL] : (m.visual.grade.trend[code] ?? code);
}

/** `令和2年度の評価 A（前回より改善）`, or `評価：—` while nothing could be graded. */
export function gradeLine(grading: PlanGrading, m: Messages): string {
  const g = m.visual.grade;
  const latest = grading.latest;
  if (!latest || latest.result.grade === null) return g.ungraded;
  const line = g.line(m.fiscalYear(latest.fiscalYear), gradeWord(latest.result.grade, m));
  const moved = grading.trend ? g.moved[grading.trend] : undefined;
  return moved ? g.withTrend(line, moved) : line;
}
