import { maxActionPlanNumber } from '../src/store/action-plans.ts';
import type { CommandContext } from './context.ts';
import type { CommandResult } from './results.ts';

export async function noSuchActionPlan(ctx: CommandContext, number: number): Promise<CommandResult> {
  const max = await maxActionPlanNumber(ctx.db, ctx.plan.id);
  return { kind: 'error', error: { code: 'no_such_action_plan', number, max } };
}
