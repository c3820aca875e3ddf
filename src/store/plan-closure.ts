import type { PlanDb } from './db.ts';

export interface PlanClosure {
  /** ISO 8601 instant. */
  closedAt: string;
  closedBy: string;
}

/**
 * Whether a plan is closed, read afresh: the doors hold the plan row they started with, and
 * an admin may close or reopen the plan from another process at any time.
 */
export async function loadPlanClosure(db: PlanDb, planId: number): Promise<PlanClosure | null> {
  const row = await db
    .selectFrom('plan')
    .select(['closed_at', 'closed_by'])
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!row?.closed_at) return null;
  return { closedAt: row.closed_at, closedBy: row.closed_by ?? '' };
}

/**
 * Closes or reopens a plan; returns the state after, and whether this call changed it (closing
 * a closed plan keeps the first closing's time and author).
 */
export async function setPlanClosed(
  db: PlanDb,
  input: { planId: number; closed: boolean; by: string; now: Date },
): Promise<{ closure: PlanClosure | null; changed: boolean }> {
  return db.transaction().execute(async (trx) => {
    const before = await loadPlanClosure(trx, input.planId);
    if ((before !== null) === input.closed) return { closure: before, changed: false };
    const closure = input.closed ? { closedAt: input.now.toISOString(), closedBy: input.by } : null;
    await trx
      .updateTable('plan')
      .set({ closed_at: closure?.closedAt ?? null, closed_by: closure?.closedBy ?? null })
      .where('id', '=', input.planId)
      .execute();
    return { closure, changed: true };
  });
}
