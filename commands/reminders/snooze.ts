import { dueDateOf } from '../../src/domain/fiscal-year.ts';
import { snoozeUntil } from '../../src/domain/reminder-ladder.ts';
import { loadActionPlans } from '../../src/store/action-plans.ts';
import { listOwners } from '../../src/store/owners.ts';
import { setSnooze } from '../../src/store/reminders.ts';
import type { CommandContext } from '../context.ts';
import type { FigureLabel } from './compute.ts';

/**
 * 「あとで（1週間）」: this person hears nothing more about this figure for a week (the rungs
 * that come meanwhile are skipped; the one current when the week ends is sent). Only its
 * owners and the admins may, since only they are written to about it.
 */
export type SnoozeResult =
  | { kind: 'snoozed'; figure: FigureLabel; until: string }
  /** The actual is in: the ladder has stopped by itself. */
  | { kind: 'recorded'; figure: FigureLabel }
  | { kind: 'forbidden' }
  | { kind: 'gone' };

export async function snoozeReminder(
  ctx: CommandContext,
  target: { indicatorId: number; fiscalYear: number },
): Promise<SnoozeResult> {
  for (const ap of await loadActionPlans(ctx.db, ctx.plan.id)) {
    const indicator = ap.indicators.find((i) => i.id === target.indicatorId);
    const figure = indicator?.figures.find((f) => f.fiscalYear === target.fiscalYear);
    if (!indicator || !figure || figure.target === null) continue;
    const label: FigureLabel = {
      actionPlan: { id: ap.id, number: ap.number, name: ap.name },
      indicator: { id: indicator.id, name: indicator.name, unit: indicator.unit },
      fiscalYear: figure.fiscalYear,
      target: figure.target,
      dueDate: dueDateOf(figure.fiscalYear, ctx.dueRule),
    };
    if (!ctx.actor.isAdmin && !(await listOwners(ctx.db, ap.id)).includes(ctx.actor.id)) return { kind: 'forbidden' };
    if (figure.actual !== null) return { kind: 'recorded', figure: label };
    const until = snoozeUntil(ctx.today);
    await setSnooze(ctx.db, { indicatorId: indicator.id, fiscalYear: figure.fiscalYear, userId: ctx.actor.id, until, now: ctx.now });
    return { kind: 'snoozed', figure: label, until };
  }
  return { kind: 'gone' };
}
