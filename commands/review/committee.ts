import { appendCommitteeChange } from '../../src/store/committee.ts';
import { requestKeyUsed } from '../../src/store/reviews.ts';
import { inWriteTransaction } from '../../src/store/write-transaction.ts';
import type { CommandContext } from '../context.ts';
import type { CommitteeCommand } from '../grammar.ts';
import type { CommandResult } from '../results.ts';
import { currentCommittee, reviewAnswer } from './common.ts';
import type { CommitteeMember } from './results.ts';

/**
 * `/plan committee [add|remove @user]`: who grades in reviews. PLAN_COMMITTEE is where the list
 * starts; admins change it in Slack, and every change is kept.
 */
export async function manageCommittee(ctx: CommandContext, command: CommitteeCommand): Promise<CommandResult> {
  if (command.action === 'list') return reviewAnswer({ type: 'committee', members: await membersOf(ctx), change: null });
  if (!ctx.actor.isAdmin) return { kind: 'error', error: { code: 'admins_only' } };
  const { action, userId } = command;
  const changed = await inWriteTransaction(ctx.db, async (trx) => {
    if (await requestKeyUsed(trx, 'committee_change', ctx.requestKey)) return false;
    const member = (await currentCommittee(trx, ctx.workspace, ctx.committee)).includes(userId);
    if (member === (action === 'add')) return false;
    await appendCommitteeChange(trx, { workspace: ctx.workspace, userId, action, changedBy: ctx.actor.id, now: ctx.now, requestKey: ctx.requestKey ?? null });
    return true;
  });
  return reviewAnswer({ type: 'committee', members: await membersOf(ctx), change: { action, userId, changed } });
}

async function membersOf(ctx: CommandContext): Promise<CommitteeMember[]> {
  return (await currentCommittee(ctx.db, ctx.workspace, ctx.committee)).map((userId) => ({
    userId,
    source: ctx.committee.includes(userId) ? 'config' : 'slack',
  }));
}
