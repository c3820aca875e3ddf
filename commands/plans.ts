import { planTermOf } from '../src/domain/plan-term.ts';
import { listPlans } from '../src/store/plans.ts';
import type { CommandContext } from './context.ts';
import type { CommandResult } from './results.ts';

/** `/plan plans`: every plan of the workspace with its period, the door's own marked. */
export async function showPlans(ctx: CommandContext, homePlanId: number): Promise<CommandResult> {
  const listings = await listPlans(ctx.db, ctx.workspace);
  return {
    kind: 'plan_list',
    plans: listings.map(({ plan, actionPlanCount }) => ({
      code: plan.code,
      name: plan.name,
      nameEn: plan.name_en,
      firstFiscalYear: plan.first_fiscal_year,
      lastFiscalYear: plan.last_fiscal_year,
      term: planTermOf(plan),
      actionPlanCount,
      isDefault: plan.id === homePlanId,
    })),
  };
}
