/**
 * `/plan` through Bolt's real HTTP receiver: requests signed and encoded exactly as Slack
 * sends them, answers read where Slack would get them (the HTTP ack, which carries the
 * answer, and the response_url on the Web API stand-in, which the form's refusals and
 * late answers use).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ja } from '../../../../src/messages/ja.ts';
import { checkLimits } from '../../../../src/render/blocks/limits.ts';
import { RECORD_FIGURE_ACTION_ID, SHOW_CHART_ACTION_ID } from '../../../../src/render/blocks/ids.ts';
import { FIGURE_FORM_BLOCK_IDS, FIGURE_FORM_CALLBACK_ID } from '../../../../src/render/blocks/record-figure-modal.ts';
import {
  DEFAULT_USER_ID,
  startTestBot,
  TEST_ADMIN_ID,
  visibleText,
  type TestBot,
} from '../../../support/plan-bot.ts';
import {
  blockOf,
  initialValue,
  metadataOf,
  optionValues,
  requestForm,
  textOf,
  type ModalJson,
} from '../../../support/record-figure-form.ts';
import { postSigned, signSlackRequest, slashCommandBody } from '../../../support/signed-request.ts';
import { recordFor13, thirteen } from '../../../support/temp-db.ts';
import { prepareDatabase } from '../../../../src/store/prepare.ts';

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot();
});

afterAll(async () => {
  await t?.close();
});

/** Slack's own deadline for a slash command, measured from sending to the answer arriving. */
const SLACK_DEADLINE_MS = 3000;

/** Requests answered in their acknowledgement; none may also have posted to its response_url. */
const answeredInAck: string[] = [];

async function ask(text: string, fields = {}) {
  const sentAt = Date.now();
  const { http, reply, responsePath } = await t.slash(text, fields);
  expect(http.status).toBe(200);
  // The answer is the acknowledgement itself: one round trip, as JSON Slack shows as a message.
  expect(reply.via).toBe('ack');
  expect(http.contentType).toBe('application/json');
  expect(http.json).toEqual(reply.body);
  answeredInAck.push(responsePath);
  expect(reply.at - sentAt).toBeLessThan(SLACK_DEADLINE_MS);
  const body = reply.body;
  expect(checkLimits({ text: String(body.text ?? ''), blocks: (body.blocks ?? []) as never[] })).toEqual([]);
  return { body, shown: visibleText(body), fallback: String(body.text) };
}

describe('/plan <number>', () => {
  it('answers /plan 13 with ⑬ and its figures, privately, within Slack’s 3 seconds', async () => {
    const { body, shown, fallback } = await ask('13');

    expect(body.response_type).toBe('ephemeral');
    expect(fallback).toContain('⑬ 施設のＩＣＴ環境の充実');
    const blocks = body.blocks as Array<Record<string, any>>;
    expect(blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: '⑬ 施設のＩＣＴ環境の充実' } });
    expect(shown).toContain('基本方針2：市民を守るICT');
    expect(shown).toContain('取組：防災・防犯');
    expect(shown).toContain('*無線LANアクセス回数*');
    for (const year of ['令和元年度', '令和2年度', '令和3年度', '令和4年度', '令和5年度']) expect(shown).toContain(`*${year}*`);
    expect(shown).toContain('目標 1,000回 ／ 実績 5,270回　✅ 達成');
    expect(shown).toContain('目標 7,000回 ／ 実績 —　⚠️ 未提出（期限超過）');
    expect(shown).toContain('令和2年度の達成率 166%');
    expect(shown).toContain('進捗状況（令和2年度評価）');
    expect(shown).toContain('吹田市公衆無線LAN');

    const buttons = blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements);
    expect(buttons).toEqual([
      expect.objectContaining({ type: 'button', action_id: RECORD_FIGURE_ACTION_ID, value: '13', text: expect.objectContaining({ text: ja.plan.recordButton }) }),
      expect.objectContaining({ type: 'button', action_id: SHOW_CHART_ACTION_ID, value: '13', text: expect.objectContaining({ text: ja.visual.chart.button }) }),
    ]);
  });

  it.each(['⑬', '013', '１３', '  13  '])('reads %j as action plan 13', async (text) => {
    const { fallback } = await ask(text);
    expect(fallback).toContain('⑬ 施設のＩＣＴ環境の充実');
  });

  it('posts the same answer for the whole channel with share, naming who shared it', async () => {
    const { body, shown } = await ask('13 share');
    expect(body.response_type).toBe('in_channel');
    expect(shown).toContain('⑬ 施設のＩＣＴ環境の充実');
    expect(shown).toContain(`<@${DEFAULT_USER_ID}>`);
  });
});

describe('/plan lists', () => {
  // #13 changed these lines on purpose: the grade leads (③ D and ⑤ A differ at a glance) and
  // the missing years follow apart, instead of one worst status (⚠️ 未提出（期限超過）) for all.
  it.each(['', 'list', '一覧'])('answers %j with all 20 action plans, one line each with its grade', async (text) => {
    const { body, shown } = await ask(text);
    expect(body.response_type).toBe('ephemeral');
    expect(shown).toContain(ja.list.title);
    expect(shown).toContain('20件');
    for (let n = 1; n <= 20; n++) expect(shown).toContain(ja.circled(n));
    expect(shown).toContain('🟢 *⑬ 施設のＩＣＴ環境の充実*　令和2年度 評価 A ／ ⚠️ 令和3〜5年度 実績未入力 ／ 防災・防犯');
    expect(shown).toContain('🔴 *③ 納税者の利便性向上*　令和2年度 評価 D ／ ⚠️ 令和3〜5年度 実績未入力 ／ 手続');
    expect(shown).toContain('🟢 *⑤ ホームページ等における情報発信の充実*　令和2年度 評価 A');
  });

  it('finds Wi-Fi when people type wifi', async () => {
    const { shown } = await ask('search wifi');
    expect(shown).toContain('⑬ 施設のＩＣＴ環境の充実');
    expect(shown).toContain('1件');
  });

  it('searches names, indicators, themes and narratives in Japanese', async () => {
    const { shown } = await ask('search 防犯');
    expect(shown).toContain('「防犯」の検索結果');
    expect(shown).toContain('⑮ 街頭防犯カメラの多目的利用の推進');
    expect(shown).not.toContain('① ');
  });

  it('says so when a search finds nothing', async () => {
    const { shown } = await ask('search 存在しない言葉');
    expect(shown).toContain('「存在しない言葉」に一致するアクションプランはありません。');
  });

  it.each([
    ['policy 1', '基本方針1：市民のためのサービスデザイン'],
    ['policy 3', '基本方針3：業務改善を支えるICT'],
    ['theme 防災・防犯', '取組テーマ：防災・防犯'],
    ['theme 防災', '取組テーマ：防災・防犯'],
  ])('answers /plan %s', async (text, title) => {
    const { shown } = await ask(text);
    expect(shown).toContain(title);
  });

  it('shares a list with the channel', async () => {
    const { body } = await ask('policy 2 share');
    expect(body.response_type).toBe('in_channel');
  });
});

describe('/plan N says how the plan is doing (#13)', () => {
  it('shows 評価期間前 for ⑥ GIS in FY2020, not 目標なし', async () => {
    const { shown } = await ask('6');
    expect(shown).toContain('*令和2年度*　目標 — ／ 実績 —　➖ 評価期間前');
    expect(shown).not.toContain('目標なし');
  });

  it('shows ② its 件 counts from the figure note', async () => {
    const { shown } = await ask('2');
    expect(shown).toContain('注記（令和2年度の実績）：進捗ページでは件数も併記：目標 650件（0.9%）、実績 1,730件（4.04%）。');
  });

  it('leads ⑬ with its grade, the trend, then the missing years', async () => {
    const { shown, fallback } = await ask('13');
    expect(fallback).toBe('⑬ 施設のＩＣＴ環境の充実 — 令和2年度 評価 A（達成率 166%）');
    expect(shown).toContain('*令和2年度 評価 A（達成率 166%）*\n令和元年度の評価 A から → 変わらず\n⚠️ 令和3〜5年度 実績未入力');
  });

  it('gives ④ its gap in points, never a ratio of two rates', async () => {
    const { shown } = await ask('4');
    expect(shown).toContain('評価 D（目標との差 ▲26.68ポイント）');
    // Before #13 its latest line read 達成率 ▲167%: a ratio of a fall to a rise.
    expect(shown).toContain('令和2年度の目標との差 ▲26.68ポイント');
    expect(shown).not.toContain('達成率 ▲');
  });
});

describe('/plan other verbs', () => {
  it('answers /plan overdue as of the clock’s day', async () => {
    const { shown } = await ask('overdue');
    expect(shown).toContain('期限を過ぎた未提出の実績（2024年8月1日時点）');
    expect(shown).toContain('⑬ 施設のＩＣＴ環境の充実');
  });

  it('answers /plan overdue for a day with nothing overdue', async () => {
    const { shown } = await ask('overdue 2020-01-01');
    expect(shown).toContain('2020年1月1日時点で期限を過ぎた未提出の実績はありません。');
  });

  it('reads the --date forms of /plan overdue', async () => {
    for (const text of ['overdue --date 2020-01-01', 'overdue --date=2020-01-01', '未提出 2020-01-01']) {
      const { shown } = await ask(text);
      expect(shown, text).toContain('2020年1月1日時点で期限を過ぎた未提出の実績はありません。');
    }
  });

  it('keeps /plan alerts for admins', async () => {
    const { shown } = await ask('alerts');
    expect(shown).toContain(ja.errors.adminsOnly);
  });

  it('answers /plan help with every form of the grammar', async () => {
    const { shown } = await ask('help');
    expect(shown).toContain(ja.help.title);
    for (const [usage] of Object.values(ja.help.usage)) expect(shown).toContain(usage.split(/\s{2,}/)[0]);
  });

  it('answers /plan history 13', async () => {
    const { shown } = await ask('history 13');
    expect(shown).toContain('⑬ 施設のＩＣＴ環境の充実 実績の履歴');
    expect(shown).toContain('5,270回');
    // Dated by the plan document, which is named once (it was 計画資料・<when the database was made>・計画資料).
    expect(shown).toContain('● 令和元年度：5,270回（計画資料・2021年10月1日）');
  });

  it('opens the figure form for /plan report 13 by an admin, with the command’s trigger_id', async () => {
    const form = await requestForm(t, 'report 13', TEST_ADMIN_ID);
    expect(form.http.status).toBe(200);
    expect(form.http.text).toBe('');
    expect(form.reply).toBeUndefined();
    // trigger_ids expire 3 seconds after Slack sent them.
    expect(form.opened!.at - form.sentAt).toBeLessThan(SLACK_DEADLINE_MS);
    expect(form.opened!.token).toBe(t.config.botToken);

    const view = form.opened!.body.view as ModalJson;
    expect(view).toMatchObject({ type: 'modal', callback_id: FIGURE_FORM_CALLBACK_ID, title: { text: '⑬ 実績の入力' } });
    expect(textOf(view, FIGURE_FORM_BLOCK_IDS.heading)).toContain('⑬ 施設のＩＣＴ環境の充実');
    // One indicator: named, not offered as a choice.
    expect(blockOf(view, FIGURE_FORM_BLOCK_IDS.indicator)).toBeUndefined();
    expect(textOf(view, FIGURE_FORM_BLOCK_IDS.indicatorInfo)).toContain('無線LANアクセス回数');
    // Years that have begun; the earliest overdue one chosen (FY2019 and FY2020 have actuals).
    expect(optionValues(view, FIGURE_FORM_BLOCK_IDS.fiscalYear)).toEqual(['2019', '2020', '2021', '2022', '2023']);
    expect(initialValue(view, FIGURE_FORM_BLOCK_IDS.fiscalYear)).toBe('2021');
    const figures = textOf(view, FIGURE_FORM_BLOCK_IDS.figures);
    expect(figures).toContain('令和3年度の目標：7,000回');
    expect(figures).toContain(ja.record.noActual);
    expect(metadataOf(view)).toMatchObject({ actionPlanNumber: 13, indicatorId: expect.any(Number) });
  });

  it('refuses /plan report 13 to someone neither owner nor admin, naming who may record', async () => {
    const form = await requestForm(t, 'report 13', DEFAULT_USER_ID);
    expect(form.opened).toBeUndefined();
    expect(form.reply!.body.response_type).toBe('ephemeral');
    expect(visibleText(form.reply!.body)).toContain(`⑬ の実績を入力できるのは 管理者（<@${TEST_ADMIN_ID}>）`);
  });

  it.each([
    ['report 99', 'アクションプラン 99 はありません。'],
    ['report abc', '「abc」はアクションプラン番号として使えません。'],
    ['report', '指定が足りません。'],
  ])('answers /plan %s with what is wrong, not a form', async (text, expected) => {
    const form = await requestForm(t, text, TEST_ADMIN_ID);
    expect(form.opened).toBeUndefined();
    expect(visibleText(form.reply!.body)).toContain(expected);
    expect(t.standIn.callsTo('views.open').filter((c) => c.body.trigger_id === form.triggerId)).toEqual([]);
  });

  it('lists owners, and lets only admins change them', async () => {
    const refused = await ask('owner 13 add <@U0NEW|new>');
    expect(refused.shown).toContain(ja.errors.adminsOnly);

    const added = await ask('owner 13 add <@U0NEW|new>', { user_id: TEST_ADMIN_ID });
    expect(added.shown).toContain(ja.owners.added('<@U0NEW>'));

    const { shown } = await ask('13');
    expect(shown).toContain('担当：<@U0NEW>');
  });
});

describe('/plan with input it cannot answer', () => {
  it.each([
    ['a number past ⑳', '99', 'アクションプラン 99 はありません。1〜20 の番号を指定してください。'],
    ['zero', '0', '「0」はアクションプラン番号として使えません。'],
    ['a negative number', '-1', '「-1」はアクションプラン番号として使えません。'],
    ['a word it does not know', 'abc', '「abc」は分かりませんでした。'],
    ['an emoji', '🎉', '「🎉」は分かりませんでした。'],
    ['a policy that does not exist', 'policy 4', '基本方針 4 はありません。'],
    ['a theme that does not exist', 'theme 宇宙', '取組テーマ「宇宙」はありません。'],
    ['words after a number', '13 14', '「14」は不要です。'],
    ['a verb without its argument', 'search', '指定が足りません。'],
    ['SQL after a number', "13'; DROP TABLE action_plan; --", "「13';」はアクションプラン番号として使えません。"],
    ['SQL on its own', "' OR 1=1 --", "「'」は分かりませんでした。"],
    ['3000 characters', 'x'.repeat(3000), '入力が長すぎます（3000文字）。'],
  ])('answers %s with what was not understood', async (_what, text, expected) => {
    const { body, shown } = await ask(text);
    expect(body.response_type).toBe('ephemeral');
    expect(shown).toContain(expected);
  });

  it('adds the usage to grammar mistakes', async () => {
    const { shown } = await ask('abc');
    expect(shown).toContain(`*${ja.slack.usage}*`);
    expect(shown).toContain('`/plan 13`');
    expect(shown).toContain(ja.errors.seeHelp);
  });

  it('treats repeated search words as one', async () => {
    const { shown } = await ask('search 防犯 防犯 防犯');
    expect(shown).toContain('「防犯」の検索結果');
  });

  it('never lets typed text mention the channel or forge a link', async () => {
    const { shown } = await ask('<!channel> <https://evil.example|click>');
    expect(shown).toContain('&lt;!channel&gt;');
    expect(shown).not.toMatch(/<!channel>/);
  });

  it('still has every action plan after SQL-looking input', async () => {
    await ask("search '); DELETE FROM action_plan; --");
    const { shown } = await ask('list');
    expect(shown).toContain('20件');
  });

  it('answers with the internal-error message when a handler throws, instead of staying silent', async () => {
    t.failNextClock();
    const { body } = await ask('13');
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toBe(ja.errors.internal);
    expect(t.logs.join('\n')).toContain('clock stopped (test)');
  });
});

describe('requests Slack did not sign', () => {
  const quietly = () => new Promise((r) => setTimeout(r, 300));

  it('rejects a forged signature with 401 and answers nothing', async () => {
    const responseUrl = t.standIn.responseUrl('forged');
    const body = slashCommandBody({ text: '13', response_url: responseUrl });
    const res = await postSigned(t.eventsUrl, body, {
      signingSecret: 'not-the-secret',
    });
    expect(res.status).toBe(401);
    await quietly();
    expect(t.standIn.callsTo('response_url').filter((c) => c.path === '/respond/forged')).toEqual([]);
  });

  it('rejects a signature made for another body', async () => {
    const responseUrl = t.standIn.responseUrl('tampered');
    const now = Math.floor(Date.now() / 1000);
    const signed = slashCommandBody({ text: '13', response_url: responseUrl });
    const sent = slashCommandBody({ text: '13 share', response_url: responseUrl });
    const res = await postSigned(t.eventsUrl, sent, {
      signingSecret: 'unused',
      timestampSeconds: now,
      signature: signSlackRequest(t.config.signingSecret!, now, signed),
    });
    expect(res.status).toBe(401);
    await quietly();
    expect(t.standIn.callsTo('response_url').filter((c) => c.path === '/respond/tampered')).toEqual([]);
  });

  it('rejects a correctly signed request older than five minutes', async () => {
    const responseUrl = t.standIn.responseUrl('stale');
    const res = await postSigned(t.eventsUrl, slashCommandBody({ text: '13', response_url: responseUrl }), {
      signingSecret: t.config.signingSecret!,
      timestampSeconds: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(res.status).toBe(401);
    await quietly();
    expect(t.standIn.callsTo('response_url').filter((c) => c.path === '/respond/stale')).toEqual([]);
  });
});

describe('/plan close and /plan reopen', () => {
  it('lets only an admin close the ended plan; its missing actuals then say 計画期間終了 until reopened', async () => {
    expect((await ask('close')).shown).toContain(ja.errors.adminsOnly);
    expect((await ask('overdue')).shown).toContain('⑬ 施設のＩＣＴ環境の充実');

    const closed = await ask('close', { user_id: TEST_ADMIN_ID });
    expect(closed.shown).toContain('吹田市第4期情報化推進計画を計画期間終了としました（2024年8月1日）');
    const overdue = await ask('overdue');
    expect(overdue.shown).toContain('計画期間終了：2024年8月1日に計画を終了としたため');
    expect(overdue.shown).not.toContain('⑬');
    const thirteen = await ask('13');
    expect(thirteen.shown).toContain('➖ 令和3〜5年度 実績未入力（計画期間終了）');
    expect(thirteen.shown).not.toContain('期限超過');
    expect((await ask('close', { user_id: TEST_ADMIN_ID })).shown).toContain('すでに計画期間終了です');

    expect((await ask('reopen', { user_id: TEST_ADMIN_ID })).shown).toContain('を再開しました');
    expect((await ask('overdue')).shown).toContain('⑬ 施設のＩＣＴ環境の充実');
    expect((await ask('13')).shown).toContain('⚠️ 令和3〜5年度 実績未入力');
  });
});

describe('answers kept in memory', () => {
  it('show a figure recorded since in the very next answer, from this process or another', async () => {
    const { indicatorId } = await thirteen(t.db);
    // Asked twice, so the second answer came from the answer cache.
    await ask('13');
    const cached = await ask('13');
    expect(cached.shown).toContain('目標 10,000回 ／ 実績 —');

    await recordFor13(t.db, indicatorId, { value: 10_250, fiscalYear: 2022 });
    const afterOwnWrite = await ask('13');
    expect(afterOwnWrite.shown).toContain('目標 10,000回 ／ 実績 10,250回　✅ 達成');

    // Another connection to the same file stands for the alert job or a second process.
    const other = await prepareDatabase(t.config.database);
    try {
      await recordFor13(other, indicatorId, { value: 11_000, fiscalYear: 2023 });
    } finally {
      await other.destroy();
    }
    const afterOtherWrite = await ask('13');
    expect(afterOtherWrite.shown).toContain('目標 12,000回 ／ 実績 11,000回');
    expect(afterOtherWrite.shown).toContain('実績 10,250回');
  });
});

describe('an answer not ready in time', () => {
  // A bot of its own, with a short deadline, whose queries can be slowed down.
  let late: TestBot;
  const DEADLINE_MS = 150;
  beforeAll(async () => {
    late = await startTestBot({ deps: { answerDeadlineMs: DEADLINE_MS } });
  });
  afterAll(async () => {
    await late?.close();
  });

  it('is acknowledged with 作成中… at the deadline and follows on the response_url', async () => {
    late.slowQueries(400);
    try {
      const sentAt = Date.now();
      const { http, reply } = await late.slash('13');
      expect(http.status).toBe(200);
      expect(http.json).toEqual({ response_type: 'ephemeral', text: ja.answerTiming.preparing });
      // At the deadline, not after the work: that takes several slowed queries.
      expect(http.elapsedMs).toBeLessThan(1000);
      expect(reply.via).toBe('response_url');
      // Later than the ack: at least one slowed query ran after it.
      expect(reply.at - sentAt).toBeGreaterThanOrEqual(400);
      expect(reply.body.response_type).toBe('ephemeral');
      expect(String(reply.body.text)).toContain('⑬ 施設のＩＣＴ環境の充実');
      expect(late.logs.join('\n')).toContain(`/plan took longer than ${DEADLINE_MS} ms`);
    } finally {
      late.slowQueries(0);
    }
  });

  it('posts a late shared answer for the whole channel', async () => {
    late.slowQueries(300);
    try {
      const { reply } = await late.slash('list share');
      expect(reply.via).toBe('response_url');
      expect(reply.body.response_type).toBe('in_channel');
    } finally {
      late.slowQueries(0);
    }
  });

  it('still writes once and says so for a slow owner change', async () => {
    late.slowQueries(300);
    try {
      const { http, reply } = await late.slash('owner 13 add <@U0LATE|late>', { user_id: TEST_ADMIN_ID });
      expect(http.json).toEqual({ response_type: 'ephemeral', text: ja.answerTiming.preparing });
      expect(reply.via).toBe('response_url');
      expect(visibleText(reply.body)).toContain(ja.owners.added('<@U0LATE>'));
    } finally {
      late.slowQueries(0);
    }
    const owners = await late.db.selectFrom('action_plan_owner').select('slack_user_id').where('slack_user_id', '=', 'U0LATE').execute();
    expect(owners).toHaveLength(1);
  });

  it('answers in the acknowledgement again once queries are quick', async () => {
    const { reply } = await late.slash('list');
    expect(reply.via).toBe('ack');
    expect(visibleText(reply.body)).toContain('20件');
  });
});

describe('the response_url', () => {
  it('was never used for an answer that went in the acknowledgement', async () => {
    expect(answeredInAck.length).toBeGreaterThan(30);
    await new Promise((r) => setTimeout(r, 200));
    const used = new Set(t.standIn.callsTo('response_url').map((c) => c.path));
    expect(answeredInAck.filter((path) => used.has(path))).toEqual([]);
  });
});

describe('logs', () => {
  it('never contain the bot token or the signing secret', () => {
    const all = t.logs.join('\n');
    expect(all).not.toContain(t.config.botToken);
    expect(all).not.toContain(t.config.signingSecret!);
  });
});
