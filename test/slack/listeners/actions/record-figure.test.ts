/**
 * The "record a figure" button under an action-plan answer, clicked: a block_actions
 * payload signed like Slack's, through Bolt's real HTTP receiver.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ja } from '../../../../src/messages/ja.ts';
import { PLAN_ACTIONS_BLOCK_ID, RECORD_FIGURE_ACTION_ID } from '../../../../src/slack/report/ids.ts';
import { startTestBot, waitForFormOrReply, waitForReply, type TestBot } from '../../../support/plan-bot.ts';
import { blockActionPayload, fakeTriggerId, interactionBody, postSigned } from '../../../support/signed-request.ts';

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot();
});

afterAll(async () => {
  await t?.close();
});

async function click(value: string) {
  const triggerId = fakeTriggerId();
  const responseUrl = t.standIn.responseUrl();
  const payload = blockActionPayload({
    actionId: RECORD_FIGURE_ACTION_ID,
    blockId: PLAN_ACTIONS_BLOCK_ID,
    value,
    triggerId,
    responseUrl,
  });
  const http = await postSigned(t.eventsUrl, interactionBody(payload), { signingSecret: t.config.signingSecret! });
  return { http, triggerId, responsePath: new URL(responseUrl).pathname };
}

describe('the record-a-figure button', () => {
  it('acks at once and opens the form for the action plan on the button, with the click’s trigger_id', async () => {
    const { http, triggerId, responsePath } = await click('13');
    expect(http.status).toBe(200);
    expect(http.text).toBe('');
    const outcome = await waitForFormOrReply(t.standIn, triggerId, responsePath);
    if ('reply' in outcome) {
      expect(outcome.reply.body).toMatchObject({ response_type: 'ephemeral', text: ja.report.formComingSoon('⑬') });
    }
  });

  it('answers a button value it did not send with the internal-error message', async () => {
    const { http, responsePath } = await click('DROP TABLE');
    expect(http.status).toBe(200);
    const reply = await waitForReply(t.standIn, responsePath);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', text: ja.errors.internal });
  });
});
