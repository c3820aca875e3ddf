/**
 * `/plan 13 chart` through Bolt's real HTTP receiver: a signed slash command, the ack Slack
 * gets back, and the files upload v2 calls (getUploadURLExternal → the bytes → complete with
 * the channel) read off the Web API stand-in, failures included.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ja } from '../../../../src/messages/ja.ts';
import { warmUpChartRenderer } from '../../../../src/render/chart/index.ts';
import { findPlan, loadActionPlan } from '../../../../src/store/action-plans.ts';
import { recordActual } from '../../../../src/store/figures.ts';
import { pngSize } from '../../../support/png.ts';
import { DEFAULT_USER_ID, startTestBot, TEST_SIGNING_SECRET, visibleText, type TestBot } from '../../../support/plan-bot.ts';
import { settled, waitFor } from '../../../support/record-figure-form.ts';
import { postSigned, slashCommandBody } from '../../../support/signed-request.ts';
import { sharedFile } from '../../../support/uploads.ts';

let t: TestBot;
const SLOW = 60_000;

beforeAll(async () => {
  t = await startTestBot();
  // As `npm start` does. The test's client shares the bot's event loop, so it reads the ack
  // only once a drawing started after it is done: a cold first drawing would be counted in.
  warmUpChartRenderer();
});
afterAll(async () => {
  await t?.close();
});
beforeEach(async () => {
  await settled(t, 30_000);
  t.standIn.reset();
});

/** Sends `/plan <text>` from a channel; resolves with Bolt's HTTP answer (the ack) and the response_url path. */
async function chart(text: string, channelId = 'C0PLAN') {
  const responseUrl = t.standIn.responseUrl();
  const sentAt = Date.now();
  const http = await postSigned(t.eventsUrl, slashCommandBody({ text, response_url: responseUrl, channel_id: channelId }), {
    signingSecret: TEST_SIGNING_SECRET,
  });
  return { http, ackedIn: Date.now() - sentAt, responsePath: new URL(responseUrl).pathname };
}

const repliesTo = (path: string) => t.standIn.callsTo('response_url').filter((c) => c.path === path);

describe('/plan 13 chart', () => {
  it('acks at once, then uploads ⑬’s PNG with files upload v2 and shares it in the channel, naming who asked', async () => {
    const { http, ackedIn, responsePath } = await chart('13 chart');
    expect(http.status).toBe(200);
    expect(ackedIn).toBeLessThan(3000);
    expect(http.json).toMatchObject({ response_type: 'ephemeral', text: '⑬ のグラフを作成しています…' });

    const shared = await sharedFile(t.standIn);
    expect(shared.channelId).toBe('C0PLAN');
    expect(shared.comment).toBe(`*⑬ 施設のＩＣＴ環境の充実*　令和2年度 評価 A（→ 変わらず）\n<@${DEFAULT_USER_ID}> さんが表示`);
    expect(shared.bytes).toHaveLength(1);
    expect(pngSize(shared.bytes[0]!)).toEqual({ width: 1600, height: 900 });
    expect(shared.bytes[0]!.length).toBeGreaterThan(20_000);

    const asked = t.standIn.callsTo('files.getUploadURLExternal')[0]!;
    expect(asked.body).toMatchObject({ filename: 'plan-13-chart.png', length: String(shared.bytes[0]!.length) });
    expect(String(asked.body.alt_text)).toContain('⑬ 施設のＩＣＴ環境の充実の目標と実績');
    expect(JSON.parse(String(shared.complete.body.files))).toEqual([{ id: shared.fileIds[0], title: '⑬ 施設のＩＣＴ環境の充実　目標と実績' }]);
    await settled(t);
    // Nothing more for the person to read: the image is the answer.
    expect(repliesTo(responsePath)).toEqual([]);
  }, SLOW);

  it('does not draw the same chart twice, and draws it again once a figure is recorded', async () => {
    await chart('chart 13');
    const first = await sharedFile(t.standIn, 1);
    const again = await chart('⑬ グラフ');
    expect(again.http.json).toMatchObject({ text: '⑬ のグラフを作成しています…' });
    const second = await sharedFile(t.standIn, 2);
    expect(second.fileIds[0]).not.toBe(first.fileIds[0]);
    expect(second.bytes[0]!.equals(first.bytes[0]!)).toBe(true);

    const plan = (await findPlan(t.db))!;
    const thirteen = (await loadActionPlan(t.db, plan.id, 13))!;
    await recordActual(t.db, {
      indicatorId: thirteen.indicators[0]!.id,
      fiscalYear: 2021,
      value: 6543,
      provisional: false,
      recordedBy: 'U0ADMIN',
      source: 'cli',
      note: null,
      now: new Date('2024-07-01T00:00:00Z'),
    });
    await chart('13 chart');
    const third = await sharedFile(t.standIn, 3);
    expect(third.bytes[0]!.equals(first.bytes[0]!)).toBe(false);
  }, SLOW);

  it('sends the chart to the person’s DM, saying why, where the bot is not in the channel (not_in_channel)', async () => {
    t.standIn.failNext('files.completeUploadExternal', 1, { okFalse: 'not_in_channel' });
    const { responsePath } = await chart('13 chart', 'C0ELSEWHERE');
    const refused = await sharedFile(t.standIn, 1);
    expect(refused.channelId).toBe('C0ELSEWHERE');
    expect(refused.complete.failed).toBe(true);

    const dm = await sharedFile(t.standIn, 2);
    expect(dm.channelId).toBe(`D${DEFAULT_USER_ID.slice(1)}`);
    expect(pngSize(dm.bytes[0]!)).toEqual({ width: 1600, height: 900 });
    const why = t.standIn.callsTo('chat.postMessage')[0]!;
    expect(why.body.channel).toBe(DEFAULT_USER_ID);
    expect(String(why.body.text)).toContain(ja.visual.chart.dmBecause('not_in_channel'));
    expect(String(why.body.text)).toContain('⑬ 施設のＩＣＴ環境の充実');

    const told = await waitFor(() => repliesTo(responsePath)[0], 'the word on the response_url', 10_000);
    expect(told.body.response_type).toBe('ephemeral');
    expect(visibleText(told.body)).toContain(ja.visual.chart.sentToDm('not_in_channel'));
  }, SLOW);

  it('says the chart could not be posted, and nothing about a DM, when the DM cannot be opened either', async () => {
    t.standIn.failNext('files.completeUploadExternal', 1, { okFalse: 'not_in_channel' });
    t.standIn.failNext('chat.postMessage', 1, { okFalse: 'cannot_dm_bot' });
    const { responsePath } = await chart('13 chart', 'C0ELSEWHERE');
    const told = await waitFor(() => repliesTo(responsePath)[0], 'the word on the response_url', 10_000);
    expect(visibleText(told.body)).toContain(ja.visual.chart.failed('cannot_dm_bot'));
    await settled(t);
    expect(repliesTo(responsePath)).toHaveLength(1);
    expect(t.standIn.callsTo('files.completeUploadExternal')).toHaveLength(1);
  }, SLOW);

  it('says so, privately, when Slack fails the upload (HTTP 500), never silence', async () => {
    t.standIn.failNext('files.getUploadURLExternal', 10, { status: 500 });
    const { responsePath } = await chart('13 chart');
    const told = await waitFor(() => repliesTo(responsePath)[0], 'the error on the response_url', 20_000);
    expect(told.body.response_type).toBe('ephemeral');
    expect(visibleText(told.body)).toContain(ja.visual.chart.failed('HTTP 500'));
    expect(t.standIn.callsTo('files.completeUploadExternal')).toEqual([]);
    expect(t.logs.join('\n')).toContain('could not be uploaded to C0PLAN (HTTP 500)');
  }, SLOW);

  it('says so when the bytes cannot be sent to the upload URL', async () => {
    t.standIn.failNext('file_upload', 10, { status: 500 });
    const { responsePath } = await chart('13 chart');
    const told = await waitFor(() => repliesTo(responsePath)[0], 'the error on the response_url', 20_000);
    expect(visibleText(told.body)).toContain('⚠️ グラフを投稿できませんでした');
    expect(t.standIn.callsTo('files.completeUploadExternal')).toEqual([]);
  }, SLOW);

  it('answers in the ack when there is no such action plan, and uploads nothing', async () => {
    const { http } = await chart('99 chart');
    expect(http.json).toMatchObject({ response_type: 'ephemeral' });
    expect(visibleText(http.json as Record<string, unknown>)).toContain('アクションプラン 99 はありません。1〜20 の番号を指定してください。');
    await settled(t);
    expect(t.standIn.callsTo('files.getUploadURLExternal')).toEqual([]);
  }, SLOW);
});
