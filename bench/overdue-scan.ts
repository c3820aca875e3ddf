/**
 * The overdue scan the alert job runs: every figure of every plan whose due date has
 * passed without an actual. Built from the same store query and domain rule that
 * commands/overdue.ts uses for one plan, widened to all plans.
 */
import { fiscalYearOf, civilDateInTokyo, type DueDateRule } from '../src/domain/fiscal-year.ts';
import { figureStatus } from '../src/domain/status.ts';
import type { PlanDb } from '../src/store/db.ts';
import { listAwaitingActuals } from '../src/store/figures.ts';

export async function overdueScanAllPlans(
  db: PlanDb,
  now: Date,
  dueRule: DueDateRule,
): Promise<{ count: number; source: string }> {
  const today = civilDateInTokyo(now);
  // Only a closed year can be overdue.
  const candidates = await listAwaitingActuals(db, { throughFiscalYear: fiscalYearOf(today) - 1 });
  const overdue = candidates.filter(
    (c) =>
      figureStatus({ fiscalYear: c.fiscalYear, target: c.target, actual: null, direction: c.direction }, today, dueRule) ===
      'overdue',
  );
  return { count: overdue.length, source: 'listAwaitingActuals (all plans) + figureStatus' };
}
