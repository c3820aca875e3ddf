/**
 * One figure walked down the whole reminder ladder on simulated days: ⑬'s FY2021 actual,
 * due 2022-06-30, owned by two people. The real reminder run posts to the Web API stand-in;
 * the DM buttons are clicked through the real Bolt receiver with signed requests; on the way
 * one owner snoozes, Slack answers 429, the process "restarts" after Slack took a post but
 * answered 500, and a second figure (⑩ FY2021) is recorded half-way and drops out at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReminderSettings } from '../../../commands/reminders/settings.ts';
import { runReminders, type ReminderRunOutcome } from '../../../commands/reminders/run.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../../src/domain/fiscal-year.ts';
import { DEFAULT_LADDER } from '../../../src/domain/reminder-ladder.ts';
import { ja } from '../../../src/messages/ja.ts';
import { RECORD_FIGURE_ACTION_ID, REMINDER_ACTIONS_BLOCK_ID, SNOOZE_REMINDER_ACTION_ID } from '../../../src/render/blocks/ids.ts';
import { FIGURE_FORM_BLOCK_IDS } from '../../../src/render/blocks/record-figure-modal.ts';
import { slackAlertPorts } from '../../../src/slack-web/alert-ports.ts';
import { loadActionPlan } from '../../../src/store/action-plans.ts';
import { openDatabase, type PlanDb } from '../../../src/store/db.ts';
import { addOwner } from '../../../src/store/owners.ts';
import { startTestBot, TEST_ADMIN_ID, TEST_BOT_TOKEN, waitForReply, type TestBot } from '../../support/plan-bot.ts';
import { initialValue, settled, submitForm, waitFor, type ModalJson } from '../../support/record-figure-form.ts';
import { blockActionPayload, fakeTriggerId, interactionBody, postSigned } from '../../support/signed-request.ts';
import type { StoredMessage } from '../../support/slack-api-stand-in.ts';
import { blockTexts, tokyo } from '../../support/alerts.ts';

const OWNER = 'U0OWNER';
const OWNER_EN = 'U0OWNEREN';
const SETTINGS: ReminderSettings = {
  ladder: DEFAULT_LADDER,
  quietHours: { from: { hour: 20, minute: 0 }, to: { hour: 8, minute: 0 } },
  time: { hour: 9, minute: 0 },
  admins: [TEST_ADMIN_ID],
  defaultLocale: 'ja',
  dueRule: DEFAULT_DUE_DATE_RULE,
};

let t: TestBot;
let thirteen: { indicatorId: number };
let ten: { indicatorId: number };

beforeAll(async () => {
  t = await startTestBot({ now: tokyo('2022-06-15') });
  const planId = (await t.db.selectFrom('plan').select('id').executeTakeFirstOrThrow()).id;
  const ap13 = (await loadActionPlan(t.db, planId, 13))!;
  const ap10 = (await loadActionPlan(t.db, planId, 10))!;
  thirteen = { indicatorId: ap13.indicators[0]!.id };
  ten = { indicatorId: ap10.indicators[0]!.id };
  const at = tokyo('2022-06-01');
  await addOwner(t.db, { actionPlanId: ap13.id, userId: OWNER, addedBy: TEST_ADMIN_ID, now: at });
  await addOwner(t.db, { actionPlanId: ap13.id, userId: OWNER_EN, addedBy: TEST_ADMIN_ID, now: at });
  await addOwner(t.db, { actionPlanId: ap10.id, userId: OWNER, addedBy: TEST_ADMIN_ID, now: at });
  t.standIn.setUserLocale(OWNER_EN, 'en-US');
});

afterAll(async () => {
  await t?.close();
});

const dmOf = (user: string) => `D${user.slice(1)}`;

async function runOn(day: string, time = '09:00', db: PlanDb = t.db): Promise<ReminderRunOutcome> {
  const ports = slackAlertPorts({ token: TEST_BOT_TOKEN, slackApiUrl: t.standIn.url, messages: ja, escalateAfter: 10 });
  const plan = await db.selectFrom('plan').selectAll().executeTakeFirstOrThrow();
  return runReminders({ db, plan, settings: SETTINGS, messenger: ports.messenger, runDate: day, clock: () => tokyo(day, time) });
}

const isReminder = (m: StoredMessage) => (m.metadata as { event_type?: string } | undefined)?.event_type === 'plan_bot_reminder';

/** The reminders one person has been sent, as the notification text of each (the bot's other DMs aside). */
function inbox(user: string): string[] {
  return t.standIn.messagesIn(dmOf(user)).filter(isReminder).map((m) => m.text);
}

/** The DM a person was sent with this notification text. */
function dm(user: string, text: string): StoredMessage {
  const found = t.standIn.messagesIn(dmOf(user)).find((m) => m.text === text);
  if (!found) throw new Error(`no DM to ${user} reading ${text}`);
  return found;
}

function last(user: string): StoredMessage {
  return t.standIn.messagesIn(dmOf(user)).filter(isReminder).at(-1)!;
}

type Button = { action_id: string; value: string };
function buttonsOf(message: StoredMessage): Button[] {
  const block = (message.blocks as Array<{ type: string; block_id?: string; elements?: Button[] }>).find(
    (b) => b.type === 'actions' && b.block_id === REMINDER_ACTIONS_BLOCK_ID,
  );
  return block?.elements ?? [];
}

/** Clicks a DM button as Slack would send it, signed, to the bot's Request URL. */
async function click(user: string, message: StoredMessage, actionId: string) {
  const button = buttonsOf(message).find((b) => b.action_id === actionId)!;
  const triggerId = fakeTriggerId();
  const responseUrl = t.standIn.responseUrl();
  const payload = blockActionPayload({
    actionId,
    blockId: REMINDER_ACTIONS_BLOCK_ID,
    value: button.value,
    triggerId,
    responseUrl,
    userId: user,
    channelId: dmOf(user),
    messageTs: message.ts,
  });
  const http = await postSigned(t.eventsUrl, interactionBody(payload), { signingSecret: t.config.signingSecret! });
  expect(http.status).toBe(200);
  return { triggerId, responsePath: new URL(responseUrl).pathname };
}

const late = (fy: string, indicator: string) => (heading: string) => ja.reminders.fallback(heading, fy, indicator);
const about13 = late('令和3年度', '無線LANアクセス回数');
const about10 = late('令和3年度', '地域資料等のデジタル化件数');

describe('one figure down the reminder ladder', () => {
  it('reminds each owner by DM at −14, −1, 0, +2 and weekly, escalates after 10 working days, and never twice', async () => {
    // −15: before the first rung, nothing for anyone.
    expect(await runOn('2022-06-15')).toMatchObject({ kind: 'nothing_new' });
    expect(t.standIn.callsTo('chat.postMessage')).toHaveLength(0);

    // −14: each owner gets one DM per figure, in their own language; the admins hear at once
    // of every FY2021 figure nobody owns.
    expect(await runOn('2022-06-16')).toMatchObject({ kind: 'sent', dms: 3, escalations: 1 });
    expect(inbox(OWNER)).toEqual([about10(ja.reminders.heading(-14)), about13(ja.reminders.heading(-14))]);
    expect(inbox(OWNER_EN)).toEqual(['⏰ A figure is due in 14 days: FY2021 無線LANアクセス回数']);
    const first = dm(OWNER, about13(ja.reminders.heading(-14)));
    const words = blockTexts(first.blocks).join('\n');
    expect(words).toContain('⑬ 施設のＩＣＴ環境の充実');
    expect(words).toContain('*目標*\n7,000回');
    expect(words).toContain('*提出期限*\n2022年6月30日');
    expect(words).toContain(ja.reminders.privateNote);
    expect(buttonsOf(first)).toEqual([
      expect.objectContaining({ action_id: RECORD_FIGURE_ACTION_ID, value: `13:${thirteen.indicatorId}:2021` }),
      expect.objectContaining({ action_id: SNOOZE_REMINDER_ACTION_ID, value: `${thirteen.indicatorId}:2021:ja` }),
    ]);
    expect(first.metadata).toEqual({ event_type: 'plan_bot_reminder', event_payload: { key: expect.any(String) } });
    expect(t.standIn.callsTo('users.info').every((c) => c.body.include_locale === 'true')).toBe(true);
    const admin = blockTexts(last(TEST_ADMIN_ID).blocks).join('\n');
    expect(admin).toContain('担当者未設定：`/plan owner 1 add @ユーザー`');
    expect(admin).not.toContain('⑬');
    // Exactly once per figure, rung and person: a second run the same day sends nothing.
    expect(await runOn('2022-06-16', '09:30')).toMatchObject({ kind: 'nothing_new' });
    expect(await runOn('2022-06-17')).toMatchObject({ kind: 'nothing_new' });

    // The DM's record button opens the existing form on that very figure.
    t.setNow(tokyo('2022-06-16', '10:00'));
    const { triggerId } = await click(OWNER, first, RECORD_FIGURE_ACTION_ID);
    const opened = await waitFor(() => t.standIn.callsTo('views.open').find((c) => c.body.trigger_id === triggerId), 'views.open');
    const form = opened.body.view as ModalJson;
    expect(initialValue(form, FIGURE_FORM_BLOCK_IDS.fiscalYear)).toBe('2021');

    // Never on a closed day, never in quiet hours.
    expect(await runOn('2022-06-25')).toMatchObject({ kind: 'not_working_day' });
    expect(await runOn('2022-06-29', '21:00')).toMatchObject({ kind: 'quiet' });

    // −1.
    expect(await runOn('2022-06-29')).toMatchObject({ kind: 'sent', dms: 3, escalations: 0 });
    expect(inbox(OWNER).slice(2)).toEqual([about10(ja.reminders.heading(-1)), about13(ja.reminders.heading(-1))]);

    // The owner snoozes ⑬ for a week from the −1 DM: the DM is replaced, saying until when.
    t.setNow(tokyo('2022-06-29', '09:10'));
    const snooze = await click(OWNER, dm(OWNER, about13(ja.reminders.heading(-1))), SNOOZE_REMINDER_ACTION_ID);
    const reply = await waitForReply(t.standIn, snooze.responsePath);
    expect(reply.body.replace_original).toBe(true);
    expect(String(reply.body.text)).toBe(ja.reminders.snoozed('令和3年度', '無線LANアクセス回数', '2022年7月6日'));

    // The same owner records ⑩ through the form before the due date: its ladder stops at once.
    t.setNow(tokyo('2022-06-29', '15:00'));
    const ten1 = await click(OWNER, dm(OWNER, about10(ja.reminders.heading(-1))), RECORD_FIGURE_ACTION_ID);
    const tenForm = (await waitFor(() => t.standIn.callsTo('views.open').find((c) => c.body.trigger_id === ten1.triggerId), 'views.open ⑩'))
      .body.view as ModalJson;
    expect(initialValue(tenForm, FIGURE_FORM_BLOCK_IDS.fiscalYear)).toBe('2021');
    const saved = await submitForm(t, tenForm, { value: '160' }, { userId: OWNER });
    expect(saved.status).toBe(200);
    await settled(t);
    const revisions = await t.db.selectFrom('actual_revision').innerJoin('yearly_figure', 'yearly_figure.id', 'actual_revision.yearly_figure_id')
      .select(['actual_revision.value']).where('yearly_figure.indicator_id', '=', ten.indicatorId).where('yearly_figure.fiscal_year', '=', 2021).execute();
    expect(revisions.map((r) => r.value)).toEqual([160]);

    // Day 0, and Slack answers 429 in the middle: what was sent stays sent, the rest waits.
    t.standIn.failNext('chat.postMessage', 1, { status: 429, retryAfterSeconds: 30 });
    const limited = await runOn('2022-06-30');
    expect(limited).toMatchObject({ kind: 'failed', failure: 'rate_limited', retryAfterSeconds: 30, unknownOutcome: false, dms: 0 });
    expect(inbox(OWNER_EN)).toHaveLength(2);
    // The scheduler's retry, 15 minutes later: only the snooze-free owner, and nothing about ⑩.
    expect(await runOn('2022-06-30', '09:15')).toMatchObject({ kind: 'sent', dms: 1, escalations: 0 });
    expect(inbox(OWNER_EN).at(-1)).toBe('⏰ A figure is due today: FY2021 無線LANアクセス回数');
    expect(inbox(OWNER)).toHaveLength(4);

    // +2 falls on a Saturday: sent on Monday 4 July. Slack takes the DM and answers 500:
    // the run cannot tell, so it stops and leaves the post pending.
    t.standIn.failNext('chat.postMessage', 1, { accept: true, status: 500 });
    const unknown = await runOn('2022-07-04');
    expect(unknown).toMatchObject({ kind: 'failed', unknownOutcome: true });
    expect(inbox(OWNER_EN)).toHaveLength(4);
    // A restart: a new process on the same database file looks in the DM before sending.
    const restarted = openDatabase(t.config.database);
    try {
      expect(await runOn('2022-07-04', '09:30', restarted)).toMatchObject({ kind: 'nothing_new', settled: { found: 1 } });
      expect(inbox(OWNER_EN)).toEqual([
        '⏰ A figure is due in 14 days: FY2021 無線LANアクセス回数',
        '⏰ A figure is due in 1 day: FY2021 無線LANアクセス回数',
        '⏰ A figure is due today: FY2021 無線LANアクセス回数',
        '⚠️ A figure is 4 days overdue: FY2021 無線LANアクセス回数',
      ]);
      // The snooze ends on 6 July: the snoozed owner then gets the rung current that day.
      expect(await runOn('2022-07-05', '09:00', restarted)).toMatchObject({ kind: 'nothing_new' });
      expect(await runOn('2022-07-06', '09:00', restarted)).toMatchObject({ kind: 'sent', dms: 1 });
      expect(inbox(OWNER).at(-1)).toBe(about13(ja.reminders.heading(6)));

      // Weekly while overdue: +9 is Saturday 9 July, so Monday 11 July, to both.
      expect(await runOn('2022-07-11', '09:00', restarted)).toMatchObject({ kind: 'sent', dms: 2, escalations: 0 });
      expect(inbox(OWNER).at(-1)).toBe(about13(ja.reminders.heading(11)));

      // Escalation: 10 working days late on 14 July is not yet "more than 10"; 15 July is.
      expect(await runOn('2022-07-14', '09:00', restarted)).toMatchObject({ kind: 'nothing_new' });
      expect(await runOn('2022-07-15', '09:00', restarted)).toMatchObject({ kind: 'sent', dms: 0, escalations: 1 });
      const escalation = blockTexts(last(TEST_ADMIN_ID).blocks).join('\n');
      expect(escalation).toContain(
        `⚠️ ⑬ 施設のＩＣＴ環境の充実 令和3年度 無線LANアクセス回数（目標 7,000回）提出期限 2022年6月30日・15日超過　担当：<@${OWNER}> <@${OWNER_EN}>`,
      );
      expect(escalation).not.toContain('⑩');
      expect(await runOn('2022-07-15', '10:00', restarted)).toMatchObject({ kind: 'nothing_new' });

      // Every DM ever sent is in the ledger exactly once per figure, rung and person.
      const ledger = await restarted.selectFrom('reminder_ledger').select(['indicator_id', 'rung', 'recipient']).execute();
      const keys = ledger.map((r) => `${r.indicator_id}:${r.rung}:${r.recipient}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.filter((k) => k.startsWith(`${thirteen.indicatorId}:`) && k.endsWith(`:${OWNER_EN}`)).sort()).toEqual(
        ['d+0', 'd+2', 'd+9', 'd-1', 'd-14'].map((r) => `${thirteen.indicatorId}:${r}:${OWNER_EN}`).sort(),
      );
      expect(keys.filter((k) => k.startsWith(`${ten.indicatorId}:`)).sort()).toEqual(
        [`${ten.indicatorId}:d-1:${OWNER}`, `${ten.indicatorId}:d-14:${OWNER}`].sort(),
      );
      const pending = await restarted.selectFrom('post_attempt').select('state').where('state', '=', 'pending').execute();
      expect(pending).toEqual([]);
    } finally {
      await restarted.destroy();
    }
  }, 60_000);
});
