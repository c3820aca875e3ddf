import type { PlanDb } from './db.ts';
import { lockedWrite } from './engine.ts';
import type { AlertRuleColumn } from './schema.ts';

/**
 * The alert ledger (what Slack accepted, per item) and the run claims (which run may post to
 * a channel right now). Together they make posting exactly-once, apart from the one window
 * the README names: a crash after Slack answered and before `recordPostedRun` committed.
 */

export interface LedgerKey {
  rule: AlertRuleColumn;
  actionPlanId: number;
  indicatorId: number | null;
  fiscalYear: number | null;
  revisionId: number | null;
}

export interface LastSent extends LedgerKey {
  /** The latest run_date this key was sent on, in this channel. */
  runDate: string;
}

/** One row per key ever sent to the channel, with its latest run day. */
export async function listLastSent(db: PlanDb, channel: string): Promise<LastSent[]> {
  const rows = await db
    .selectFrom('alert_ledger')
    .select((eb) => [
      'rule',
      'action_plan_id',
      'indicator_id',
      'fiscal_year',
      'revision_id',
      eb.fn.max('run_date').as('last_run_date'),
    ])
    .where('channel', '=', channel)
    .groupBy(['rule', 'action_plan_id', 'indicator_id', 'fiscal_year', 'revision_id'])
    .execute();
  return rows.map((r) => ({
    rule: r.rule,
    actionPlanId: r.action_plan_id,
    indicatorId: r.indicator_id,
    fiscalYear: r.fiscal_year,
    revisionId: r.revision_id,
    runDate: r.last_run_date,
  }));
}

export type ClaimResult =
  | { ok: true; runId: number }
  | { ok: false; heldBy: { holder: string; claimedAt: string; runDate: string } };

/**
 * Takes the channel for one run, or reports who holds it. A claim older than `leaseMs` is
 * taken to belong to a process that died and is marked abandoned, so a crash blocks the
 * channel for one lease at most.
 */
export async function claimAlertRun(
  db: PlanDb,
  input: { channel: string; runDate: string; holder: string; now: Date; leaseMs: number },
): Promise<ClaimResult> {
  const nowIso = input.now.toISOString();
  const staleBefore = new Date(input.now.getTime() - input.leaseMs).toISOString();
  // The lock is taken before reading, so two processes cannot both see the channel free (the
  // partial unique index alert_run_one_claim would refuse the second claim all the same).
  return lockedWrite(db, `alert-claim:${input.channel}`, async (trx) => {
    await trx
      .updateTable('alert_run')
      .set({ state: 'abandoned', finished_at: nowIso, error: 'claim expired' })
      .where('channel', '=', input.channel)
      .where('state', '=', 'claimed')
      .where('claimed_at', '<=', staleBefore)
      .execute();
    const held = await trx
      .selectFrom('alert_run')
      .select(['holder', 'claimed_at', 'run_date'])
      .where('channel', '=', input.channel)
      .where('state', '=', 'claimed')
      .executeTakeFirst();
    if (held) return { ok: false, heldBy: { holder: held.holder, claimedAt: held.claimed_at, runDate: held.run_date } };
    const { id } = await trx
      .insertInto('alert_run')
      .values({ channel: input.channel, run_date: input.runDate, state: 'claimed', holder: input.holder, claimed_at: nowIso })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ok: true, runId: id };
  });
}

/** Releases a claim that posted nothing: either nothing was new or Slack refused. */
export async function releaseAlertRun(
  db: PlanDb,
  input: { runId: number; state: 'nothing_new' | 'failed'; now: Date; error?: string },
): Promise<void> {
  await db
    .updateTable('alert_run')
    .set({ state: input.state, finished_at: input.now.toISOString(), error: input.error ?? null, item_count: 0 })
    .where('id', '=', input.runId)
    .where('state', '=', 'claimed')
    .execute();
}

// Nine bound values a row; SQLite allows 32766 a statement and PostgreSQL 65535, and chunks keep well clear.
const LEDGER_ROWS_PER_INSERT = 500;

/**
 * Ledgers every item of a digest Slack accepted and closes the run, in one transaction:
 * either all of the digest is remembered or none of it is. The run is marked posted even if
 * another process meanwhile declared the claim abandoned: what Slack accepted is a fact.
 */
export async function recordPostedRun(
  db: PlanDb,
  input: {
    runId: number;
    channel: string;
    runDate: string;
    sentAt: Date;
    messageTs: string;
    keys: LedgerKey[];
    /** The outbox row written before the post, settled in the same transaction. */
    attemptId?: number;
  },
): Promise<void> {
  const sentAt = input.sentAt.toISOString();
  await db.transaction().execute(async (trx) => {
    await insertLedgerRows(trx, { ...input, sentAt });
    if (input.attemptId !== undefined) {
      await trx
        .updateTable('post_attempt')
        .set({ state: 'sent', message_ts: input.messageTs, finished_at: sentAt })
        .where('id', '=', input.attemptId)
        .execute();
    }
    await trx
      .updateTable('alert_run')
      .set({ state: 'posted', finished_at: sentAt, message_ts: input.messageTs, item_count: input.keys.length })
      .where('id', '=', input.runId)
      .execute();
  });
}

/**
 * A digest whose answer was lost, found in the channel's history by a later run: its items
 * are ledgered for the day it was posted for, and its outbox row settled, in one transaction.
 */
export async function recordFoundDigest(
  db: PlanDb,
  input: { attemptId: number; channel: string; runDate: string; foundAt: Date; messageTs: string; keys: LedgerKey[] },
): Promise<void> {
  const sentAt = input.foundAt.toISOString();
  await db.transaction().execute(async (trx) => {
    await insertLedgerRows(trx, { ...input, sentAt });
    await trx
      .updateTable('post_attempt')
      .set({ state: 'sent', message_ts: input.messageTs, finished_at: sentAt })
      .where('id', '=', input.attemptId)
      .execute();
  });
}

/** Closes a reminder run that posted (some of) its messages. */
export async function finishAlertRun(
  db: PlanDb,
  input: { runId: number; itemCount: number; now: Date; error?: string },
): Promise<void> {
  await db
    .updateTable('alert_run')
    .set({ state: 'posted', finished_at: input.now.toISOString(), item_count: input.itemCount, error: input.error ?? null })
    .where('id', '=', input.runId)
    .execute();
}

async function insertLedgerRows(
  trx: PlanDb,
  input: { channel: string; runDate: string; sentAt: string; messageTs: string; keys: LedgerKey[] },
): Promise<void> {
  for (let i = 0; i < input.keys.length; i += LEDGER_ROWS_PER_INSERT) {
    await trx
      .insertInto('alert_ledger')
      .values(
        input.keys.slice(i, i + LEDGER_ROWS_PER_INSERT).map((k) => ({
          rule: k.rule,
          action_plan_id: k.actionPlanId,
          indicator_id: k.indicatorId,
          fiscal_year: k.fiscalYear,
          revision_id: k.revisionId,
          channel: input.channel,
          sent_at: input.sentAt,
          run_date: input.runDate,
          message_ts: input.messageTs,
        })),
      )
      .execute();
  }
}

export async function countLedgerRows(db: PlanDb, channel?: string): Promise<number> {
  let query = db.selectFrom('alert_ledger').select((eb) => eb.fn.countAll<number>().as('n'));
  if (channel !== undefined) query = query.where('channel', '=', channel);
  const { n } = await query.executeTakeFirstOrThrow();
  return Number(n);
}
