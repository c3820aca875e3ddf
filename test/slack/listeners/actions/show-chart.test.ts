/**
 * The グラフ button, clicked under a `/plan 13` answer and on the Home tab: signed block_actions
 * through Bolt's real HTTP receiver, the upload read off the Web API stand-in.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ja } from '../../../../src/messages/ja.ts';
import { PLAN_ACTIONS_BLOCK_ID, SHOW_CHART_ACTION_ID } from '../../../../src/render/blocks/ids.ts';
import { pngSize } from '../../../support/png.ts';
import { DEFAULT_USER_ID, startTestBot, visibleText, type TestBot } from '../../../support/plan-bot.ts';
import { settled, waitFor } from '../../../support/record-figure-form.ts';
import { blockActionPayload, interactionBody, postSigned } from '../../../support/signed-request.ts';
import { sharedFile } from '../../../support/uploads.ts';

let t: TestBot;
const SLOW = 60_000;

beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.close();
});
beforeEach(async () => {
  await settled(t, 30_000);
  t.standIn.reset();
});

async function click(value: string, where: { channelId: string } | { home: true }) {
  const responseUrl = t.standIn.responseUrl();
  const payload =
    'home' in where
      ? blockActionPayload({ actionId: SHOW_CHART_ACTION_ID, blockId: 'home_plan_13', value, viewId: 'V0HOME', home: true })
      : blockActionPayload({ actionId: SHOW_CHART_ACTION_ID, blockId: PLAN_ACTIONS_BLOCK_ID, value, responseUrl, channelId: where.channelId });
  const http = await postSigned(t.eventsUrl, interactionBody(payload), { signingSecret: t.config.signingSecret! });
  expect(http.status).toBe(200);
  return { responsePath: new URL(responseUrl).pathname };
}

describe('the グラフ button', () => {
  it('sits beside 実績を入力 on every /plan N answer and shares the chart in that conversation', async () => {
    const { reply } = await t.slash('13');
    const buttons = (reply.body.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>)
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? []);
    expect(buttons.find((b) => b.action_id === SHOW_CHART_ACTION_ID)).toMatchObject({ value: '13' });

    const { responsePath } = await click('13', { channelId: 'C0PLAN' });
    const shared = await sharedFile(t.standIn);
    expect(shared.channelId).toBe('C0PLAN');
    expect(String(shared.comment)).toContain('⑬ 施設のＩＣＴ環境の充実');
    expect(pngSize(shared.bytes[0]!)).toEqual({ width: 1600, height: 900 });
    const drawing = await waitFor(() => t.standIn.callsTo('response_url').find((c) => c.path === responsePath), 'the drawing notice');
    // A new ephemeral line: the answer the button sits under stays as it was.
    expect(drawing.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(visibleText(drawing.body)).toContain('⑬ のグラフを作成しています…');
  }, SLOW);

  it('on the Home tab, which is no conversation, sends the chart to the person’s DM', async () => {
    await click('13', { home: true });
    const shared = await sharedFile(t.standIn);
    expect(shared.channelId).toBe(`D${DEFAULT_USER_ID.slice(1)}`);
    // The words first (they open the DM and name it), then the image.
    const words = t.standIn.callsTo('chat.postMessage')[0]!;
    expect(words.body.channel).toBe(DEFAULT_USER_ID);
    expect(String(words.body.text)).toContain('*⑬ 施設のＩＣＴ環境の充実*');
    expect(words.at).toBeLessThanOrEqual(shared.complete.at);
    expect(t.standIn.callsTo('response_url')).toEqual([]);
  }, SLOW);

  it('answers a forged value with an apology, never silence', async () => {
    const { responsePath } = await click('13; drop', { channelId: 'C0PLAN' });
    const told = await waitFor(() => t.standIn.callsTo('response_url').find((c) => c.path === responsePath), 'the apology');
    expect(visibleText(told.body)).toContain(ja.slack.unreadableButton);
    expect(t.standIn.callsTo('files.getUploadURLExternal')).toEqual([]);
  }, SLOW);
});
