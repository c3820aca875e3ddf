/**
 * The "record a figure" button under an action-plan answer, clicked: a block_actions
 * payload signed like Slack's, through Bolt's real HTTP receiver.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ja } from '../../../../src/messages/ja.ts';
import { PLAN_ACTIONS_BLOCK_ID, RECORD_FIGURE_ACTION_ID } from '../../../../src/render/blocks/ids.ts';
import { FIGURE_FORM_CALLBACK_ID } from '../../../../src/render/blocks/record-figure-modal.ts';
import { DEFAULT_USER_ID, startTestBot, TEST_ADMIN_ID, waitForReply, type TestBot } from '../../../support/plan-bot.ts';
import { openForm, waitFor, type ModalJson } from '../../../support/record-figure-form.ts';
import { blockActionPayload, fakeTriggerId, interactionBody, postSigned } from '../../../support/signed-request.ts';

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot();
});

afterAll(async () => {
  await t?.close();
});

async function click(value: string, options: { userId?: string; blockId?: string } = {}) {
  const triggerId = fakeTriggerId();
  const responseUrl = t.standIn.responseUrl();
  const payload = blockActionPayload({
    actionId: RECORD_FIGURE_ACTION_ID,
    blockId: options.blockId ?? PLAN_ACTIONS_BLOCK_ID,
    value,
    triggerId,
    responseUrl,
    userId: options.userId ?? TEST_ADMIN_ID,
  });
  const sentAt = Date.now();
  const http = await postSigned(t.eventsUrl, interactionBody(payload), { signingSecret: t.config.signingSecret! });
  return { http, triggerId, sentAt, responsePath: new URL(responseUrl).pathname };
}

function openedWith(triggerId: string) {
  return waitFor(() => t.standIn.callsTo('views.open').find((c) => c.body.trigger_id === triggerId), `views.open for ${triggerId}`);
}

describe('the record-a-figure button', () => {
  it('opens, on the button of /plan 13, the same form as /plan report 13, with the click’s trigger_id', async () => {
    const { reply } = await t.slash('13', { user_id: TEST_ADMIN_ID });
    type Element = { action_id?: string; value?: string; block_id?: string };
    const button = (reply.body.blocks as Array<{ type: string; block_id?: string; elements?: Element[] }>)
      .filter((b) => b.type === 'actions')
      .flatMap((b) => (b.elements ?? []).map((e): Element => ({ ...e, block_id: b.block_id })))
      .find((e) => e.action_id === RECORD_FIGURE_ACTION_ID);
    expect(button).toBeDefined();

    const { http, triggerId, sentAt } = await click(button!.value!, { blockId: button!.block_id! });
    expect(http.status).toBe(200);
    expect(http.text).toBe('');
    const opened = await openedWith(triggerId);
    // trigger_ids expire 3 seconds after Slack sent them.
    expect(opened.at - sentAt).toBeLessThan(3000);
    const view = opened.body.view as ModalJson;
    expect(view.callback_id).toBe(FIGURE_FORM_CALLBACK_ID);
    expect(view.title.text).toBe(ja.record.title('⑬'));
    expect(view).toEqual(await openForm(t, 13));
  });

  it('refuses someone neither owner nor admin, naming who may record, without a form', async () => {
    const { http, triggerId, responsePath } = await click('13', { userId: DEFAULT_USER_ID });
    expect(http.status).toBe(200);
    const reply = await waitForReply(t.standIn, responsePath);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(String(reply.body.text)).toContain(`⑬ の実績を入力できるのは 管理者（<@${TEST_ADMIN_ID}>）`);
    expect(t.standIn.callsTo('views.open').filter((c) => c.body.trigger_id === triggerId)).toEqual([]);
  });

  it('says the form could not be opened when Slack refuses the trigger, so the person can ask again', async () => {
    t.standIn.failNext('views.open', 1, { okFalse: 'expired_trigger_id' });
    const { responsePath } = await click('13');
    const reply = await waitForReply(t.standIn, responsePath);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', text: ja.record.couldNotOpen('⑬', 13) });
    expect(t.logs.join('\n')).toContain('views.open for the figure form of 13 failed (expired_trigger_id)');
  });

  it('answers a button value it did not send by saying it could not be read', async () => {
    const { http, responsePath } = await click('DROP TABLE');
    expect(http.status).toBe(200);
    const reply = await waitForReply(t.standIn, responsePath);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', text: ja.slack.unreadableButton });
  });

  it('answers a number with no action plan like /plan does', async () => {
    const { responsePath, triggerId } = await click('99');
    const reply = await waitForReply(t.standIn, responsePath);
    expect(String(reply.body.text)).toContain('アクションプラン 99 はありません。');
    expect(t.standIn.callsTo('views.open').filter((c) => c.body.trigger_id === triggerId)).toEqual([]);
  });
});
