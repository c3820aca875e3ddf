/**
 * 「あとで（1週間）」 and `/plan reminders` through Bolt's real HTTP receiver: who may snooze,
 * what a forged value gets, and the admins' preview of the next DMs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DUE_DATE_RULE } from '../../../../src/domain/fiscal-year.ts';
import { DEFAULT_LADDER } from '../../../../src/domain/reminder-ladder.ts';
import { en } from '../../../../src/messages/en.ts';
import { ja } from '../../../../src/messages/ja.ts';
import { REMINDER_ACTIONS_BLOCK_ID, SNOOZE_REMINDER_ACTION_ID } from '../../../../src/render/blocks/ids.ts';
import { loadActionPlan } from '../../../../src/store/action-plans.ts';
import { addOwner } from '../../../../src/store/owners.ts';
import { DEFAULT_USER_ID, startTestBot, TEST_ADMIN_ID, visibleText, waitForReply, type TestBot } from '../../../support/plan-bot.ts';
import { blockActionPayload, interactionBody, postSigned } from '../../../support/signed-request.ts';
import { tokyo } from '../../../support/alerts.ts';

let t: TestBot;
let indicatorId: number;

beforeAll(async () => {
  t = await startTestBot({
    now: tokyo('2022-06-16'),
    reminderSettings: {
      ladder: DEFAULT_LADDER,
      quietHours: null,
      time: { hour: 9, minute: 0 },
      admins: [TEST_ADMIN_ID],
      defaultLocale: 'ja',
      dueRule: DEFAULT_DUE_DATE_RULE,
    },
  });
  const planId = (await t.db.selectFrom('plan').select('id').executeTakeFirstOrThrow()).id;
  const ap13 = (await loadActionPlan(t.db, planId, 13))!;
  indicatorId = ap13.indicators[0]!.id;
  await addOwner(t.db, { actionPlanId: ap13.id, userId: 'U0OWNER', addedBy: TEST_ADMIN_ID, now: tokyo('2022-06-01') });
});

afterAll(async () => {
  await t?.close();
});

async function snooze(value: string, userId: string) {
  const responseUrl = t.standIn.responseUrl();
  const payload = blockActionPayload({
    actionId: SNOOZE_REMINDER_ACTION_ID,
    blockId: REMINDER_ACTIONS_BLOCK_ID,
    value,
    responseUrl,
    userId,
    channelId: `D${userId.slice(1)}`,
  });
  const http = await postSigned(t.eventsUrl, interactionBody(payload), { signingSecret: t.config.signingSecret! });
  expect(http.status).toBe(200);
  return waitForReply(t.standIn, new URL(responseUrl).pathname);
}

describe('the snooze button', () => {
  it('snoozes for its owner, in the language the DM was written in', async () => {
    const reply = await snooze(`${indicatorId}:2021:en`, 'U0OWNER');
    expect(reply.body).toMatchObject({ replace_original: true, text: en.reminders.snoozed('FY2021', '無線LANアクセス回数', '2022-06-23') });
    const rows = await t.db.selectFrom('reminder_snooze').selectAll().execute();
    expect(rows).toMatchObject([{ indicator_id: indicatorId, fiscal_year: 2021, user_id: 'U0OWNER', until: '2022-06-23' }]);
  });

  it('refuses someone who neither owns the plan nor is an admin, storing nothing', async () => {
    const reply = await snooze(`${indicatorId}:2022:ja`, DEFAULT_USER_ID);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: ja.reminders.snoozeNotYours });
    expect(await t.db.selectFrom('reminder_snooze').selectAll().where('fiscal_year', '=', 2022).execute()).toEqual([]);
  });

  it('answers a value it did not send by saying it could not be read', async () => {
    const reply = await snooze('1;DROP TABLE', 'U0OWNER');
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', text: ja.slack.unreadableButton });
  });

  it('says a figure that no longer exists was not found', async () => {
    const reply = await snooze('999999:2021:ja', TEST_ADMIN_ID);
    expect(reply.body).toMatchObject({ text: ja.reminders.snoozeGone });
  });
});

describe('/plan reminders', () => {
  it('shows an admin who gets which DM on a given day', async () => {
    const { reply } = await t.slash('reminders 2022-06-29', { user_id: TEST_ADMIN_ID });
    const shown = visibleText(reply.body);
    expect(shown).toContain(ja.reminders.preview.title('2022年6月29日'));
    // The owner snoozed ⑬ until 23 June, so the −1 rung is due for them on the 29th.
    expect(shown).toContain('→ <@U0OWNER>：⏰ 実績の提出期限まであと1日です｜⑬ 施設のＩＣＴ環境の充実 令和3年度 無線LANアクセス回数');
    expect(shown).toMatch(/→ <@U0ADMIN>（管理者）：提出が遅れている実績 \d+件/);
  });

  it('leaves out a snoozed person, and says when a day is closed', async () => {
    const snoozed = visibleText((await t.slash('reminders 2022-06-20', { user_id: TEST_ADMIN_ID })).reply.body);
    expect(snoozed).not.toContain('U0OWNER');
    const closed = visibleText((await t.slash('reminders 2022-06-25', { user_id: TEST_ADMIN_ID })).reply.body);
    expect(closed).toBe(ja.reminders.preview.notWorkingDay('2022年6月25日'));
  });

  it('is for admins only', async () => {
    const { reply } = await t.slash('reminders');
    expect(visibleText(reply.body)).toContain(ja.errors.adminsOnly);
  });
});
