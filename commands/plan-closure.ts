import { fiscalYearOf } from '../src/domain/fiscal-year.ts';
import { setPlanClosed } from '../src/store/plan-closure.ts';
import type { CommandContext } from './context.ts';
import type { CommandResult } from './results.ts';

/**
 * `/plan close` and `/plan reopen`, admins only. Closing is for a plan whose last fiscal year
 * is over: before that a missing actual may still arrive and must still be chased.
 */
export async function closeOrReopenPlan(ctx: CommandContext, action: 'close' | 'reopen'): Promise<CommandResult> {
  if (!ctx.actor.isAdmin) return { kind: 'error', error: { code: 'admins_only' } };
  const lastFiscalYear = ctx.plan.last_fiscal_year;
  if (action === 'close' && fiscalYearOf(ctx.today) <= lastFiscalYear) {
    return { kind: 'error', error: { code: 'plan_not_ended', lastFiscalYear } };
  }
  const { closure, changed } = await setPlanClosed(ctx.db, {
    planId: ctx.plan.id,
    closed: action === 'close',
    by: ctx.actor.id,
    now: ctx.now,
  });
  return {
    kind: 'plan_closure',
    action,
    changed,
    plan: {
      name: ctx.plan.name,
      nameEn: ctx.plan.name_en,
      firstFiscalYear: ctx.plan.first_fiscal_year,
      lastFiscalYear,
    },
    closed: closure,
  };
}
