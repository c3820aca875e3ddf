import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countLedgerRows } from '../../src/store/alert-ledger.ts';
import { openDatabase } from '../../src/store/db.ts';
import { startSlackApiStandIn, type SlackApiStandIn } from '../support/slack-api-stand-in.ts';
import { blockTexts, CHANNEL, seededDb, type SeededDb } from '../support/alerts.ts';
import { runToEnd, type Exit } from '../support/process.ts';
import { entry } from '../support/entry.ts';
import { databaseEnv } from '../support/databases.ts';

/**
 * `npm run alerts` as separate processes sharing one database file: what cron and a
 * person at a terminal (or two cron entries) actually do.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let standIn: SlackApiStandIn;
let seeded: SeededDb;

beforeAll(async () => {
  standIn = await startSlackApiStandIn();
});
afterAll(() => standIn.close());
beforeEach(async () => {
  standIn.reset();
  seeded = await seededDb();
  // The processes open the file themselves; this handle only prepared it.
  await seeded.db.destroy();
});
afterEach(() => seeded.cleanup().catch(() => {}));

function alertsCli(args: string[], env: Record<string, string> = {}): Promise<Exit> {
  return runToEnd(process.execPath, [...entry('alerts'), ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      ...databaseEnv(seeded.path),
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      ALERT_CHANNEL: CHANNEL,
      SLACK_API_URL: standIn.url,
      ...env,
    },
  });
}

async function ledgerCount(): Promise<number> {
  const db = openDatabase(seeded.path);
  try {
    return await countLedgerRows(db, CHANNEL);
  } finally {
    await db.destroy();
  }
}

// Each case starts one or two Node processes that compile TypeScript on the fly: slow on a busy machine.
describe('npm run alerts', { timeout: 120_000 }, () => {
  it('posts one digest for 2024-07-01 and nothing when run again by a second process', async () => {
    const first = await alertsCli(['--date', '2024-07-01']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^2024年7月1日の通知を C0PLAN に投稿しました（94件、ts \d+\.\d+）。/);
    const [call] = standIn.callsTo('chat.postMessage');
    expect(call?.body.channel).toBe(CHANNEL);
    // Counts per plan, no figure lines and no names (#17).
    const texts = blockTexts(call?.body.blocks).join('\n');
    expect(texts).toContain('*⑳ 情報セキュリティの強化*　期限超過 3件（最も古い期限 2022年6月30日）・目標未達 1件・担当者未設定');
    expect(texts).not.toContain('令和3年度');

    const second = await alertsCli(['--date', '2024-07-01']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('新しくお知らせする項目はありません');
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await ledgerCount()).toBe(94);
  });

  it('posts exactly one digest when two processes run at the same moment', async () => {
    const results = await Promise.all([alertsCli(['--date', '2024-07-01']), alertsCli(['--date', '2024-07-01'])]);
    expect(results.map((r) => r.code).sort()).toEqual([0, 0]);
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(1);
    expect(results.filter((r) => r.stdout.includes('投稿しました'))).toHaveLength(1);
    expect(await ledgerCount()).toBe(94);
  });

  it('exits non-zero and ledgers nothing when Slack refuses (the in-process tests cover the retry)', async () => {
    standIn.failNext('chat.postMessage', 1, { okFalse: 'channel_not_found' });
    const failed = await alertsCli(['--date', '2024-07-01']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('Slack への投稿に失敗しました（channel_not_found）');
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await ledgerCount()).toBe(0);
  });

  it('says to /invite the bot when it is not in the channel, found before posting (#12.12)', async () => {
    standIn.failNext('conversations.history', 1, { okFalse: 'not_in_channel' });
    const refused = await alertsCli(['--date', '2024-07-01']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`plan-bot が通知チャンネル ${CHANNEL} に参加していません。そのチャンネルで /invite @plan-bot を実行してから`);
    expect(refused.stderr).not.toContain('次回');
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(0);
    expect(await ledgerCount()).toBe(0);
  });

  it('says the same, not "next run", when the post itself meets not_in_channel', async () => {
    standIn.failNext('chat.postMessage', 1, { okFalse: 'not_in_channel' });
    const failed = await alertsCli(['--date', '2024-07-01']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('/invite @plan-bot');
    expect(failed.stderr).not.toContain('次回');
  });

  it('exits 4 when Slack takes the digest and answers 500, and the next run finds it instead of posting again (#12.4)', async () => {
    standIn.failNext('chat.postMessage', 1, { accept: true, status: 500 });
    const unknown = await alertsCli(['--date', '2024-07-01']);
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('二重に投稿しないよう、次回の実行でチャンネルの履歴を確かめてから決めます');
    const next = await alertsCli(['--date', '2024-07-01']);
    expect(next.code).toBe(0);
    expect(next.stdout).toContain('前回応答のなかった通知はチャンネルに届いていたため、その94件を記録しました。');
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(1);
    expect(standIn.messagesIn(CHANNEL)).toHaveLength(1);
    expect(await ledgerCount()).toBe(94);
  });

  it('prints the digest in Japanese with --dry-run, posting and recording nothing, without a token', async () => {
    const dry = await alertsCli(['--date', '2024-07-01', '--dry-run'], { SLACK_BOT_TOKEN: '' });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('情報化推進計画のお知らせ（2024年7月1日）');
    expect(dry.stdout).toContain('① 手続の電子化　期限超過 3件（最も古い期限 2022年6月30日）・担当者未設定');
    expect(standIn.calls).toHaveLength(0);
    expect(await ledgerCount()).toBe(0);
  });

  it('prints the reminders a day would send with --dry-run, as the issue asks (2022-06-16)', async () => {
    const dry = await alertsCli(['--date', '2022-06-16', '--dry-run'], { SLACK_BOT_TOKEN: '', PLAN_ADMINS: 'U0ADMIN' });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('2022年6月16日に送られるリマインダー');
    expect(dry.stdout).toMatch(/→ @U0ADMIN（管理者）：提出が遅れている実績 \d+件/);
    expect(standIn.calls).toHaveLength(0);
  });
});
