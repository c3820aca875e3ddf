import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPlan, loadActionPlan } from '../../src/store/action-plans.ts';
import { countLedgerRows } from '../../src/store/alert-ledger.ts';
import { openDatabase } from '../../src/store/db.ts';
import { addOwner } from '../../src/store/owners.ts';
import { listPostAttempts } from '../../src/store/post-attempts.ts';
import { blockTexts, CHANNEL, seededDb, tokyo, type SeededDb } from '../support/alerts.ts';
import { databaseEnv, TEST_ENGINE } from '../support/databases.ts';
import { entry } from '../support/entry.ts';
import { runToEnd, type Exit } from '../support/process.ts';
import { startSlackApiStandIn, type RecordedCall, type SlackApiStandIn } from '../support/slack-api-stand-in.ts';

/**
 * Two bot instances on one database, as a deployment with two machines has them: both run the
 * alert job (digest and reminder DMs) for the same days at the same moment, as real processes.
 * Whatever one posts the other must not: the digest once a day, each reminder rung once. The
 * reference is the same days run by one process alone on a database of its own.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DAYS = ['2024-07-01', '2024-07-08'];
const ADMIN = 'U0ADMIN';
const OWNER = 'U0OWNER13';

let standIn: SlackApiStandIn;
beforeAll(async () => {
  standIn = await startSlackApiStandIn();
});
afterAll(() => standIn.close());

async function ownedDatabase(): Promise<SeededDb> {
  const seeded = await seededDb();
  const ap13 = (await loadActionPlan(seeded.db, (await findPlan(seeded.db))!.id, 13))!;
  await addOwner(seeded.db, { actionPlanId: ap13.id, userId: OWNER, addedBy: ADMIN, now: tokyo('2024-06-01') });
  // The processes open the database themselves; this handle only prepared it.
  await seeded.db.destroy();
  return seeded;
}

function alertsCli(seeded: SeededDb, day: string): Promise<Exit> {
  return runToEnd(process.execPath, [...entry('alerts'), '--date', day], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      ...databaseEnv(seeded.path),
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      ALERT_CHANNEL: CHANNEL,
      SLACK_API_URL: standIn.url,
      PLAN_ADMINS: ADMIN,
      // Reminders are sent at any hour in this test: the quiet hours are another test's concern.
      QUIET_HOURS: 'none',
    },
  });
}

/** What reached Slack, per conversation, in a form two runs can be compared by. */
function posted(calls: RecordedCall[]): string[] {
  return calls.map((c) => `${String(c.body.channel)} ${blockTexts(c.body.blocks).join(' | ') || String(c.body.text)}`).sort();
}

async function ledgered(seeded: SeededDb) {
  const db = openDatabase(seeded.path);
  try {
    const attempts = await listPostAttempts(db);
    return { ledger: await countLedgerRows(db, CHANNEL), attempts: attempts.map((a) => `${a.kind} ${a.state}`).sort() };
  } finally {
    await db.destroy();
  }
}

describe(`two alert processes on one ${TEST_ENGINE} database`, { timeout: 240_000 }, () => {
  it('post each day’s digest and each reminder exactly once, as one process alone does', async () => {
    const alone = await ownedDatabase();
    const shared = await ownedDatabase();
    try {
      standIn.reset();
      for (const day of DAYS) expect((await alertsCli(alone, day)).code).toBe(0);
      const reference = posted(standIn.callsTo('chat.postMessage'));
      const referenceRows = await ledgered(alone);

      standIn.reset();
      for (const day of DAYS) {
        const both = await Promise.all([alertsCli(shared, day), alertsCli(shared, day)]);
        for (const exit of both) expect(exit.stderr).toBe('');
        expect(both.map((e) => e.code)).toEqual([0, 0]);
      }
      const twice = posted(standIn.callsTo('chat.postMessage'));

      // The digest of each day, and DMs to the owner and the admin: something to duplicate.
      expect(reference.filter((p) => p.startsWith(`${CHANNEL} `))).toHaveLength(DAYS.length);
      expect(reference.length).toBeGreaterThan(DAYS.length);
      expect(twice).toEqual(reference);
      expect(await ledgered(shared)).toEqual(referenceRows);
    } finally {
      await alone.cleanup();
      await shared.cleanup();
    }
  });
});
