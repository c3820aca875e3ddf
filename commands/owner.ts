import { loadActionPlan } from '../src/store/action-plans.ts';
import { addOwner, listOwners, removeOwner } from '../src/store/owners.ts';
import type { CommandContext } from './context.ts';
import { noSuchActionPlan } from './errors.ts';
import type { Command } from './grammar.ts';
import type { CommandResult } from './results.ts';
import { headerOf } from './views.ts';

export async function manageOwners(
  ctx: CommandContext,
  command: Extract<Command, { verb: 'owner' }>,
): Promise<CommandResult> {
  const record = await loadActionPlan(ctx.db, ctx.plan.id, command.number);
  if (!record) return noSuchActionPlan(ctx, command.number);
  let change: Extract<CommandResult, { kind: 'owners' }>['change'] = null;
  if (command.action !== 'list') {
    if (!ctx.actor.isAdmin) return { kind: 'error', error: { code: 'admins_only' } };
    const changed =
      command.action === 'add'
        ? await addOwner(ctx.db, { actionPlanId: record.id, userId: command.userId, addedBy: ctx.actor.id, now: ctx.now })
        : await removeOwner(ctx.db, { actionPlanId: record.id, userId: command.userId });
    change = { action: command.action, userId: command.userId, changed };
  }
  return { kind: 'owners', actionPlan: headerOf(record), owners: await listOwners(ctx.db, record.id), change };
}
