import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadAlertConfig } from '../../src/config/alerts.ts';
import { scheduleAlerts } from '../../src/scheduler/alert-job.ts';
import type { SetTimer } from '../../src/scheduler/schedule.ts';
import { messagesFor } from '../../src/messages/index.ts';
import { countLedgerRows } from '../../src/store/alert-ledger.ts';
import { startSlackApiStandIn, type SlackApiStandIn } from '../support/slack-api-stand-in.ts';
import { CHANNEL, seededDb, tokyo, type SeededDb } from '../support/alerts.ts';
import { workspaceTargets } from '../../src/scheduler/workspace-targets.ts';
import { seedPlan } from '../../src/store/seed.ts';
import { DEFAULT_SEED_FILE, loadSeedFile } from '../../src/store/seed-file.ts';
import { appendSetting, deleteInstallation, saveInstallation } from '../../src/store/workspaces.ts';

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

  it('serves every installed workspace with its own token, plan and channel, and none once uninstalled', async () => {
    const config = loadAlertConfig({ DATABASE_PATH: seeded.path, SLACK_API_URL: standIn.url, REMINDERS: 'off' }, { token: false, channel: false });
    let now = tokyo('2024-07-01', '08:00');
    for (const [key, token, channel] of [['T0AAAA', 'xoxb-aaaa', 'C0AAAA'], ['T0BBBB', 'xoxb-bbbb', 'C0BBBB']] as const) {
      const workspace = { key, teamId: key, enterpriseId: null, isEnterpriseInstall: false, name: key };
      await saveInstallation(seeded.db, { workspace, installation: JSON.stringify({ bot: { token } }), installedBy: 'U0X', now });
      await seedPlan(seeded.db, loadSeedFile(DEFAULT_SEED_FILE), now, { workspace: key });
      await appendSetting(seeded.db, { workspaceKey: key, name: 'alert_channel', value: JSON.stringify(channel), changedBy: 'U0X', now, requestKey: null });
    }
    await appendSetting(seeded.db, { workspaceKey: 'T0BBBB', name: 'locale', value: '"en"', changedBy: 'U0X', now, requestKey: null });
    const fires: Array<() => void> = [];
    const defaults = { admins: [], alertChannel: null, planCode: null, locale: 'ja' as const };
    const scheduler = scheduleAlerts({
      db: seeded.db,
      config,
      messages: messagesFor('ja'),
      logger: quiet,
      clock: () => now,
      setTimer: (fire) => {
        fires.push(fire);
        return { cancel: () => {} };
      },
      workspaces: () => workspaceTargets(seeded.db, { defaults }),
    })!;
    now = tokyo('2024-07-01', '09:00');
    fires[0]!();
    await standIn.waitForCall('chat.postMessage', { count: 2 });
    const posts = standIn.callsTo('chat.postMessage').map((c) => [c.body.channel, c.token, String(c.body.text).slice(0, 8)]);
    expect(posts).toEqual([
      ['C0AAAA', 'xoxb-aaaa', '情報化推進計画の'],
      ['C0BBBB', 'xoxb-bbbb', expect.stringMatching(/^[A-Za-z]/)],
    ]);
    // The seeded local plan has no installation here, so it posted nothing.
    expect(await countLedgerRows(seeded.db, CHANNEL)).toBe(0);
    await expect.poll(() => fires.length).toBe(2);
    await scheduler.stop();

    await deleteInstallation(seeded.db, 'T0AAAA', now);
    expect((await workspaceTargets(seeded.db, { defaults })).map((t) => t.workspace)).toEqual(['T0BBBB']);
  });
});
