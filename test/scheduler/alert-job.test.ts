import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadAlertConfig } from '../../src/config/alerts.ts';
import { scheduleAlerts } from '../../src/scheduler/alert-job.ts';
import type { SetTimer } from '../../src/scheduler/schedule.ts';
import { messagesFor } from '../../src/messages/index.ts';
import { countLedgerRows } from '../../src/store/alert-ledger.ts';
import { startSlackApiStandIn, type SlackApiStandIn } from '../support/slack-api-stand-in.ts';
import { CHANNEL, seededDb, tokyo, type SeededDb } from '../support/alerts.ts';

let standIn: SlackApiStandIn;
let seeded: SeededDb;
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

beforeAll(async () => {
  standIn = await startSlackApiStandIn();
});
afterAll(() => standIn.close());
beforeEach(async () => {
  standIn.reset();
  seeded = await seededDb();
});
afterEach(() => seeded.cleanup());

describe('alert job inside npm start', () => {
  it('posts through SLACK_API_URL when the timer fires at ALERT_TIME, then arms the next working day', async () => {
    const config = loadAlertConfig({
      DATABASE_PATH: seeded.path,
      SLACK_BOT_TOKEN: 'xoxb-test',
      ALERT_CHANNEL: CHANNEL,
      SLACK_API_URL: standIn.url,
      ALERT_TIME: '09:30',
    });
    let now = tokyo('2024-07-01', '08:00');
    const timers: Array<{ fire: () => void; delayMs: number }> = [];
    const setTimer: SetTimer = (fire, delayMs) => {
      timers.push({ fire, delayMs });
      return { cancel: () => {} };
    };
    const scheduler = scheduleAlerts({
      db: seeded.db,
      plan: seeded.plan,
      config,
      messages: messagesFor('ja'),
      logger: quiet,
      clock: () => now,
      setTimer,
    })!;
    expect(timers[0]!.delayMs).toBe(90 * 60_000);

    now = tokyo('2024-07-01', '09:30');
    timers[0]!.fire();
    await standIn.waitForCall('chat.postMessage');
    await expect.poll(() => timers.length).toBe(2);
    expect(await countLedgerRows(seeded.db, CHANNEL)).toBe(94);
    expect(scheduler.nextRunAt()).toEqual(tokyo('2024-07-02', '09:30'));
    await scheduler.stop();
  });

  it('stays off without an alert channel when reminders are off too', () => {
    const config = loadAlertConfig({ SLACK_BOT_TOKEN: 'xoxb-test', REMINDERS: 'off' }, { token: true, channel: false });
    expect(
      scheduleAlerts({ db: seeded.db, plan: seeded.plan, config, messages: messagesFor('ja'), logger: quiet }),
    ).toBeNull();
  });
});
