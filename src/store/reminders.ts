import type { PlanDb } from './db.ts';

/** What the reminder ladder remembers: rungs sent (or being sent) per figure and person, and snoozes. */

export interface LedgeredRung {
  indicatorId: number;
  fiscalYear: number;
  rung: string;
  recipient: string;
}

/** Every rung sent or still pending; rows of posts known not to be sent were deleted. */
export async function listLedgeredRungs(db: PlanDb): Promise<LedgeredRung[]> {
  const rows = await db.selectFrom('reminder_ledger').select(['indicator_id', 'fiscal_year', 'rung', 'recipient']).execute();
  return rows.map((r) => ({ indicatorId: r.indicator_id, fiscalYear: r.fiscal_year, rung: r.rung, recipient: r.recipient }));
}

export interface Snooze {
  indicatorId: number;
  fiscalYear: number;
  userId: string;
  until: string;
}

export async function listSnoozes(db: PlanDb): Promise<Snooze[]> {
  const rows = await db.selectFrom('reminder_snooze').select(['indicator_id', 'fiscal_year', 'user_id', 'until']).execute();
  return rows.map((r) => ({ indicatorId: r.indicator_id, fiscalYear: r.fiscal_year, userId: r.user_id, until: r.until }));
}

/** Sets (or moves) one person's snooze of one figure. */
export async function setSnooze(db: PlanDb, input: Snooze & { now: Date }): Promise<void> {
  await db
    .insertInto('reminder_snooze')
    .values({
      indicator_id: input.indicatorId,
      fiscal_year: input.fiscalYear,
      user_id: input.userId,
      until: input.until,
      snoozed_at: input.now.toISOString(),
    })
    .onConflict((oc) =>
      oc.columns(['indicator_id', 'fiscal_year', 'user_id']).doUpdateSet({ until: input.until, snoozed_at: input.now.toISOString() }),
    )
    .execute();
}
