/**
 * Slack down for a while in the middle of an alert run, end to end: the real scheduler
 * (on a hand-driven clock), the real run and ledger, the real Web API client with its
 * in-run retries, and the stand-in answering 500 and 429 for a stretch. Once it recovers
 * the digest is posted exactly once, with everything a run on a healthy day would have
 * posted, and ledgered exactly once.
 *
 * (test/alerts covers each single fault followed by a good run; this is the stretch of
 * mixed faults across scheduler retries and client retries.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownItems } from '../../commands/alerts/digest.ts';
import type { AlertSettings } from '../../commands/alerts/settings.ts';
import { alertKeyOf, keyString } from '../../src/domain/alert-rules.ts';
import { runAlerts, type AlertRunOutcome } from '../../commands/alerts/run.ts';
import { startAlertScheduler, type SetTimer } from '../../src/scheduler/schedule.ts';
import { digestPublisher } from '../../src/slack-web/digest-publisher.ts';
import { createSlackPoster } from '../../src/slack-web/post-message.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../src/domain/fiscal-year.ts';
import { messagesFor } from '../../src/messages/index.ts';
import { findPlan } from '../../src/store/action-plans.ts';
import type { PlanDb } from '../../src/store/db.ts';
import { prepareDatabase } from '../../src/store/prepare.ts';
import type { Plan } from '../../src/store/schema.ts';
import { startSlackApiStandIn, type SlackApiStandIn } from '../support/slack-api-stand-in.ts';

const SETTINGS: AlertSettings = {
  channel: 'C0ALERTS',
  time: { hour: 9, minute: 0 },
  dueSoonDays: 14,
  repeatDays: 7,
  dueRule: DEFAULT_DUE_DATE_RULE,
};
const RETRY = { delayMs: 15 * 60_000, maxRetries: 3 };
const tokyo = (day: string, time = '09:00') => new Date(`${day}T${time}:00+09:00`);
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

let standIn: SlackApiStandIn;
let dir: string;
let db: PlanDb;
let plan: Plan;

beforeAll(async () => {
  standIn = await startSlackApiStandIn();
  dir = mkdtempSync(join(tmpdir(), 'plan-bot-outage-'));
  db = await prepareDatabase(join(dir, 'plans.db'));
  plan = (await findPlan(db))!;
});

afterAll(async () => {
  await db?.destroy();
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A clock and a single timer that the test moves by hand. */
function handDrivenTime(start: Date) {
  let now = start.getTime();
  let pending: { at: number; fire: () => void } | null = null;
  const setTimer: SetTimer = (fire, delayMs) => {
    const timer = { at: now + delayMs, fire };
    pending = timer;
    return { cancel: () => void (pending === timer && (pending = null)) };
  };
  return {
    clock: () => new Date(now),
    setTimer,
    /** Fires the pending timer, moving the clock to its time. */
    fireNext(): Date {
      const timer = pending;
      if (!timer) throw new Error('no timer armed');
      pending = null;
      now = Math.max(now, timer.at);
      timer.fire();
      return new Date(now);
    },
  };
}

describe('Slack answering 500 and 429 for a while during alert runs', () => {
  it('posts the digest exactly once when Slack recovers, with nothing lost and nothing ledgered twice', async () => {
    const m = messagesFor('ja');
    const runDate = '2024-07-01';
    // What a healthy Slack would have been sent that morning.
    const dry = await runAlerts({ db, plan, settings: SETTINGS, publisher: digestPublisher(m, async () => ({ ts: "" })), dryRun: true, runDate, clock: () => tokyo(runDate) });
    if (dry.kind !== 'dry_run') throw new Error(`dry run answered ${dry.kind}`);
    const expectedKeys = shownItems(dry.digest).map((item) => keyString(alertKeyOf(item.finding)));
    expect(expectedKeys.length).toBeGreaterThan(0);

    // The outage, in the order the calls will meet it: the first run's call and its client
    // retry both get 500; the scheduler's first retry gets 429; the second retry gets 500
    // once more and then its client retry goes through.
    standIn.failNext('chat.postMessage', 2, { status: 500 });
    standIn.failNext('chat.postMessage', 1, { status: 429, retryAfterSeconds: 1 });
    standIn.failNext('chat.postMessage', 1, { status: 500 });

    const time = handDrivenTime(tokyo(runDate, '08:00'));
    const poster = createSlackPoster({ token: 'xoxb-outage-test', slackApiUrl: standIn.url, retries: 1 });
    const outcomes: AlertRunOutcome[] = [];
    const scheduler = startAlertScheduler({
      clock: time.clock,
      setTimer: time.setTimer,
      time: SETTINGS.time,
      logger: quiet,
      retry: RETRY,
      run: async () => {
        const outcome = await runAlerts({ db, plan, settings: SETTINGS, publisher: digestPublisher(m, poster), clock: time.clock });
        outcomes.push(outcome);
        return outcome;
      },
    });
    const fire = async () => {
      const at = time.fireNext();
      const before = outcomes.length;
      // The run is real I/O (SQLite, HTTP to the stand-in, client back-off): wait for it.
      while (outcomes.length === before) await new Promise((resolve) => setTimeout(resolve, 20));
      // Let the scheduler arm its next timer.
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { at, outcome: outcomes.at(-1)! };
    };

    try {
      const first = await fire();
      expect(first.at).toEqual(tokyo(runDate, '09:00'));
      expect(first.outcome).toMatchObject({ kind: 'failed', failure: 'http' });
      const second = await fire();
      expect(second.at).toEqual(tokyo(runDate, '09:15'));
      expect(second.outcome).toMatchObject({ kind: 'failed', failure: 'rate_limited' });
      const third = await fire();
      expect(third.at).toEqual(tokyo(runDate, '09:30'));
      expect(third.outcome).toMatchObject({ kind: 'posted', itemCount: expectedKeys.length });
      // Back on the daily rhythm: the next working day, when nothing is new yet.
      const next = await fire();
      expect(next.at).toEqual(tokyo('2024-07-02', '09:00'));
      expect(next.outcome).toMatchObject({ kind: 'nothing_new' });
    } finally {
      await scheduler.stop();
    }

    const calls = standIn.callsTo('chat.postMessage');
    expect(calls.map((c) => c.failed ?? false)).toEqual([true, true, true, true, false]);
    // Nothing lost: the one post carries what the healthy morning would have.
    const delivered = calls.filter((c) => !c.failed);
    expect(delivered).toHaveLength(1);
    const posted = outcomes.find((o) => o.kind === 'posted');
    if (posted?.kind !== 'posted') throw new Error('no posted outcome');
    expect(shownItems(posted.digest).map((item) => keyString(alertKeyOf(item.finding)))).toEqual(expectedKeys);

    // Nothing duplicated: each item ledgered once, against the one message Slack accepted.
    const ledger = await db.selectFrom('alert_ledger').selectAll().execute();
    const keys = ledger.map((row) =>
      keyString({
        rule: row.rule,
        actionPlanId: row.action_plan_id,
        indicatorId: row.indicator_id,
        fiscalYear: row.fiscal_year,
        revisionId: row.revision_id,
      }),
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([...expectedKeys].sort());
    expect(new Set(ledger.map((row) => row.message_ts))).toEqual(new Set([posted.ts]));
    const runs = await db.selectFrom('alert_run').select('state').orderBy('id').execute();
    expect(runs.map((r) => r.state)).toEqual(['failed', 'failed', 'posted', 'nothing_new']);
  }, 20_000);
});
