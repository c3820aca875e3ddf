import type { CommandContext } from './context.ts';
import type { CommandResult } from './results.ts';

export async function noSuchActionPlan(ctx: CommandContext, number: number): Promise<CommandResult> {
  const { max } = await ctx.db
    .selectFrom('action_plan')
    .select((eb) => eb.fn.max('number').as('max'))
    .where('plan_id', '=', ctx.plan.id)
    .executeTakeFirstOrThrow();
  return { kind: 'error', error: { code: 'no_such_action_plan', number, max: max ?? 0 } };
}
