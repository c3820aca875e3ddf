import { chasesMissingActuals } from '../src/domain/alert-rules.ts';
import { fiscalYearOf, type CivilDate } from '../src/domain/fiscal-year.ts';
import { overdueBy } from '../src/domain/status.ts';
import { listAwaitingActuals } from '../src/store/figures.ts';
import { loadPlanClosure } from '../src/store/plan-closure.ts';
import type { CommandContext } from './context.ts';
import type { CommandResult, OverdueGroup, OverdueItem } from './results.ts';

/**
 * Figures whose due date has passed with no actual, as of a day (default today). None while
 * the plan is closed: the same rule (`chasesMissingActuals`) keeps them out of the alerts.
 */
export async function overdueFigures(ctx: CommandContext, asOf: CivilDate, planClosed: boolean): Promise<OverdueItem[]> {
  if (!chasesMissingActuals({ closed: planClosed })) return [];
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
        actionPlan: { number: c.actionPlanNumber, name: c.actionPlanName, nameEn: c.actionPlanNameEn },
        indicator: { name: c.indicatorName, nameEn: c.indicatorNameEn, unit: c.unit, unitEn: c.unitEn },
        fiscalYear: c.fiscalYear,
        target: c.target,
        ...late,
      },
    ];
  });
}

/**
 * One group per action plan, in the order the figures came (action plan number): 65 lines,
 * one per figure, hid which plans were behind; a count and the oldest due date say it.
 */
export function groupOverdue(items: readonly OverdueItem[]): OverdueGroup[] {
  const groups = new Map<number, OverdueGroup>();
  for (const item of items) {
    const group = groups.get(item.actionPlan.number);
    if (!group) {
      groups.set(item.actionPlan.number, {
        actionPlan: item.actionPlan,
        count: 1,
        fiscalYears: [item.fiscalYear],
        oldestDueDate: item.dueDate,
        daysLate: item.daysLate,
      });
      continue;
    }
    group.count += 1;
    if (!group.fiscalYears.includes(item.fiscalYear)) group.fiscalYears = [...group.fiscalYears, item.fiscalYear].sort((a, b) => a - b);
    // ISO civil dates compare correctly as strings.
    if (item.dueDate < group.oldestDueDate) Object.assign(group, { oldestDueDate: item.dueDate, daysLate: item.daysLate });
  }
  return [...groups.values()];
}

export async function showOverdue(ctx: CommandContext, date: CivilDate | null, share: boolean): Promise<CommandResult> {
  const asOf = date ?? ctx.today;
  const closure = await loadPlanClosure(ctx.db, ctx.plan.id);
  const items = await overdueFigures(ctx, asOf, closure !== null);
  return { kind: 'overdue', asOf, groups: groupOverdue(items), figureCount: items.length, closed: closure, share };
}
