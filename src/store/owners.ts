import type { PlanDb } from './db.ts';

export async function listOwners(db: PlanDb, actionPlanId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('action_plan_owner')
    .select('slack_user_id')
    .where('action_plan_id', '=', actionPlanId)
    .orderBy('added_at')
    .orderBy('slack_user_id')
    .execute();
  return rows.map((r) => r.slack_user_id);
}

/** Owners of many action plans at once, for digests that mention each plan's owners. */
export async function listOwnersByActionPlan(db: PlanDb, actionPlanIds: number[]): Promise<Map<number, string[]>> {
  const owners = new Map<number, string[]>();
  if (actionPlanIds.length === 0) return owners;
  const rows = await db
    .selectFrom('action_plan_owner')
    .select(['action_plan_id', 'slack_user_id'])
    .where('action_plan_id', 'in', actionPlanIds)
    .orderBy('added_at')
    .orderBy('slack_user_id')
    .execute();
  for (const row of rows) owners.set(row.action_plan_id, [...(owners.get(row.action_plan_id) ?? []), row.slack_user_id]);
  return owners;
}

/** Returns false when the user already owned the plan (nothing to add). */
export async function addOwner(
  db: PlanDb,
  input: { actionPlanId: number; userId: string; addedBy: string; now: Date },
): Promise<boolean> {
  const result = await db
    .insertInto('action_plan_owner')
    .values({
      action_plan_id: input.actionPlanId,
      slack_user_id: input.userId,
      added_by: input.addedBy,
      added_at: input.now.toISOString(),
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Returns false when the user was not an owner. */
export async function removeOwner(db: PlanDb, input: { actionPlanId: number; userId: string }): Promise<boolean> {
  const result = await db
    .deleteFrom('action_plan_owner')
    .where('action_plan_id', '=', input.actionPlanId)
    .where('slack_user_id', '=', input.userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The numbers of the action plans (of one plan) that a user owns, in order: what their Home tab lists. */
export async function listOwnedActionPlanNumbers(db: PlanDb, planId: number, userId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('action_plan_owner as o')
    .innerJoin('action_plan as ap', 'ap.id', 'o.action_plan_id')
    .select('ap.number')
    .where('ap.plan_id', '=', planId)
    .where('o.slack_user_id', '=', userId)
    .orderBy('ap.number')
    .execute();
  return rows.map((r) => r.number);
}
