/**
 * `/plan export …` and `/plan plans` through Bolt's real HTTP receiver: the ack that says
 * 作成中…, then the file through files upload v2 into the person's DM on the Web API stand-in,
 * then a private word on the response_url saying where it went, or what went wrong.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ja } from '../../../../src/messages/ja.ts';
import { parseCsv } from '../../../../src/render/export/csv.ts';
import {
  DEFAULT_USER_ID,
  startTestBot,
  TEST_SIGNING_SECRET,
  visibleText,
  waitForReply,
  type TestBot,
} from '../../../support/plan-bot.ts';
import { postSigned, slashCommandBody } from '../../../support/signed-request.ts';

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot();
});
beforeEach(() => t.standIn.reset());
afterAll(async () => {
  await t?.close();
});

describe('/plan export', () => {
  it('acks at once with 作成中…, then uploads the CSV into the person’s DM and says so', async () => {
    const { http, reply } = await t.slash('export csv');
    expect(http.status).toBe(200);
    expect(http.json).toEqual({ response_type: 'ephemeral', text: '実績CSVを作成中…' });

    const opened = t.standIn.callsTo('conversations.open');
    expect(opened.map((c) => c.body.users)).toEqual([DEFAULT_USER_ID]);
    const dm = `D${DEFAULT_USER_ID.slice(1)}`;
    const asked = t.standIn.callsTo('files.getUploadURLExternal')[0]!;
    expect(asked.body).toMatchObject({ filename: 'suita-4_2024-08-01.csv' });
    const uploaded = t.standIn.callsTo('file_upload')[0]!;
    const { rows, errors } = parseCsv(uploaded.body.bytes as Buffer);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(115);
    const completed = t.standIn.callsTo('files.completeUploadExternal')[0]!;
    expect(completed.body).toMatchObject({ channel_id: dm });
    expect(String(completed.body.initial_comment)).toContain('吹田市第4期情報化推進計画の実績CSVです（2024年8月1日時点）');

    expect(reply.body).toMatchObject({ response_type: 'ephemeral' });
    expect(reply.body.text).toBe(ja.exchange.export.sent('suita-4_2024-08-01.csv'));
    // The word that it arrived comes after the file, never before.
    expect(reply.at).toBeGreaterThanOrEqual(completed.at);
  });

  it('uploads the committee’s workbook by default: a list sheet and one evaluation sheet per action plan', { timeout: 60_000 }, async () => {
    // A workbook takes seconds to build (more on a loaded machine): wait for the answer longer
    // than the 3 s a look-up gets, so the next test's faults are not taken by this upload.
    const responseUrl = t.standIn.responseUrl();
    const http = await postSigned(t.eventsUrl, slashCommandBody({ text: 'export', response_url: responseUrl }), {
      signingSecret: TEST_SIGNING_SECRET,
    });
    const reply = await waitForReply(t.standIn, new URL(responseUrl).pathname, 45_000);
    expect(http.json).toMatchObject({ text: '評価シート（Excel）を作成中…' });
    expect(reply.body.text).toBe(ja.exchange.export.sent('suita-4_FY2020_2024-08-01.xlsx'));
    const bytes = t.standIn.callsTo('file_upload')[0]!.body.bytes as Buffer;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(21);
    expect(workbook.worksheets[13]!.name).toBe('⑬施設のＩＣＴ環境の充実');
  });

  it('says privately why the file could not be sent, naming what to fix', async () => {
    t.standIn.failNext('files.completeUploadExternal', 1, { okFalse: 'missing_scope' });
    const { reply } = await t.slash('export md');
    expect(reply.body).toMatchObject({ response_type: 'ephemeral' });
    expect(reply.body.text).toBe(ja.exchange.export.failed(ja.exchange.export.reason('missing_scope')));
    expect(String(reply.body.text)).toContain('files:write');
    expect(t.logs.join('\n')).toContain('missing_scope');
  });

  it('says so when the DM cannot be opened, and uploads nothing', async () => {
    t.standIn.failNext('conversations.open', 1, { okFalse: 'user_not_found' });
    const { reply } = await t.slash('export csv');
    expect(reply.body.text).toBe(ja.exchange.export.failed('Slack の応答：user_not_found'));
    expect(t.standIn.callsTo('files.getUploadURLExternal')).toEqual([]);
  });

  it('answers a year outside the plan with the period, and builds nothing', async () => {
    const { reply } = await t.slash('export csv 2030');
    expect(visibleText(reply.body)).toContain('令和12年度は計画期間（令和元年度〜令和5年度）の外です。');
    expect(t.standIn.callsTo('conversations.open')).toEqual([]);
  });
});

describe('/plan plans', () => {
  it('lists the plans in the store with their periods', async () => {
    const { reply } = await t.slash('plans');
    expect(reply.via).toBe('ack');
    const shown = visibleText(reply.body);
    expect(shown).toContain('吹田市第4期情報化推進計画（suita-4）令和元年度〜令和5年度・アクションプラン20件（既定）');
    expect(shown).toContain('`/plan 5期 3`');
  });
});
