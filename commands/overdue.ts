import { fiscalYearOf, type CivilDate } from '../src/domain/fiscal-year.ts';
import { overdueBy } from '../src/domain/status.ts';
import { listAwaitingActuals } from '../src/store/figures.ts';
import type { CommandContext } from './context.ts';
import type { CommandResult, OverdueItem } from './results.ts';

/** Figures whose due date has passed with no actual, as of a day (default today). */
export async function overdueFigures(ctx: CommandContext, asOf: CivilDate): Promise<OverdueItem[]> {
  // Only a closed year can be overdue, so the current year is never a candidate.
  const candidates = await listAwaitingActuals(ctx.db, {
    planId: ctx.plan.id,
    throughFiscalYear: fiscalYearOf(asOf) - 1,
  });
  return candidates.flatMap((c) => {
    const late = overdueBy(
      { fiscalYear: c.fiscalYear, target: c.target, actual: null, direction: c.direction },
      asOf,
      ctx.dueRule,
    );
    if (!late) return [];
    return [
      {
        actionPlan: { number: c.actionPlanNumber, name: c.actionPlanName },
        indicator: { name: c.indicatorName, unit: c.unit },
        fiscalYear: c.fiscalYear,
        target: c.target,
        ...late,
      },
    ];
  });
}

export async function showOverdue(ctx: CommandContext, date: CivilDate | null, share: boolean): Promise<CommandResult> {
  const asOf = date ?? ctx.today;
  return { kind: 'overdue', asOf, items: await overdueFigures(ctx, asOf), share };
}
