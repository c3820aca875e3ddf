import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countLedgerRows } from '../../src/store/alert-ledger.ts';
import { openDatabase } from '../../src/store/db.ts';
import { startSlackApiStandIn, type SlackApiStandIn } from '../support/slack-api-stand-in.ts';
import { blockTexts, CHANNEL, seededDb, type SeededDb } from '../support/alerts.ts';
import { runToEnd, type Exit } from '../support/process.ts';

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
  return runToEnd(process.execPath, ['--import', 'tsx', 'src/bin/alerts.ts', ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_PATH: seeded.path,
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

describe('npm run alerts', () => {
  it('posts one digest for 2024-07-01 and nothing when run again by a second process', async () => {
    const first = await alertsCli(['--date', '2024-07-01']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^2024年7月1日の通知を C0PLAN に投稿しました（94件、ts \d+\.\d+）。/);
    const [call] = standIn.callsTo('chat.postMessage');
    expect(call?.body.channel).toBe(CHANNEL);
    const texts = blockTexts(call?.body.blocks).join('\n');
    expect(texts).toContain('令和3年度');
    expect(texts).toContain('令和5年度');
    expect(texts).toContain('*⑳ 情報セキュリティの強化*');

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
    standIn.failNext('chat.postMessage', 1, { okFalse: 'not_in_channel' });
    const failed = await alertsCli(['--date', '2024-07-01']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('Slack への投稿に失敗しました（not_in_channel）');
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await ledgerCount()).toBe(0);
  });

  it('prints the digest in Japanese with --dry-run, posting and recording nothing, without a token', async () => {
    const dry = await alertsCli(['--date', '2024-07-01', '--dry-run'], { SLACK_BOT_TOKEN: '' });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('情報化推進計画のお知らせ（2024年7月1日）');
    expect(dry.stdout).toContain('⚠️ 令和3年度 電子申込システム利用率（目標 30%）提出期限 2022年6月30日・732日超過');
    expect(standIn.calls).toHaveLength(0);
    expect(await ledgerCount()).toBe(0);
  });
});
