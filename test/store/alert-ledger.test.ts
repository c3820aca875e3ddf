import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  claimAlertRun,
  listLastSent,
  recordPostedRun,
  releaseAlertRun,
  type LedgerKey,
} from '../../src/store/alert-ledger.ts';
import { CHANNEL, seededDb, tokyo, type SeededDb } from '../support/alerts.ts';

let seeded: SeededDb;
beforeEach(async () => {
  seeded = await seededDb();
});
afterEach(() => seeded.cleanup());

const LEASE = 10 * 60_000;
const claim = (at: Date, holder = 'test:1', channel = CHANNEL) =>
  claimAlertRun(seeded.db, { channel, runDate: '2024-07-01', holder, now: at, leaseMs: LEASE });

async function actionPlanId(): Promise<number> {
  const row = await seeded.db.selectFrom('action_plan').select('id').orderBy('number').executeTakeFirstOrThrow();
  return row.id;
}

describe('alert run claims', () => {
  it('lets one run per channel hold the claim until it is released', async () => {
    const first = await claim(tokyo('2024-07-01'));
    expect(first.ok).toBe(true);
    expect(await claim(tokyo('2024-07-01', '09:01'), 'test:2')).toEqual({
      ok: false,
      heldBy: { holder: 'test:1', claimedAt: tokyo('2024-07-01').toISOString(), runDate: '2024-07-01' },
    });
    // Another channel is independent.
    expect((await claim(tokyo('2024-07-01'), 'test:3', 'C0OTHER')).ok).toBe(true);

    await releaseAlertRun(seeded.db, { runId: (first as { runId: number }).runId, state: 'nothing_new', now: tokyo('2024-07-01') });
    expect((await claim(tokyo('2024-07-01', '09:02'), 'test:2')).ok).toBe(true);
  });

  it('treats a claim older than the lease as a dead process and takes over', async () => {
    await claim(tokyo('2024-07-01'));
    expect((await claim(tokyo('2024-07-01', '09:09'), 'test:2')).ok).toBe(false);
    expect((await claim(tokyo('2024-07-01', '09:10'), 'test:2')).ok).toBe(true);
    const states = await seeded.db.selectFrom('alert_run').select(['holder', 'state']).orderBy('id').execute();
    expect(states).toEqual([
      { holder: 'test:1', state: 'abandoned' },
      { holder: 'test:2', state: 'claimed' },
    ]);
  });

  it('is backed by the schema: a second live claim for a channel cannot be inserted', async () => {
    await claim(tokyo('2024-07-01'));
    await expect(
      seeded.db
        .insertInto('alert_run')
        .values({ channel: CHANNEL, run_date: '2024-07-01', state: 'claimed', holder: 'x', claimed_at: 'x' })
        .execute(),
    ).rejects.toThrow(/unique/i);
  });
});

describe('alert ledger', () => {
  it('records a posted digest in one go and answers the latest day each key was sent', async () => {
    const apId = await actionPlanId();
    const keys: LedgerKey[] = [
      { rule: 'no_owner', actionPlanId: apId, indicatorId: null, fiscalYear: null, revisionId: null },
    ];
    for (const day of ['2024-07-01', '2024-07-08']) {
      const c = await claimAlertRun(seeded.db, { channel: CHANNEL, runDate: day, holder: 't', now: tokyo(day), leaseMs: LEASE });
      if (!c.ok) throw new Error('claim refused');
      await recordPostedRun(seeded.db, { runId: c.runId, channel: CHANNEL, runDate: day, sentAt: tokyo(day), messageTs: `${day}.1`, keys });
    }
    expect(await listLastSent(seeded.db, CHANNEL)).toEqual([{ ...keys[0], runDate: '2024-07-08' }]);
    expect(await listLastSent(seeded.db, 'C0OTHER')).toEqual([]);
    const runs = await seeded.db.selectFrom('alert_run').select(['state', 'item_count', 'message_ts']).execute();
    expect(runs).toEqual([
      { state: 'posted', item_count: 1, message_ts: '2024-07-01.1' },
      { state: 'posted', item_count: 1, message_ts: '2024-07-08.1' },
    ]);
  });
});
