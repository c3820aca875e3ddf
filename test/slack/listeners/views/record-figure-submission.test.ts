/**
 * "Record" pressed in the figure form: signed view_submission payloads through Bolt's real
 * HTTP receiver, a real SQLite file behind it, and every Slack call read off the stand-in.
 *
 * The clock stands at 1 July 2024: every year of the plan (FY2019–FY2023) has closed and its
 * due date (30 June) passed, so a missing actual is overdue and a recorded one is final.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ja } from '../../../../src/messages/ja.ts';
import { FIGURE_FORM_BLOCK_IDS } from '../../../../src/render/blocks/record-figure-modal.ts';
import { startTestBot, TEST_ADMIN_ID, visibleText, type TestBot } from '../../../support/plan-bot.ts';
import {
  indicatorId,
  initialValue,
  metadataOf,
  openForm,
  postsTo,
  revisionCount,
  revisionsOf,
  settled,
  submitForm,
  textOf,
  waitFor,
  type FormFields,
  type ModalJson,
} from '../../../support/record-figure-form.ts';

const ALERT_CHANNEL = 'C0ALERTS';
const JULY_2024 = new Date('2024-07-01T09:00:00+09:00');
const STAFF = 'U0STAFF';
const OWNER = 'U0OWNER13';

let t: TestBot;
/** One form per action plan, opened by the admin through `/plan report N`. */
const forms = new Map<number, ModalJson>();

beforeAll(async () => {
  t = await startTestBot({ env: { ALERT_CHANNEL }, now: JULY_2024 });
});

afterAll(async () => {
  await t?.close();
});

async function formFor(n: number): Promise<ModalJson> {
  let form = forms.get(n);
  if (!form) forms.set(n, (form = await openForm(t, n)));
  return form;
}

async function slash(text: string, userId = STAFF) {
  const { http, reply } = await t.slash(text, { user_id: userId });
  expect(http.status).toBe(200);
  return visibleText(reply.body);
}

/** A submission the bot must accept: the modal closes (an empty 200), and its posts are done. */
async function record(n: number, fields: FormFields, userId = TEST_ADMIN_ID) {
  const http = await submitForm(t, await formFor(n), fields, { userId });
  expect(http.status).toBe(200);
  expect(http.text).toBe('');
  await settled(t);
  return http;
}

describe('a figure recorded through the form', () => {
  it('stores ⑬ FY2021 = 6,543 for an admin, closes the modal, and /plan 13 shows it missed against 7,000', async () => {
    const form = await formFor(13);
    expect(initialValue(form, FIGURE_FORM_BLOCK_IDS.fiscalYear)).toBe('2021');
    const sentAt = Date.now();
    const http = await record(13, { value: '6,543' });
    // Slack waits 3 seconds for the answer to a view_submission.
    expect(http.elapsedMs).toBeLessThan(3000);
    expect(Date.now() - sentAt).toBeLessThan(3000);

    expect(await revisionsOf(t.db, 13, 2021)).toEqual([
      { id: expect.any(Number), value: 6543, provisional: 0, recorded_by: TEST_ADMIN_ID, source: 'slack', note: null, current: true },
    ]);
    const shown = await slash('13');
    expect(shown).toContain('*令和3年度*　目標 7,000回 ／ 実績 6,543回　❌ 未達成');
  });

  it('tells the person in a DM from the bot what was stored and how it stands', async () => {
    const [dm] = postsTo(t.standIn, TEST_ADMIN_ID);
    expect(dm).toBeDefined();
    expect(String(dm!.body.text)).toContain('6,543回');
    const shown = visibleText(dm!.body);
    expect(shown).toContain(ja.record.saved.title('⑬', '施設のＩＣＴ環境の充実'));
    expect(shown).toContain('無線LANアクセス回数　令和3年度の実績 6,543回');
    expect(shown).toContain('❌ 目標 7,000回 に対して 未達成');
  });

  it('posts the one-line notice to ALERT_CHANNEL', async () => {
    const [notice] = postsTo(t.standIn, ALERT_CHANNEL);
    expect(String(notice!.body.text)).toContain('⑬ 令和3年度 実績 6,543回 を記録');
    expect(String(notice!.body.text)).toContain(`<@${TEST_ADMIN_ID}>`);
    expect(notice!.token).toBe(t.config.botToken);
  });

  it.each<[string, number, number, FormFields, number]>([
    ['full-width digits', 13, 2022, { value: '１２３４' }, 1234],
    ['a percentage with its sign', 1, 2021, { value: '32.8%' }, 32.8],
    ['the accounting minus on a rate that may fall', 4, 2021, { value: '▲16.68' }, -16.68],
    ['the unit typed after the number', 11, 2021, { value: '15分' }, 15],
    ['万 with a decimal, in full-width', 13, 2022, { value: '１．２万' }, 12000],
    ['a note beside the figure', 13, 2023, { value: '8000', note: '9月末時点' }, 8000],
  ])('accepts %s (action plan %i, FY%i)', async (_what, n, fy, fields, stored) => {
    // ⑪ has two indicators: its first (最大待ち時間, in minutes) is chosen explicitly.
    const chosen = n === 11 ? { indicatorId: await indicatorId(t.db, 11, 1) } : {};
    await record(n, { fiscalYear: fy, ...chosen, ...fields });
    const current = (await revisionsOf(t.db, n, fy)).find((r) => r.current);
    expect(current).toMatchObject({ value: stored, provisional: 0, source: 'slack', note: fields.note ?? null });
  });
});

describe('a submission refused in the modal', () => {
  const e = ja.record.fieldErrors;
  const plan = (first: string, last: string) => e.outsidePlanPeriod(first, last);

  it.each<[string, number, FormFields, Record<string, string>]>([
    ['words', 13, { value: 'abc' }, { [FIGURE_FORM_BLOCK_IDS.value]: e.notANumber('abc') }],
    ['nothing', 13, { value: '' }, { [FIGURE_FORM_BLOCK_IDS.value]: e.empty }],
    ['blanks', 13, { value: '   ' }, { [FIGURE_FORM_BLOCK_IDS.value]: e.empty }],
    ['an exponent', 13, { value: '1e12' }, { [FIGURE_FORM_BLOCK_IDS.value]: e.notANumber('1e12') }],
    ['a trillion', 13, { value: '1,000,000,000,000' }, { [FIGURE_FORM_BLOCK_IDS.value]: e.tooLarge('1,000,000,000') }],
    ['two billion', 13, { value: '2000000000' }, { [FIGURE_FORM_BLOCK_IDS.value]: e.tooLarge('1,000,000,000') }],
    ['a negative count', 13, { value: '-5' }, { [FIGURE_FORM_BLOCK_IDS.value]: e.negativeNotAllowed }],
    ['a negative count in ▲', 13, { value: '▲5' }, { [FIGURE_FORM_BLOCK_IDS.value]: e.negativeNotAllowed }],
    ['a percent sign on a count', 13, { value: '12%' }, { [FIGURE_FORM_BLOCK_IDS.value]: e.percentSignOnNonPercent('回') }],
    ['yen on a count', 13, { value: '５円' }, { [FIGURE_FORM_BLOCK_IDS.value]: e.unknownUnit('円', ['回', 'times', 'time']) }],
    ['kilo in Latin', 13, { value: '5k' }, { [FIGURE_FORM_BLOCK_IDS.value]: e.unknownUnit('k', ['回', 'times', 'time']) }],
    ['scale words out of order', 13, { value: '3千2万' }, { [FIGURE_FORM_BLOCK_IDS.value]: e.ambiguousScale('3千2万') }],
    ['万 on a percentage (①)', 1, { value: '1万%' }, { [FIGURE_FORM_BLOCK_IDS.value]: e.scaleOnPercent('1万') }],
    ['five decimals', 13, { value: '1.23456' }, { [FIGURE_FORM_BLOCK_IDS.value]: e.tooPrecise }],
    ['150% of a 0–100 percentage (①)', 1, { value: '150%' }, { [FIGURE_FORM_BLOCK_IDS.value]: e.aboveMax('100%') }],
    ['150 of a 0–100 percentage (⑧)', 8, { value: '150' }, { [FIGURE_FORM_BLOCK_IDS.value]: e.aboveMax('100%') }],
    ['a note of 600 characters', 13, { value: '10', note: 'あ'.repeat(600) }, { [FIGURE_FORM_BLOCK_IDS.note]: e.noteTooLong(600, 500) }],
    ['a year after the plan (2030)', 13, { value: '10', fiscalYear: 2030 }, { [FIGURE_FORM_BLOCK_IDS.fiscalYear]: plan('令和元年度', '令和5年度') }],
    ['a year before the plan (2018)', 13, { value: '10', fiscalYear: 2018 }, { [FIGURE_FORM_BLOCK_IDS.fiscalYear]: plan('令和元年度', '令和5年度') }],
    ['a year that is not a year', 13, { value: '10', fiscalYear: 'FY21' }, { [FIGURE_FORM_BLOCK_IDS.fiscalYear]: e.fiscalYearRequired }],
    ['no year', 13, { value: '10', fiscalYear: null }, { [FIGURE_FORM_BLOCK_IDS.fiscalYear]: e.fiscalYearRequired }],
    ['no indicator chosen (⑧)', 8, { value: '10', indicatorId: null }, { [FIGURE_FORM_BLOCK_IDS.indicator]: e.indicatorRequired }],
    [
      'everything wrong at once',
      13,
      { value: 'abc', fiscalYear: 2030, note: 'x'.repeat(501) },
      {
        [FIGURE_FORM_BLOCK_IDS.fiscalYear]: plan('令和元年度', '令和5年度'),
        [FIGURE_FORM_BLOCK_IDS.value]: e.notANumber('abc'),
        [FIGURE_FORM_BLOCK_IDS.note]: e.noteTooLong(501, 500),
      },
    ],
  ])('answers %s with errors under the fields, storing nothing', async (_what, n, fields, errors) => {
    const form = await formFor(n);
    const before = await revisionCount(t.db);
    const http = await submitForm(t, form, fields);
    expect(http.status).toBe(200);
    expect(http.json).toEqual({ response_action: 'errors', errors });
    expect(await revisionCount(t.db)).toBe(before);
  });

  it('names an indicator of another action plan as not this one’s', async () => {
    const form = await formFor(8);
    const before = await revisionCount(t.db);
    const http = await submitForm(t, form, { value: '10', indicatorId: await indicatorId(t.db, 13) });
    expect(http.json).toEqual({ response_action: 'errors', errors: { [FIGURE_FORM_BLOCK_IDS.indicator]: e.unknownIndicator } });
    expect(await revisionCount(t.db)).toBe(before);
  });

  it('asks for a fresh form when private_metadata was forged or mangled', async () => {
    const form = await formFor(13);
    const meta = metadataOf(form);
    const before = await revisionCount(t.db);
    const stale = { response_action: 'errors', errors: { [FIGURE_FORM_BLOCK_IDS.value]: e.staleForm } };
    for (const privateMetadata of [
      'not json',
      '',
      JSON.stringify({ ...meta, actionPlanNumber: 99 }),
      JSON.stringify({ ...meta, planId: meta.planId + 1 }),
      JSON.stringify({ ...meta, actionPlanNumber: '13; DROP TABLE actual_revision' }),
      'x'.repeat(4000),
    ]) {
      const http = await submitForm(t, form, { value: '10' }, { privateMetadata });
      expect(http.json, privateMetadata.slice(0, 40)).toEqual(stale);
    }
    // ⑬ has one indicator, so the id rides in the metadata; ⑭'s is not ⑬'s to record.
    const other = await submitForm(t, form, { value: '10' }, {
      privateMetadata: JSON.stringify({ ...meta, indicatorId: await indicatorId(t.db, 14) }),
    });
    expect(other.json).toEqual({ response_action: 'errors', errors: { [FIGURE_FORM_BLOCK_IDS.value]: e.unknownIndicator } });
    expect(await revisionCount(t.db)).toBe(before);
  });
});

describe('who may record', () => {
  it('refuses a forged view from someone neither owner nor admin, naming who may, storing nothing', async () => {
    const before = await revisionCount(t.db);
    const http = await submitForm(t, await formFor(13), { value: '9999' }, { userId: STAFF });
    expect(http.status).toBe(200);
    const answer = http.json as { response_action: string; view: ModalJson };
    expect(answer.response_action).toBe('update');
    expect(answer.view.submit).toBeUndefined();
    const words = textOf(answer.view);
    expect(words).toContain('⑬ の実績を入力できるのは');
    expect(words).toContain(`管理者（<@${TEST_ADMIN_ID}>）`);
    expect(await revisionCount(t.db)).toBe(before);
    expect(postsTo(t.standIn, STAFF)).toEqual([]);
  });

  it('lets an owner added by an admin record for their action plan, and only that one', async () => {
    const added = await slash(`owner 13 add <@${OWNER}|owner>`, TEST_ADMIN_ID);
    expect(added).toContain(ja.owners.added(`<@${OWNER}>`));

    const own = await openForm(t, 13, OWNER);
    expect(metadataOf(own).actionPlanNumber).toBe(13);
    const http = await submitForm(t, own, { value: '7,050', fiscalYear: 2022 }, { userId: OWNER });
    expect(http.text).toBe('');
    await settled(t);
    const current = (await revisionsOf(t.db, 13, 2022)).find((r) => r.current);
    expect(current).toMatchObject({ value: 7050, recorded_by: OWNER });

    const before = await revisionCount(t.db);
    const forged = await submitForm(t, await formFor(14), { value: '20' }, { userId: OWNER });
    expect((forged.json as { response_action: string }).response_action).toBe('update');
    expect(await revisionCount(t.db)).toBe(before);
  });
});

describe('two people recording the same figure at once', () => {
  it('stores both revisions, keeps the later one current, and answers both with a closed modal', async () => {
    const form = await formFor(13);
    const before = await revisionsOf(t.db, 13, 2020);
    const [a, b] = await Promise.all([
      submitForm(t, form, { value: '5,001', fiscalYear: 2020 }),
      submitForm(t, form, { value: '5,002', fiscalYear: 2020 }),
    ]);
    for (const http of [a!, b!]) {
      expect(http.status).toBe(200);
      expect(http.text).toBe('');
    }
    await settled(t);

    const after = await revisionsOf(t.db, 13, 2020);
    expect(after).toHaveLength(before.length + 2);
    const added = after.slice(before.length);
    expect(added.map((r) => r.value).sort()).toEqual([5001, 5002]);
    // The one that committed last (the higher id) is current; the seeded value stays as history.
    expect(after.filter((r) => r.current)).toEqual([added[1]]);
    expect(after[0]).toMatchObject({ value: 4991, source: 'seed', current: false });

    const history = await slash('history 13');
    for (const value of ['5,270回', '4,991回', '5,001回', '5,002回', '6,543回']) expect(history).toContain(value);
  });
});

describe('the same submission delivered twice', () => {
  it('stores one revision and sends one confirmation, answering both with a closed modal', async () => {
    const form = await formFor(13);
    const before = await revisionCount(t.db);
    const dmsBefore = postsTo(t.standIn, TEST_ADMIN_ID).length;
    // A replay within Slack's five-minute window carries the same view id: the same request.
    const first = await submitForm(t, form, { value: '7,777', fiscalYear: 2022 }, { viewId: 'V0REPLAYED' });
    await settled(t);
    const again = await submitForm(t, form, { value: '7,777', fiscalYear: 2022 }, { viewId: 'V0REPLAYED' });
    await settled(t);
    for (const http of [first, again]) {
      expect(http.status).toBe(200);
      expect(http.text).toBe('');
    }
    expect(await revisionCount(t.db)).toBe(before + 1);
    expect(postsTo(t.standIn, TEST_ADMIN_ID)).toHaveLength(dmsBefore + 1);
  });

  it('stores one revision when both copies arrive at the same moment', async () => {
    const form = await formFor(13);
    const before = await revisionCount(t.db);
    const both = await Promise.all([
      submitForm(t, form, { value: '7,778', fiscalYear: 2022 }, { viewId: 'V0TWICE' }),
      submitForm(t, form, { value: '7,778', fiscalYear: 2022 }, { viewId: 'V0TWICE' }),
    ]);
    await settled(t);
    for (const http of both) expect(http.status).toBe(200);
    expect(await revisionCount(t.db)).toBe(before + 1);
  });
});

describe('a corrected submission from the same view (#12.2)', () => {
  it('stores the corrected value as a new revision and confirms it, never dropping it as a replay', async () => {
    const form = await formFor(13);
    const before = await revisionCount(t.db);
    const dmsBefore = postsTo(t.standIn, TEST_ADMIN_ID).length;
    // The first ack was lost: the modal stayed open, the person fixed a typo and pressed Record again.
    const first = await submitForm(t, form, { value: '7,770', fiscalYear: 2022 }, { viewId: 'V0CORRECTED' });
    await settled(t);
    const corrected = await submitForm(t, form, { value: '7,707', fiscalYear: 2022 }, { viewId: 'V0CORRECTED' });
    await settled(t);
    for (const http of [first, corrected]) expect(http.status).toBe(200);
    expect(await revisionCount(t.db)).toBe(before + 2);
    expect((await revisionsOf(t.db, 13, 2022)).find((r) => r.current)).toMatchObject({ value: 7707 });
    const dms = postsTo(t.standIn, TEST_ADMIN_ID).slice(dmsBefore);
    expect(dms).toHaveLength(2);
    expect(JSON.stringify(dms[1]!.body)).toContain('7,707');
  });
});

describe('a Slack failure after the figure is stored', () => {
  it('keeps the figure and the closed modal when the confirmation cannot be posted', async () => {
    await settled(t);
    const failedBefore = t.standIn.callsTo('chat.postMessage').filter((c) => c.failed).length;
    // The client retries twice (app.ts); three 500s exhaust it.
    t.standIn.failNext('chat.postMessage', 3, { status: 500 });
    const http = await submitForm(t, await formFor(14), { value: '11', fiscalYear: 2021 });
    expect(http.status).toBe(200);
    expect(http.text).toBe('');
    await settled(t, 10_000);

    expect((await revisionsOf(t.db, 14, 2021)).find((r) => r.current)).toMatchObject({ value: 11 });
    expect(t.standIn.callsTo('chat.postMessage').filter((c) => c.failed).length - failedBefore).toBe(3);
    // The notice is a separate post and still goes out.
    const notice = await waitFor(
      () => postsTo(t.standIn, ALERT_CHANNEL).find((c) => String(c.body.text).startsWith('⑭ 令和3年度 実績 11人')),
      'the notice for ⑭',
    );
    expect(notice).toBeDefined();
    const logs = t.logs.join('\n');
    expect(logs).toContain('could not post the confirmation of a recorded figure (HTTP 500); the figure is stored');
    expect(logs).not.toContain(t.config.botToken);

    const shown = await slash('14');
    expect(shown).toContain('*令和3年度*　目標 12人 ／ 実績 11人　❌ 未達成');
  });
});

describe('a figure for a year still running', () => {
  beforeAll(() => t.setNow(new Date('2022-11-15T10:00:00+09:00')));
  afterAll(() => t.setNow(JULY_2024));

  it('stores it as provisional and shows it as 暫定', async () => {
    const form = await openForm(t, 20);
    expect(textOf(form, FIGURE_FORM_BLOCK_IDS.fiscalYear)).toContain('令和4年度');
    expect(textOf(form, FIGURE_FORM_BLOCK_IDS.fiscalYear)).not.toContain('令和5年度');
    const http = await submitForm(t, form, { value: '150', fiscalYear: 2022, note: '9月末時点' });
    expect(http.text).toBe('');
    await settled(t);

    expect((await revisionsOf(t.db, 20, 2022)).find((r) => r.current)).toMatchObject({ value: 150, provisional: 1 });
    const shown = await slash('20');
    expect(shown).toContain('*令和4年度*　目標 200人 ／ 実績 150人（暫定）');
    const dm = postsTo(t.standIn, TEST_ADMIN_ID).at(-1)!;
    expect(visibleText(dm.body)).toContain(ja.record.saved.provisional);
    expect(String(postsTo(t.standIn, ALERT_CHANNEL).at(-1)!.body.text)).toContain('⑳ 令和4年度 実績 150人（暫定） を記録');
  });

  it('refuses a year that has not begun', async () => {
    const before = await revisionCount(t.db);
    const http = await submitForm(t, await formFor(20), { value: '150', fiscalYear: 2023 });
    expect(http.json).toEqual({
      response_action: 'errors',
      errors: { [FIGURE_FORM_BLOCK_IDS.fiscalYear]: ja.record.fieldErrors.notStarted },
    });
    expect(await revisionCount(t.db)).toBe(before);
  });
});

describe('logs', () => {
  it('never contain the bot token or the signing secret', () => {
    const all = t.logs.join('\n');
    expect(all).not.toContain(t.config.botToken);
    expect(all).not.toContain(t.config.signingSecret!);
  });
});
