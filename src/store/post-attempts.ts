import type { PlanDb } from './db.ts';
import type { PostKind } from './schema.ts';

/**
 * The outbox: a row written before every post the bot makes on its own (reminder DMs,
 * escalations, the channel digest), so that a post whose answer was lost is remembered and
 * settled by the next run instead of being posted blindly again.
 */

export interface PendingPost {
  id: number;
  messageKey: string;
  kind: PostKind;
  recipient: string | null;
  channel: string;
  runDate: string;
  attemptedAt: string;
  payload: string | null;
}

export interface ReminderLedgerItem {
  indicatorId: number;
  fiscalYear: number;
  rung: string;
}

/**
 * Records that a post is about to be made, with the reminder rows it carries, in one
 * transaction. Returns the attempt's id.
 */
export async function beginPost(
  db: PlanDb,
  input: {
    messageKey: string;
    kind: PostKind;
    recipient: string | null;
    channel: string;
    runDate: string;
    now: Date;
    items?: readonly ReminderLedgerItem[];
    payload?: string;
  },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('post_attempt')
      .values({
        message_key: input.messageKey,
        kind: input.kind,
        recipient: input.recipient,
        channel: input.channel,
        run_date: input.runDate,
        state: 'pending',
        attempted_at: input.now.toISOString(),
        payload: input.payload ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const items = input.items ?? [];
    // Few rows per post (one figure, or one admin's escalation list); chunked all the same.
    for (let i = 0; i < items.length; i += 500) {
      await trx
        .insertInto('reminder_ledger')
        .values(
          items.slice(i, i + 500).map((item) => ({
            indicator_id: item.indicatorId,
            fiscal_year: item.fiscalYear,
            rung: item.rung,
            recipient: input.recipient ?? '',
            post_id: id,
            run_date: input.runDate,
          })),
        )
        .execute();
    }
    return id;
  });
}

/** Slack took it: the attempt is settled and its reminder rows stay. */
export async function markPostSent(db: PlanDb, input: { id: number; ts: string; now: Date }): Promise<void> {
  await db
    .updateTable('post_attempt')
    .set({ state: 'sent', message_ts: input.ts, finished_at: input.now.toISOString() })
    .where('id', '=', input.id)
    .execute();
}

/** Known not to be in Slack: its reminder rows go, so the same figures are sent again. */
export async function markPostNotSent(db: PlanDb, input: { id: number; error: string; now: Date }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('reminder_ledger').where('post_id', '=', input.id).execute();
    await trx
      .updateTable('post_attempt')
      .set({ state: 'not_sent', error: input.error, finished_at: input.now.toISOString() })
      .where('id', '=', input.id)
      .execute();
  });
}

/** The outcome is still unknown (no answer yet): keep it pending, with the reason, for the next run. */
export async function notePostUnknown(db: PlanDb, input: { id: number; error: string }): Promise<void> {
  await db.updateTable('post_attempt').set({ error: input.error }).where('id', '=', input.id).where('state', '=', 'pending').execute();
}

export async function listPendingPosts(db: PlanDb, kinds: readonly PostKind[], channel?: string): Promise<PendingPost[]> {
  let query = db
    .selectFrom('post_attempt')
    .select(['id', 'message_key', 'kind', 'recipient', 'channel', 'run_date', 'attempted_at', 'payload'])
    .where('state', '=', 'pending')
    .where('kind', 'in', [...kinds]);
  if (channel !== undefined) query = query.where('channel', '=', channel);
  const rows = await query.orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    messageKey: r.message_key,
    kind: r.kind,
    recipient: r.recipient,
    channel: r.channel,
    runDate: r.run_date,
    attemptedAt: r.attempted_at,
    payload: r.payload,
  }));
}

export async function listPostAttempts(db: PlanDb) {
  return db.selectFrom('post_attempt').selectAll().orderBy('id').execute();
}
