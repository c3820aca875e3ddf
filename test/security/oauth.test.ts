/**
 * The install flow and the many-workspace door attacked from outside (#18): callbacks that
 * did not come from a consent the bot started, a code used twice, requests from a team with no
 * installation. Each is refused with a plain answer, stores nothing, and logs one warning line:
 * never an ERROR with a stack, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogLevel } from '@slack/bolt';
import { ja } from '../../src/messages/ja.ts';
import { postSigned } from '../support/signed-request.ts';
import { startTestBot, TEST_SIGNING_SECRET, type TestBot } from '../support/plan-bot.ts';
import { answerOAuth, slashIn, workspace } from '../support/workspaces.ts';

const A = workspace('T0AAAA', 'Amagasaki', 'U0AADMIN');
let t: TestBot;
let origin: string;

beforeAll(async () => {
  t = await startTestBot({ oauth: true, logLevel: LogLevel.INFO });
  origin = new URL(t.eventsUrl).origin;
  // Slack takes a code once: a second exchange of the same code is refused.
  answerOAuth(t, new Map([['code-a', A]]), { once: true });
});
afterAll(async () => {
  await t?.close();
});

async function installations(): Promise<number> {
  return (await t.db.selectFrom('slack_installation').select('workspace_key').execute()).length;
}

const errorsLogged = () => t.logs.filter((line) => /\bERROR\b/.test(line));

describe('OAuth callbacks the bot did not start', () => {
  it.each([
    ['the person cancelled on Slack’s page', 'error=access_denied&state=anything'],
    ['no code', 'state=anything'],
    ['no state', 'code=code-a'],
    ['a state the bot never signed', 'code=code-a&state=eyJhbGciOiJIUzI1NiJ9.e30.forged'],
    ['nothing at all', ''],
  ])('answers %s with 400 and a sentence, stores nothing, and logs a warning', async (_what, query) => {
    const res = await fetch(`${origin}/slack/oauth_redirect?${query}`, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe(ja.workspace.installFailed);
    expect(await installations()).toBe(0);
    expect(errorsLogged()).toEqual([]);
    expect(t.logs.at(-1)).toMatch(/WARN .*an install did not complete \(slack_oauth_/);
  });

  it('installs once from a real consent, and refuses the same callback replayed', async () => {
    const origin0 = new URL(t.eventsUrl).origin;
    const start = await fetch(`${origin0}/slack/install`, { redirect: 'manual' });
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
    const callback = `${origin0}/slack/oauth_redirect?code=code-a&state=${encodeURIComponent(state)}`;
    const first = await fetch(callback, { redirect: 'manual', headers: { cookie } });
    expect(first.status).toBe(200);
    const again = await fetch(callback, { redirect: 'manual', headers: { cookie } });
    expect(again.status).toBe(400);
    expect(await installations()).toBe(1);
    expect(errorsLogged()).toEqual([]);
  });

  it('keeps a replayed install from a stranger’s browser out: its cookie belongs to another state', async () => {
    const mine = await fetch(`${origin}/slack/install`, { redirect: 'manual' });
    const theirs = await fetch(`${origin}/slack/install`, { redirect: 'manual' });
    const theirState = new URL(theirs.headers.get('location')!).searchParams.get('state')!;
    const myCookie = mine.headers.get('set-cookie')!.split(';')[0]!;
    const res = await fetch(`${origin}/slack/oauth_redirect?code=code-a&state=${encodeURIComponent(theirState)}`, {
      redirect: 'manual',
      headers: { cookie: myCookie },
    });
    expect(res.status).toBe(400);
  });
});

describe('requests from a team with no installation', () => {
  it('are acknowledged, answered with nothing, write nothing and log one warning each', async () => {
    const stranger = workspace('T0NOTHERE', 'Nowhere', 'U0NOBODY');
    const before = t.standIn.calls.length;
    for (const text of ['13', 'owner 13 add <@U0NOBODY>', 'settings admin add <@U0NOBODY>']) {
      const res = await slashIn(t, stranger, text, stranger.installer);
      expect(res.status).toBe(200);
      expect(res.json).toBeUndefined();
    }
    // A signed body that names no team at all.
    const noTeam = await postSigned(t.eventsUrl, 'command=%2Fplan&text=13&user_id=U0X&response_url=http%3A%2F%2F127.0.0.1%3A1%2F', {
      signingSecret: TEST_SIGNING_SECRET,
    });
    expect(noTeam.status).toBeLessThan(500);
    expect(t.standIn.calls.slice(before).filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(await t.db.selectFrom('workspace_setting').select('id').where('workspace_key', '=', stranger.teamId).execute()).toEqual([]);
    expect(errorsLogged()).toEqual([]);
    expect(t.logs.filter((l) => /refused a request from a workspace with no installation/.test(l)).length).toBeGreaterThanOrEqual(3);
  });

  it('still answers the installed workspace afterwards', async () => {
    const res = await slashIn(t, A, '13', A.installer);
    expect(JSON.stringify(res.json)).toContain('施設のＩＣＴ環境の充実');
  });
});
