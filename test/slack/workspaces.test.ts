/**
 * Many workspaces (#18): installed through Slack's OAuth flow into the real Bolt receiver, each
 * with its own plan, settings and token; a request from one never reads or writes another's.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogLevel } from '@slack/bolt';
import { HOME_RECORD_FIGURE_ACTION_ID, HOME_SHOW_PLAN_ACTION_ID, RECORD_FIGURE_ACTION_ID, SHOW_CHART_ACTION_ID, SNOOZE_REMINDER_ACTION_ID } from '../../src/render/blocks/ids.ts';
import { ASSESSMENT_FORM, RESPONSE_FORM, REVIEW_ACTION_IDS } from '../../src/render/blocks/review-ids.ts';
import { FIGURE_FORM_CALLBACK_ID } from '../../src/render/blocks/record-figure-modal.ts';
import { BOT_SCOPES } from '../../src/slack/receivers.ts';
import { findPlan } from '../../src/store/action-plans.ts';
import { workspaceTargets } from '../../src/scheduler/workspace-targets.ts';
import { appHomeOpenedEvent, blockActionPayload, fakeTriggerId, viewSubmissionPayload } from '../support/signed-request.ts';
import { startTestBot, TEST_NOW, type TestBot } from '../support/plan-bot.ts';
import { answerOAuth, eventIn, install, interactionIn, slashIn, workspace, type TestWorkspace } from '../support/workspaces.ts';
import type { RecordedCall } from '../support/slack-api-stand-in.ts';
import { sharedFile } from '../support/uploads.ts';
import { ja } from '../../src/messages/ja.ts';
import { en } from '../../src/messages/en.ts';

const A = workspace('T0AAAA', 'Amagasaki', 'U0AADMIN');
const B = workspace('T0BBBB', 'Beppu', 'U0BADMIN');
const GRID = workspace('T0GRIDTEAM', 'Grid', 'U0GADMIN', { enterpriseId: 'E0GRID', orgWide: true });
const STRANGER = workspace('T0NOTHERE', 'Nowhere', 'U0NOBODY');
const ORPHAN = workspace('T0ORPHAN', 'Orphan', 'U0OADMIN');
/** Written into A's plan only: no answer to B may ever carry it. */
const A_MARKER = 'ＡＡＡ市だけ';

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ oauth: true, logLevel: LogLevel.WARN });
  answerOAuth(t, new Map([['code-a', A], ['code-b', B], ['code-grid', GRID], ['code-orphan', ORPHAN]]));
});
afterAll(async () => {
  await t?.close();
});

async function planOf(w: TestWorkspace) {
  return (await findPlan(t.db, undefined, w.orgWide ? w.enterpriseId! : w.teamId))!;
}

/** Every row that hangs off a workspace's plan or names the workspace, as one comparable snapshot. */
async function rowsOf(key: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const byPlan = sql`(select id from plan where workspace_key = ${key})`;
  const byActionPlan = sql`(select ap.id from action_plan ap join plan p on p.id = ap.plan_id where p.workspace_key = ${key})`;
  const byFigure = sql`(select f.id from yearly_figure f join indicator i on i.id = f.indicator_id join action_plan ap on ap.id = i.action_plan_id join plan p on p.id = ap.plan_id where p.workspace_key = ${key})`;
  const queries = {
    plan: sql`select count(*) as n from plan where workspace_key = ${key}`,
    owners: sql`select count(*) as n from action_plan_owner where action_plan_id in ${byActionPlan}`,
    revisions: sql`select count(*) as n from actual_revision where yearly_figure_id in ${byFigure}`,
    reviews: sql`select count(*) as n from review where plan_id in ${byPlan}`,
    committee: sql`select count(*) as n from committee_change where workspace_key = ${key}`,
    settings: sql`select count(*) as n from workspace_setting where workspace_key = ${key}`,
    closed: sql`select count(*) as n from plan where workspace_key = ${key} and closed_at is not null`,
    names: sql`select count(*) as n from action_plan where name like ${`%${A_MARKER}%`} and plan_id in ${byPlan}`,
  };
  for (const [name, query] of Object.entries(queries)) {
    const { rows } = await query.execute(t.db);
    counts[name] = Number((rows[0] as { n: number }).n);
  }
  return counts;
}

/** What the bot sent anywhere (acks aside) since `from`: Web API calls and response_url posts. */
function sentSince(from: number): RecordedCall[] {
  return t.standIn.calls.slice(from);
}

describe('installing through Slack (GET /slack/install → Slack → GET /slack/oauth_redirect)', () => {
  it('sends the browser to Slack with the manifest’s scopes and a state, then stores the installation, a plan and its first admin', async () => {
    const { authorizeUrl, callback } = await install(t, 'code-a');
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(authorizeUrl.searchParams.get('client_id')).toBe('1111111111.2222222222');
    expect(authorizeUrl.searchParams.get('scope')!.split(',')).toEqual([...BOT_SCOPES]);
    expect(callback).toEqual({ status: 200, body: ja.workspace.installed });
    const exchange = t.standIn.callsTo('oauth.v2.access').at(-1)!;
    expect(exchange.body.code).toBe('code-a');

    const row = await t.db.selectFrom('workspace').selectAll().where('key', '=', A.teamId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ team_id: A.teamId, name: A.name, installed_by: A.installer, uninstalled_at: null, is_enterprise_install: 0 });
    const plan = await planOf(A);
    expect(plan.code).toBe('suita-4');
    const settings = await t.db.selectFrom('workspace_setting').selectAll().where('workspace_key', '=', A.teamId).execute();
    expect(settings.map((s) => [s.name, JSON.parse(s.value!)])).toEqual([['admins', [A.installer]]]);
  });

  it('gives a second workspace its own copy of the plan, and each sees only its own', async () => {
    expect((await install(t, 'code-b')).callback.status).toBe(200);
    const [a, b] = [await planOf(A), await planOf(B)];
    expect(b.id).not.toBe(a.id);
    expect(b.code).toBe(a.code);
    await t.db.updateTable('action_plan').set({ name: sql`name || ${A_MARKER}` }).where('plan_id', '=', a.id).where('number', '=', 13).execute();

    const inA = await slashIn(t, A, '13', A.installer);
    const inB = await slashIn(t, B, '13', B.installer);
    expect(JSON.stringify(inA.json)).toContain(A_MARKER);
    expect(JSON.stringify(inB.json)).not.toContain(A_MARKER);
    expect(JSON.stringify(inB.json)).toContain('施設のＩＣＴ環境の充実');
  });

  it('refuses a callback whose state was not issued to this browser, storing nothing', async () => {
    const before = await t.db.selectFrom('slack_installation').select('workspace_key').execute();
    const forged = await install(t, 'code-grid', { forgeState: true });
    expect(forged.callback.status).toBeGreaterThanOrEqual(400);
    const noCookie = await install(t, 'code-grid', { dropCookie: true });
    expect(noCookie.callback.status).toBeGreaterThanOrEqual(400);
    expect(await t.db.selectFrom('slack_installation').select('workspace_key').execute()).toEqual(before);
  });

  it('keys an Enterprise Grid org-wide install by its enterprise, and answers its teams from it', async () => {
    expect((await install(t, 'code-grid')).callback.status).toBe(200);
    const row = await t.db.selectFrom('workspace').selectAll().where('key', '=', 'E0GRID').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ enterprise_id: 'E0GRID', is_enterprise_install: 1 });
    const fromATeamOfTheOrg = { ...GRID, teamId: 'T0GRIDOTHER' };
    const answer = await slashIn(t, fromATeamOfTheOrg, 'plans', GRID.installer);
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.json)).toContain('suita-4');
  });

  it('answers nothing to a workspace that never installed, and writes nothing', async () => {
    const before = await rowsOf(STRANGER.teamId);
    const from = t.standIn.calls.length;
    const answer = await slashIn(t, STRANGER, 'owner 13 add <@U0X>', STRANGER.installer);
    expect(JSON.stringify(answer.json ?? '')).not.toContain('U0X');
    expect(sentSince(from).filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(await rowsOf(STRANGER.teamId)).toEqual(before);
  });
});

describe('workspace B never reads or writes workspace A', () => {
  // Every verb of the grammar, reads and writes, typed by B's admin.
  const COMMANDS = [
    '13',
    'list',
    'search 施設',
    'policy 1',
    'theme 手続',
    'overdue',
    'history 13',
    'owner 13',
    'owner 13 add <@U0BOWNER>',
    'owner 13 remove <@U0BOWNER>',
    'alerts',
    'reminders',
    'plans',
    'suita-4 13',
    '4期 13',
    'export csv',
    'report 13',
    '13 chart',
    'close',
    'reopen',
    'review',
    'review 2020',
    'review open 2020 force 試行',
    'review 2020 13',
    'review agree 2020 13 A',
    'review close 2020',
    'committee',
    'committee add <@U0BMEMBER>',
    'settings',
    'settings channel <#C0BALERT|b-alerts>',
    'settings admin add <@U0BADMIN2>',
    'settings locale ja',
    'help',
  ];

  beforeAll(async () => {
    // A has an owner, a committee member, a setting and a figure of its own before B starts.
    for (const text of ['owner 13 add <@U0AOWNER>', 'committee add <@U0AMEMBER>', 'settings channel <#C0AALERT|a-alerts>']) {
      const answer = await slashIn(t, A, text, A.installer);
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.json)).not.toContain('⚠️');
    }
    expect(await rowsOf(A.teamId)).toMatchObject({ owners: 1, committee: 1, settings: 2 });
  });

  it.each(COMMANDS)('`/plan %s` from B answers from B’s plan, with B’s token, and leaves A’s rows alone', async (text) => {
    const aBefore = await rowsOf(A.teamId);
    const from = t.standIn.calls.length;
    const answer = await slashIn(t, B, text, B.installer);
    expect(answer.status).toBe(200);
    // Work after the ack (exports, charts, forms, announcements) lands within moments.
    await new Promise((r) => setTimeout(r, 150));
    const sent = sentSince(from);
    const everything = JSON.stringify([answer.json ?? null, ...sent.map((c) => c.body)]);
    expect(everything).not.toContain(A_MARKER);
    for (const id of ['U0AOWNER', 'U0AMEMBER', 'C0AALERT', A.installer]) expect(everything).not.toContain(id);
    for (const call of sent.filter((c) => c.path.startsWith('/api/'))) expect(call.token, call.method).toBe(B.token);
    expect(await rowsOf(A.teamId)).toEqual(aBefore);
  });

  it('keeps B’s writes in B: its owner, committee, settings and review', async () => {
    const b = await rowsOf(B.teamId);
    expect(b).toMatchObject({ plan: 1, committee: 1, reviews: 1, owners: 0 });
    expect(b.settings).toBeGreaterThanOrEqual(3);
  });

  it('answers B’s buttons, modal submissions and Home tab from B’s plan, and stores none of it in A', async () => {
    const a = await planOf(A);
    const aIndicator = await t.db
      .selectFrom('indicator as i')
      .innerJoin('action_plan as ap', 'ap.id', 'i.action_plan_id')
      .select('i.id')
      .where('ap.plan_id', '=', a.id)
      .where('ap.number', '=', 13)
      .executeTakeFirstOrThrow();
    const aBefore = await rowsOf(A.teamId);
    const from = t.standIn.calls.length;
    const buttons: [string, string][] = [
      [RECORD_FIGURE_ACTION_ID, '13'],
      [SHOW_CHART_ACTION_ID, '13'],
      [HOME_SHOW_PLAN_ACTION_ID, '13'],
      [HOME_RECORD_FIGURE_ACTION_ID, '13'],
      [SNOOZE_REMINDER_ACTION_ID, `${aIndicator.id}:2023:ja`],
      [REVIEW_ACTION_IDS.openSheet, '2020:13'],
      [REVIEW_ACTION_IDS.summary, '2020'],
      [REVIEW_ACTION_IDS.nextPage, '2020:2'],
      [REVIEW_ACTION_IDS.assess, '2020:13'],
      [REVIEW_ACTION_IDS.respond, '2020:13'],
    ];
    for (const [actionId, value] of buttons) {
      const payload = blockActionPayload({ actionId, value, userId: B.installer, triggerId: fakeTriggerId(), responseUrl: t.standIn.responseUrl() });
      expect((await interactionIn(t, B, payload as never)).status, actionId).toBe(200);
    }
    // A's plan and indicator named in B's form: refused, never stored in A.
    const forged = viewSubmissionPayload({
      callbackId: FIGURE_FORM_CALLBACK_ID,
      userId: B.installer,
      privateMetadata: JSON.stringify({ planId: a.id, actionPlanNumber: 13, indicatorId: aIndicator.id }),
      values: {},
    } as never);
    expect((await interactionIn(t, B, forged as never)).status).toBe(200);
    for (const callbackId of [ASSESSMENT_FORM.callbackId, RESPONSE_FORM.callbackId]) {
      const submission = viewSubmissionPayload({ callbackId, userId: B.installer, privateMetadata: JSON.stringify({ fiscalYear: 2020, actionPlanNumber: 13 }), values: {} } as never);
      expect((await interactionIn(t, B, submission as never)).status).toBe(200);
    }
    expect((await eventIn(t, B, appHomeOpenedEvent(B.installer))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));

    const sent = sentSince(from);
    expect(sent.some((c) => c.method === 'views.open')).toBe(true);
    expect(sent.some((c) => c.method === 'views.publish')).toBe(true);
    const everything = JSON.stringify(sent.map((c) => c.body));
    expect(everything).not.toContain(A_MARKER);
    for (const call of sent.filter((c) => c.path.startsWith('/api/'))) expect(call.token, call.method).toBe(B.token);
    expect(await rowsOf(A.teamId)).toEqual(aBefore);
    const snoozes = await t.db.selectFrom('reminder_snooze').select('indicator_id').where('indicator_id', '=', aIndicator.id).execute();
    expect(snoozes).toEqual([]);
  });
});

describe('charts, kept once drawn', () => {
  it('draws B’s ⑬ from B’s plan even when A’s ⑬ was drawn a moment before', async () => {
    const before = t.standIn.callsTo('files.completeUploadExternal').length;
    await slashIn(t, A, '13 chart', A.installer);
    const fromA = await sharedFile(t.standIn, before + 1);
    await slashIn(t, B, '13 chart', B.installer);
    const fromB = await sharedFile(t.standIn, before + 2);
    expect(fromA.complete.token).toBe(A.token);
    expect(fromB.complete.token).toBe(B.token);
    // A's title carries its marker, so the pictures differ.
    expect(fromB.bytes[0]!.equals(fromA.bytes[0]!)).toBe(false);
  });
});

describe('settings per workspace, changed by its admins in Slack', () => {
  it('speaks English in B once B’s admin says so, and Japanese in A still', async () => {
    expect(JSON.stringify((await slashIn(t, B, 'settings locale en', B.installer)).json)).toContain(en.workspace.changed(en.workspace.locale));
    expect(JSON.stringify((await slashIn(t, B, 'help', B.installer)).json)).toContain(en.help.title);
    expect(JSON.stringify((await slashIn(t, A, 'help', A.installer)).json)).toContain(ja.help.title);
  });

  it('refuses settings changes from someone who is not an admin of that workspace, even A’s admin', async () => {
    const before = await rowsOf(B.teamId);
    const answer = await slashIn(t, B, 'settings locale ja', A.installer);
    expect(JSON.stringify(answer.json)).toContain(en.errors.adminsOnly);
    expect(await rowsOf(B.teamId)).toEqual(before);
  });

  it('will not remove the last admin', async () => {
    await slashIn(t, B, 'settings admin remove <@U0BADMIN2>', B.installer);
    const answer = await slashIn(t, B, `settings admin remove <@${B.installer}>`, B.installer);
    expect(JSON.stringify(answer.json)).toContain(en.workspace.lastAdmin);
  });
});

describe('a workspace left without a plan', () => {
  it('is told to ask the operator for one, and nothing else runs', async () => {
    expect((await install(t, 'code-orphan')).callback.status).toBe(200);
    await t.db.deleteFrom('plan').where('workspace_key', '=', ORPHAN.teamId).execute();
    const answer = await slashIn(t, ORPHAN, '13', ORPHAN.installer);
    expect(answer.json).toEqual({ response_type: 'ephemeral', text: ja.workspace.noPlan });
    expect(t.logs.at(-1)).toMatch(/WARN .*workspace T0ORPHAN, which has no plan/);
  });
});

describe('uninstalling', () => {
  it('forgets the token and stops the alerts on app_uninstalled, keeping the plan and its figures', async () => {
    const defaults = { admins: [], alertChannel: null, planCode: null, locale: 'ja' as const };
    expect((await workspaceTargets(t.db, { defaults })).map((w) => w.workspace)).toContain(A.teamId);
    const aBefore = await rowsOf(A.teamId);
    expect((await eventIn(t, A, { type: 'app_uninstalled' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(await t.db.selectFrom('slack_installation').select('workspace_key').where('workspace_key', '=', A.teamId).execute()).toEqual([]);
    const row = await t.db.selectFrom('workspace').select('uninstalled_at').where('key', '=', A.teamId).executeTakeFirstOrThrow();
    expect(row.uninstalled_at).toBe(TEST_NOW.toISOString());
    expect(await rowsOf(A.teamId)).toEqual(aBefore);
    expect((await workspaceTargets(t.db, { defaults })).map((w) => w.workspace)).not.toContain(A.teamId);
    // B is untouched.
    expect((await workspaceTargets(t.db, { defaults })).map((w) => w.workspace)).toContain(B.teamId);
  });

  it('leaves the bot token alone when tokens_revoked names only user tokens, and forgets it when it names the bot', async () => {
    expect((await eventIn(t, B, { type: 'tokens_revoked', tokens: { oauth: ['U0BADMIN'] } })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(await t.db.selectFrom('slack_installation').select('workspace_key').where('workspace_key', '=', B.teamId).execute()).toHaveLength(1);
    expect((await eventIn(t, B, { type: 'tokens_revoked', tokens: { bot: ['UBOT'] } })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(await t.db.selectFrom('slack_installation').select('workspace_key').where('workspace_key', '=', B.teamId).execute()).toEqual([]);
  });

  it('picks the data up again when the workspace installs once more', async () => {
    const aBefore = await rowsOf(A.teamId);
    expect((await install(t, 'code-a')).callback.status).toBe(200);
    expect(await rowsOf(A.teamId)).toEqual(aBefore);
    const row = await t.db.selectFrom('workspace').select('uninstalled_at').where('key', '=', A.teamId).executeTakeFirstOrThrow();
    expect(row.uninstalled_at).toBeNull();
    expect(JSON.stringify((await slashIn(t, A, '13', A.installer)).json)).toContain(A_MARKER);
  });
});
