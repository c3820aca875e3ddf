/**
 * The Home tab through Bolt's real HTTP receiver: a signed `app_home_opened` event, the view
 * the bot publishes (views.publish on the stand-in), its buttons clicked as Slack sends them,
 * and its refresh when a figure is recorded.
 */
import type { types } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewProgress } from '../../../../commands/home.ts';
import { ja } from '../../../../src/messages/ja.ts';
import { HOME_CALLBACK_ID } from '../../../../src/render/blocks/home.ts';
import { HOME_RECORD_FIGURE_ACTION_ID, HOME_SHOW_PLAN_ACTION_ID } from '../../../../src/render/blocks/ids.ts';
import { checkViewLimits } from '../../../../src/render/blocks/limits.ts';
import { FIGURE_FORM_BLOCK_IDS } from '../../../../src/render/blocks/record-figure-modal.ts';
import { startTestBot, TEST_ADMIN_ID, textsUnder, visibleText, type TestBot } from '../../../support/plan-bot.ts';
import { initialValue, settled, submitForm, waitFor, type ModalJson } from '../../../support/record-figure-form.ts';
import { appHomeOpenedEvent, blockActionPayload, fakeTriggerId, interactionBody, postSigned } from '../../../support/signed-request.ts';
import type { RecordedCall } from '../../../support/slack-api-stand-in.ts';

const OWNER = 'U0OWNER13';
const MEMBER = 'U0MEMBER';
const NOBODY = 'U0NOBODY';

/** A committee review in progress, as the review feature (#15) will supply it. */
const reviews: ReviewProgress = {
  openReview: async () => ({ fiscalYear: 2023, dueDate: '2024-09-30', agreed: 5, total: 20, members: [{ userId: MEMBER, graded: 18, total: 20 }] }),
  seatOf: async (_ctx, userId) => (userId === MEMBER ? { fiscalYear: 2023, dueDate: '2024-09-30', pending: [3, 4], total: 20 } : null),
};

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ reviewProgress: reviews });
  const { reply } = await t.slash(`owner 13 add <@${OWNER}|owner>`, { user_id: TEST_ADMIN_ID });
  expect(visibleText(reply.body)).toContain(`<@${OWNER}>`);
});
afterAll(async () => {
  await t?.close();
});
beforeEach(async () => {
  await settled(t, 30_000);
  t.standIn.reset();
});

type HomeJson = types.HomeView;

/** Opens the Home tab as `userId`; resolves with the view published for them. */
async function openHome(userId: string): Promise<{ view: HomeJson; call: RecordedCall }> {
  const http = await t.event(appHomeOpenedEvent(userId));
  expect(http.status).toBe(200);
  // Events are acked at once (Bolt acks before the listener runs); Slack retries after 3 s.
  expect(http.elapsedMs).toBeLessThan(3000);
  const call = await waitFor(() => t.standIn.callsTo('views.publish').find((c) => c.body.user_id === userId), `views.publish for ${userId}`);
  return { view: call.body.view as HomeJson, call };
}

type Element = { type: string; action_id?: string; value?: string };
function buttonsOf(view: HomeJson): Element[] {
  return (view.blocks as Array<{ type: string; accessory?: Element; elements?: Element[] }>).flatMap((b) => [
    ...(b.accessory?.type === 'button' ? [b.accessory] : []),
    ...(b.type === 'actions' ? (b.elements ?? []) : []),
  ]);
}

describe('app_home_opened', () => {
  it('publishes, for the person who opened it, the action plans they own with what they have to record', async () => {
    const { view, call } = await openHome(OWNER);
    expect(call.body.user_id).toBe(OWNER);
    expect(view).toMatchObject({ type: 'home', callback_id: HOME_CALLBACK_ID });
    expect(checkViewLimits(view as never)).toEqual([]);
    const text = textsUnder(view);
    expect(text).toContain('あなたが担当するアクションプラン');
    expect(text).toContain('*⑬ 施設のＩＣＴ環境の充実*\n令和2年度 評価 A（→ 変わらず）');
    expect(text).toContain('⚠️ 令和5年度 無線LANアクセス回数（目標 12,000回）提出期限 2024年6月30日・32日超過');
    expect(text).not.toContain('計画全体（管理者）');
    const records = buttonsOf(view).filter((b) => b.action_id === HOME_RECORD_FIGURE_ACTION_ID);
    expect(records.map((b) => b.value!.replace(/:\d+:/, ':*:'))).toEqual(['13:*:2021', '13:*:2022', '13:*:2023']);
  });

  it('shows someone who owns nothing a short guide', async () => {
    const { view } = await openHome(NOBODY);
    expect(textsUnder(view)).toContain(ja.visual.home.guideTitle);
    expect(buttonsOf(view)).toEqual([]);
  });

  it('shows admins the whole plan, and the open review’s progress', async () => {
    const text = textsUnder((await openHome(TEST_ADMIN_ID)).view);
    expect(text).toContain('計画全体（管理者）');
    expect(text).toMatch(/⑬ 施設のＩＣＴ環境の充実　令和2年度 評価 A（→ 変わらず）　⚠️ 期限超過 3件/);
    expect(text).toContain('評価が確定したアクションプラン 5／20件（期限 2024年9月30日）');
    expect(text).toContain(`<@${MEMBER}>　18／20件`);
  });

  it('shows a committee member what they have not graded yet', async () => {
    const text = textsUnder((await openHome(MEMBER)).view);
    expect(text).toContain('未評価 2／20件：③、④');
  });

  it('publishes nothing for the Messages tab, and logs, not crashes, when views.publish fails', async () => {
    expect((await t.event(appHomeOpenedEvent(OWNER, 'messages'))).status).toBe(200);
    await settled(t);
    expect(t.standIn.callsTo('views.publish')).toEqual([]);

    t.standIn.failNext('views.publish', 1, { okFalse: 'not_enabled' });
    expect((await t.event(appHomeOpenedEvent(OWNER))).status).toBe(200);
    await settled(t);
    expect(t.logs.join('\n')).toContain(`the Home tab of ${OWNER} could not be published (not_enabled)`);
  });
});

describe('the Home tab’s buttons', () => {
  async function click(actionId: string, value: string, userId = OWNER) {
    const triggerId = fakeTriggerId();
    const payload = blockActionPayload({ actionId, value, userId, triggerId, viewId: 'V0HOME', home: true, blockId: 'home_plan_13' });
    const http = await postSigned(t.eventsUrl, interactionBody(payload), { signingSecret: t.config.signingSecret! });
    expect(http.status).toBe(200);
    return triggerId;
  }

  it('実績を入力 opens the figure form on that indicator and year', async () => {
    const { view } = await openHome(OWNER);
    const second = buttonsOf(view).filter((b) => b.action_id === HOME_RECORD_FIGURE_ACTION_ID)[1]!;
    const triggerId = await click(HOME_RECORD_FIGURE_ACTION_ID, second.value!);
    const opened = await waitFor(() => t.standIn.callsTo('views.open').find((c) => c.body.trigger_id === triggerId), 'views.open');
    expect(initialValue(opened.body.view as ModalJson, FIGURE_FORM_BLOCK_IDS.fiscalYear)).toBe('2022');
  });

  it('実績を入力 for an action plan the person may not record for says who may, in their DM', async () => {
    await click(HOME_RECORD_FIGURE_ACTION_ID, '8:1:2021', NOBODY);
    const dm = await waitFor(() => t.standIn.callsTo('chat.postMessage').find((c) => c.body.channel === NOBODY), 'the refusal');
    expect(visibleText(dm.body)).toContain('⑧ の実績を入力できるのは');
    expect(t.standIn.callsTo('views.open')).toEqual([]);
  });

  it('詳細 sends the action plan’s answer to the person’s DM', async () => {
    await click(HOME_SHOW_PLAN_ACTION_ID, '13');
    const dm = await waitFor(() => t.standIn.callsTo('chat.postMessage').find((c) => c.body.channel === OWNER), 'the answer in the DM');
    expect(visibleText(dm.body)).toContain('⑬ 施設のＩＣＴ環境の充実');
    expect(visibleText(dm.body)).toContain('目標 1,000回 ／ 実績 5,270回');
  });
});

describe('refreshing the Home tab', () => {
  it('publishes again for the owner (and the admins) when a figure of their action plan is recorded', async () => {
    const { view } = await openHome(OWNER);
    const button = buttonsOf(view).find((b) => b.action_id === HOME_RECORD_FIGURE_ACTION_ID && b.value!.endsWith(':2023'))!;
    const triggerId = await click(button.value!);
    const opened = await waitFor(() => t.standIn.callsTo('views.open').find((c) => c.body.trigger_id === triggerId), 'views.open');
    t.standIn.reset();

    const http = await submitForm(t, opened.body.view as ModalJson, { value: '12,345' }, { userId: OWNER });
    expect(http.status).toBe(200);
    await settled(t);
    const published = t.standIn.callsTo('views.publish');
    expect(published.map((c) => c.body.user_id).sort()).toEqual([OWNER, TEST_ADMIN_ID].sort());
    const text = textsUnder(published.find((c) => c.body.user_id === OWNER)!.body.view);
    expect(text).not.toContain('令和5年度 無線LANアクセス回数');
    expect(text).toContain('令和4年度 無線LANアクセス回数');
  });

  async function click(value: string) {
    const triggerId = fakeTriggerId();
    const payload = blockActionPayload({ actionId: HOME_RECORD_FIGURE_ACTION_ID, value, userId: OWNER, triggerId, viewId: 'V0HOME', home: true });
    await postSigned(t.eventsUrl, interactionBody(payload), { signingSecret: t.config.signingSecret! });
    return triggerId;
  }
});
