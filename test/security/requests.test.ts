/**
 * What reaches the bot that Slack did not send, or sent from somewhere unexpected, or
 * sent too big: refused at the door, and nothing written. The checks run against the
 * real HTTP receiver with an admin's commands, the ones that would write if let through.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogLevel } from '@slack/bolt';
import { postSigned, signSlackRequest, slashCommandBody } from '../support/signed-request.ts';
import { answerOf, startTestBot, TEST_ADMIN_ID, TEST_SIGNING_SECRET, visibleText, type TestBot } from '../support/plan-bot.ts';
import { BODY_LIMIT_BYTES } from '../../src/slack/receivers.ts';

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ logLevel: LogLevel.WARN });
});

afterAll(async () => {
  await t?.close();
});

/**
 * Every row of every table: the bot must leave all of it as it was. The replay record
 * (signed_request) is left out: a signed request that may write is noted there before
 * anything else happens, refused or not.
 */
async function contents(): Promise<string> {
  const { rows: tables } = await sql<{ name: string }>`
    select name from sqlite_master
    where type = 'table' and name not like 'sqlite_%' and name <> 'signed_request' order by name`.execute(t.db);
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) out[name] = (await sql`select * from ${sql.table(name)} order by rowid`.execute(t.db)).rows;
  return JSON.stringify(out);
}

/** Long enough for Bolt to have run any listener the request could have reached. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

const ownerAdd = (responseUrl: string, fields: Partial<Parameters<typeof slashCommandBody>[0]> = {}) =>
  slashCommandBody({ text: 'owner 13 add <@U0INTRUDER>', response_url: responseUrl, user_id: TEST_ADMIN_ID, ...fields });

describe('requests Slack did not sign', () => {
  it('refuses an admin command with a forged signature: 401, no answer, nothing stored', async () => {
    const before = await contents();
    const responseUrl = t.standIn.responseUrl('forged');
    const body = ownerAdd(responseUrl);
    const res = await postSigned(t.eventsUrl, body, {
      signingSecret: TEST_SIGNING_SECRET,
      signature: signSlackRequest('a-guessed-secret-0000000000000000', Math.floor(Date.now() / 1000), body),
    });
    expect(res.status).toBe(401);
    await settle();
    expect(t.standIn.callsTo('response_url').filter((c) => c.path === '/respond/forged')).toEqual([]);
    expect(await contents()).toBe(before);
  });

  it('refuses a signed request replayed after five minutes: 401, nothing stored', async () => {
    const before = await contents();
    const responseUrl = t.standIn.responseUrl('replayed');
    const body = ownerAdd(responseUrl);
    // A request captured six minutes ago, sent again byte for byte with its signature.
    const timestamp = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await postSigned(t.eventsUrl, body, {
      signingSecret: TEST_SIGNING_SECRET,
      timestampSeconds: timestamp,
      signature: signSlackRequest(TEST_SIGNING_SECRET, timestamp, body),
    });
    expect(res.status).toBe(401);
    await settle();
    expect(t.standIn.callsTo('response_url').filter((c) => c.path === '/respond/replayed')).toEqual([]);
    expect(await contents()).toBe(before);
  });

  it('refuses a request without the signature headers', async () => {
    const before = await contents();
    const res = await fetch(t.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: ownerAdd(t.standIn.responseUrl('unsigned')),
    });
    expect(res.status).toBe(401);
    await settle();
    expect(await contents()).toBe(before);
  });
});

describe('a request from another workspace', () => {
  // The app is single-workspace: Bolt checks the signature (per app), not team_id. A
  // signed request can only come from a workspace the app is installed in, so the
  // answer to another team_id is the same public plan data, and rights still come from
  // PLAN_ADMINS user ids alone.
  it('gets the public answer to /plan 13 and no right to change anything', async () => {
    const before = await contents();
    const shown = t.standIn.responseUrl('other-team-show');
    const res = await postSigned(
      t.eventsUrl,
      slashCommandBody({ text: '13', response_url: shown, team_id: 'T0OTHER', team_domain: 'other', user_id: 'U0OUTSIDER' }),
      { signingSecret: TEST_SIGNING_SECRET },
    );
    expect(res.status).toBe(200);
    const reply = await answerOf(t.standIn, res.json, Date.now(), '/respond/other-team-show');
    expect(visibleText(reply.body)).toContain('施設のＩＣＴ環境の充実');

    const change = t.standIn.responseUrl('other-team-owner');
    const changed = await postSigned(
      t.eventsUrl,
      ownerAdd(change, { team_id: 'T0OTHER', team_domain: 'other', user_id: 'U0OUTSIDER' }),
      { signingSecret: TEST_SIGNING_SECRET },
    );
    const refused = await answerOf(t.standIn, changed.json, Date.now(), '/respond/other-team-owner');
    expect(visibleText(refused.body)).toContain('管理者');
    expect(await contents()).toBe(before);
  });
});

describe('oversized bodies', () => {
  // 'あ' is 9 characters once url-encoded.
  const encodedBytes = (bytes: number) => 'あ'.repeat(Math.ceil(bytes / 9));
  const underLimit = () => encodedBytes(BODY_LIMIT_BYTES * 0.8);

  it('refuses a large body that Slack did not sign: 401, nothing stored', async () => {
    const before = await contents();
    const body = slashCommandBody({ text: underLimit(), response_url: t.standIn.responseUrl('big-unsigned') });
    expect(body.length).toBeGreaterThan(BODY_LIMIT_BYTES * 0.8);
    const res = await postSigned(t.eventsUrl, body, {
      signingSecret: TEST_SIGNING_SECRET,
      signature: signSlackRequest('not-the-secret-00000000000000000', Math.floor(Date.now() / 1000), body),
    });
    expect(res.status).toBe(401);
    await settle();
    expect(await contents()).toBe(before);
  });

  it('answers a large signed command with the length refusal, never a 5xx, and stores nothing', async () => {
    const before = await contents();
    const responseUrl = t.standIn.responseUrl('big-signed');
    const body = slashCommandBody({ text: `owner 13 add <@U0INTRUDER> ${underLimit()}`, response_url: responseUrl, user_id: TEST_ADMIN_ID });
    const res = await postSigned(t.eventsUrl, body, { signingSecret: TEST_SIGNING_SECRET });
    expect(res.status).toBe(200);
    const refusal = await answerOf(t.standIn, res.json, Date.now(), '/respond/big-signed');
    // The grammar's length limit answers it, in a message Slack will take.
    expect(visibleText(refusal.body)).toMatch(/長すぎ/);
    expect(JSON.stringify(refusal.body).length).toBeLessThan(40_000);
    expect(await contents()).toBe(before);
    // And the bot is still answering.
    const { reply } = await t.slash('13');
    expect(visibleText(reply.body)).toContain('施設のＩＣＴ環境の充実');
  });

  // Last: the server cuts the connection it refused mid-upload, which a pooled client may
  // only notice on its next request.
  it('refuses a body past the receiver limit with 413', async () => {
    const before = await contents();
    const body = slashCommandBody({ text: encodedBytes(2 * 1024 * 1024), response_url: t.standIn.responseUrl('huge') });
    const res = await postSigned(t.eventsUrl, body, { signingSecret: TEST_SIGNING_SECRET });
    expect(res.status).toBe(413);
    await settle();
    expect(await contents()).toBe(before);
  });
});
