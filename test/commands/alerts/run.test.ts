import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runAlerts, type AlertRunOptions } from '../../../commands/alerts/run.ts';
import { digestPublisher } from '../../../src/slack-web/digest-publisher.ts';
import { createSlackPoster, type PostMessage } from '../../../src/slack-web/post-message.ts';
import { messagesFor } from '../../../src/messages/index.ts';
import { claimAlertRun, countLedgerRows } from '../../../src/store/alert-ledger.ts';
import { loadActionPlan } from '../../../src/store/action-plans.ts';
import { openDatabase } from '../../../src/store/db.ts';
import { recordActual } from '../../../src/store/figures.ts';
import { addOwner } from '../../../src/store/owners.ts';
import { startSlackApiStandIn, type SlackApiStandIn } from '../../support/slack-api-stand-in.ts';
import { blockTexts, CHANNEL, seededDb, SETTINGS, tokyo, type SeededDb } from '../../support/alerts.ts';

const ja = messagesFor('ja');
let standIn: SlackApiStandIn;
let seeded: SeededDb;
let post: PostMessage;

beforeAll(async () => {
  standIn = await startSlackApiStandIn();
  // No client-side retries: each programmed fault is one failed run, as the next run must recover.
  post = createSlackPoster({ token: 'xoxb-test', slackApiUrl: standIn.url, retries: 0 });
});
afterAll(() => standIn.close());
beforeEach(async () => {
  standIn.reset();
  seeded = await seededDb();
});
afterEach(() => seeded.cleanup());

const run = (runDate: string, over: Partial<AlertRunOptions> = {}) =>
  runAlerts({
    db: seeded.db,
    plan: seeded.plan,
    settings: SETTINGS,
    publisher: digestPublisher(ja, post),
    runDate,
    clock: () => tokyo(runDate),
    ...over,
  });

const posts = () => standIn.callsTo('chat.postMessage').filter((c) => !c.failed);

async function ledger() {
  return seeded.db.selectFrom('alert_ledger').selectAll().orderBy('id').execute();
}

describe('alert run on the seeded plan', () => {
  it('posts one digest on 2024-07-01 naming the overdue FY2021–FY2023 figures and their plans, and nothing the second time', async () => {
    const first = await run('2024-07-01');
    expect(first).toMatchObject({ kind: 'posted', itemCount: 94 });
    expect(posts()).toHaveLength(1);
    const call = posts()[0]!;
    expect(call.body.channel).toBe(CHANNEL);
    expect(call.token).toBe('xoxb-test');
    expect(String(call.body.text)).toContain('期限超過 65件');
    const texts = blockTexts(call.body.blocks).join('\n');
    for (const ap of ['① 手続の電子化', '⑮ 街頭防犯カメラの多目的利用の推進', '⑳ 情報セキュリティの強化']) {
      expect(texts).toContain(ap);
    }
    expect(texts).toContain('⚠️ 令和3年度 電子申込システム利用率（目標 30%）提出期限 2022年6月30日・732日超過');
    expect(texts).toContain('⚠️ 令和5年度 IoT防犯カメラ設置拠点数（目標 562拠点）提出期限 2024年6月30日・1日超過');

    const rows = await ledger();
    const overdue = rows.filter((r) => r.rule === 'overdue');
    expect(overdue).toHaveLength(65);
    expect(new Set(overdue.map((r) => r.fiscal_year))).toEqual(new Set([2021, 2022, 2023]));
    expect(rows.filter((r) => r.rule === 'off_target')).toHaveLength(9);
    expect(rows.filter((r) => r.rule === 'no_owner')).toHaveLength(20);
    expect(rows.every((r) => r.channel === CHANNEL && r.run_date === '2024-07-01')).toBe(true);
    expect(new Set(rows.map((r) => r.message_ts))).toEqual(new Set([(first as { ts: string }).ts]));

    expect(await run('2024-07-01')).toMatchObject({ kind: 'nothing_new' });
    expect(posts()).toHaveLength(1);
    expect(await countLedgerRows(seeded.db)).toBe(94);
  });

  it('repeats overdue figures weekly (not the one-off alerts) and drops a figure once its actual arrives', async () => {
    await run('2024-07-01');
    expect(await run('2024-07-05')).toMatchObject({ kind: 'nothing_new' });

    const ap1 = (await loadActionPlan(seeded.db, seeded.plan.id, 1))!;
    await recordActual(seeded.db, {
      indicatorId: ap1.indicators[0]!.id,
      fiscalYear: 2021,
      value: 35,
      provisional: false,
      recordedBy: 'U0STAFF',
      source: 'slack',
      note: null,
      now: tokyo('2024-07-05', '10:00'),
    });
    await addOwner(seeded.db, { actionPlanId: ap1.id, userId: 'U0OWNER', addedBy: 'U0ADMIN', now: tokyo('2024-07-05') });

    const week = await run('2024-07-08');
    expect(week).toMatchObject({ kind: 'posted', itemCount: 64 });
    const texts = blockTexts(posts()[1]!.body.blocks).join('\n');
    expect(texts).not.toContain('令和3年度 電子申込システム利用率');
    expect(texts).toContain('*① 手続の電子化*　担当：<@U0OWNER>');
    expect(texts).not.toContain('❌');
    expect(texts).not.toContain('👤');
  });

  it('alerts again when a new actual revision still misses its target', async () => {
    await run('2024-07-01');
    const ap8 = (await loadActionPlan(seeded.db, seeded.plan.id, 8))!;
    await recordActual(seeded.db, {
      indicatorId: ap8.indicators[0]!.id,
      fiscalYear: 2020,
      value: 40,
      provisional: false,
      recordedBy: 'U0STAFF',
      source: 'slack',
      note: '再集計',
      now: tokyo('2024-07-02', '10:00'),
    });
    expect(await run('2024-07-02')).toMatchObject({ kind: 'posted', itemCount: 1 });
    expect(blockTexts(posts()[1]!.body.blocks).join('\n')).toContain('❌ 令和2年度 特定健診受診率：実績 40%（目標 49%）に届きませんでした');
  });

  it('warns of figures due soon only inside the window before the due date', async () => {
    // Before FY2023's due date (30 June 2024) its figures are due soon, not late.
    const early = await run('2024-06-16', { dryRun: true });
    expect(early.kind).toBe('dry_run');
    const rules = (early as { digest: { groups: { items: { finding: { rule: string; fiscalYear?: number } }[] }[] } }).digest.groups
      .flatMap((g) => g.items.map((i) => i.finding))
      .filter((f) => f.rule === 'due_soon');
    expect(rules).toHaveLength(23);
    expect(new Set(rules.map((f) => f.fiscalYear))).toEqual(new Set([2023]));
    const tooEarly = await run('2024-06-15', { dryRun: true });
    const dueSoonBefore = (tooEarly as { digest: { groups: { items: { finding: { rule: string } }[] }[] } }).digest.groups
      .flatMap((g) => g.items)
      .filter((i) => i.finding.rule === 'due_soon');
    expect(dueSoonBefore).toHaveLength(0);
    expect(await countLedgerRows(seeded.db)).toBe(0);
  });
});

describe('alert run when Slack fails', () => {
  for (const [name, fault] of [
    ['HTTP 500', { status: 500 }],
    ['ok:false', { okFalse: 'channel_not_found' }],
    ['429 with Retry-After', { status: 429, retryAfterSeconds: 30 }],
  ] as const) {
    it(`ledgers nothing on ${name}, then the next run posts the same items`, async () => {
      standIn.failNext('chat.postMessage', 1, fault);
      const failed = await run('2024-07-01');
      expect(failed).toMatchObject({ kind: 'failed' });
      if ('status' in fault && fault.status === 429) expect(failed).toMatchObject({ failure: 'rate_limited', retryAfterSeconds: 30 });
      if ('okFalse' in fault) expect(failed).toMatchObject({ failure: 'platform', detail: 'channel_not_found' });
      expect(await countLedgerRows(seeded.db)).toBe(0);
      const runs = await seeded.db.selectFrom('alert_run').select(['state', 'error']).execute();
      expect(runs).toEqual([{ state: 'failed', error: expect.any(String) }]);

      expect(await run('2024-07-01')).toMatchObject({ kind: 'posted', itemCount: 94 });
      const calls = standIn.callsTo('chat.postMessage');
      expect(calls).toHaveLength(2);
      expect(calls[1]!.body.blocks).toEqual(calls[0]!.body.blocks);
      expect(await run('2024-07-01')).toMatchObject({ kind: 'nothing_new' });
      expect(posts()).toHaveLength(1);
    });
  }
});

describe('alert run claims', () => {
  it('waits for, then reports busy on, a channel another live run holds', async () => {
    await claimAlertRun(seeded.db, { channel: CHANNEL, runDate: '2024-07-01', holder: 'other:1', now: tokyo('2024-07-01'), leaseMs: 600_000 });
    let slept = 0;
    const outcome = await run('2024-07-01', {
      claim: { waitMs: 1000, pollMs: 250 },
      clock: () => new Date(tokyo('2024-07-01').getTime() + slept),
      sleep: async (ms) => void (slept += ms),
    });
    expect(outcome).toMatchObject({ kind: 'busy', heldBy: { holder: 'other:1' } });
    expect(slept).toBe(1000);
    expect(posts()).toHaveLength(0);
  });

  it('after a crash between posting and ledgering, a restart repeats that one digest and nothing else', async () => {
    // An earlier run that completed normally.
    await run('2024-07-01');
    const ap3 = (await loadActionPlan(seeded.db, seeded.plan.id, 3))!;
    await recordActual(seeded.db, {
      indicatorId: ap3.indicators[0]!.id,
      fiscalYear: 2021,
      value: 20000,
      provisional: false,
      recordedBy: 'U0STAFF',
      source: 'slack',
      note: null,
      now: tokyo('2024-07-01', '10:00'),
    });

    // The "process" posts, Slack accepts, and it dies before ledgering: its promise never settles.
    const dying: PostMessage = async (message) => {
      await post(message);
      return new Promise(() => {});
    };
    void run('2024-07-01', { publisher: digestPublisher(ja, dying), clock: () => tokyo('2024-07-01', '11:00') });
    await standIn.waitForCall('chat.postMessage', { count: 2 });
    expect(await countLedgerRows(seeded.db)).toBe(94);

    // A new process on the same file, within the lease: the channel is still held.
    const restarted = openDatabase(seeded.path);
    try {
      const again = (at: string) =>
        runAlerts({
          db: restarted,
          plan: seeded.plan,
          settings: SETTINGS,
          publisher: digestPublisher(ja, post),
          runDate: '2024-07-01',
          clock: () => tokyo('2024-07-01', at),
          claim: { waitMs: 0 },
        });
      expect(await again('11:05')).toMatchObject({ kind: 'busy' });
      const repeated = await again('11:11');
      expect(repeated).toMatchObject({ kind: 'posted', itemCount: 1 });
      const calls = posts();
      expect(calls).toHaveLength(3);
      expect(calls[2]!.body.blocks).toEqual(calls[1]!.body.blocks);
      expect(blockTexts(calls[2]!.body.blocks).join('\n')).toContain('❌ 令和3年度 電子納税件数：実績 20,000件');
      expect(await again('11:12')).toMatchObject({ kind: 'nothing_new' });
      const states = await restarted.selectFrom('alert_run').select('state').orderBy('id').execute();
      expect(states.map((s) => s.state)).toEqual(['posted', 'abandoned', 'posted', 'nothing_new']);
    } finally {
      await restarted.destroy();
    }
  });
});
