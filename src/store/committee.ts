import type { PlanDb } from './db.ts';

/** Members added or removed in Slack, on top of PLAN_COMMITTEE: every change kept, oldest first. */

export interface CommitteeChangeRecord {
  userId: string;
  action: 'add' | 'remove';
  changedBy: string;
  changedAt: string;
}

export async function listCommitteeChanges(db: PlanDb, workspace: string): Promise<CommitteeChangeRecord[]> {
  return db
    .selectFrom('committee_change')
    .where('workspace_key', '=', workspace)
    .select(['slack_user_id as userId', 'action', 'changed_by as changedBy', 'changed_at as changedAt'])
    .orderBy('id')
    .execute();
}

export async function appendCommitteeChange(
  db: PlanDb,
  input: { workspace: string; userId: string; action: 'add' | 'remove'; changedBy: string; now: Date; requestKey: string | null },
): Promise<void> {
  await db
    .insertInto('committee_change')
    .values({
      workspace_key: input.workspace,
      slack_user_id: input.userId,
      action: input.action,
      changed_by: input.changedBy,
      changed_at: input.now.toISOString(),
      request_key: input.requestKey,
    })
    .execute();
}
