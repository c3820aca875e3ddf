/**
 * The committee's year in Slack, end to end through Bolt's real HTTP receiver: signed slash
 * commands, button clicks and modal submissions, a real SQLite file behind them, and every Slack
 * call read off the Web API stand-in. The steps build on each other, as a year does:
 * open → members grade in the modal → the office responds → the agreed grade → close.
 *
 * The clock stands at 15 July 2022: FY2020 has closed and is complete in the seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ja } from '../../../src/messages/ja.ts';
import { FIGURE_FORM_BLOCK_IDS } from '../../../src/render/blocks/record-figure-modal.ts';
import { ASSESSMENT_FORM, RESPONSE_FORM, REVIEW_ACTION_IDS, REVIEW_BLOCK_IDS } from '../../../src/render/blocks/review-ids.ts';
import { findPlan, loadActionPlan } from '../../../src/store/action-plans.ts';
import { addOwner } from '../../../src/store/owners.ts';
import { startTestBot, TEST_ADMIN_ID, TEST_SIGNING_SECRET, visibleText, type TestBot } from '../../support/plan-bot.ts';
import { openForm, postsTo, revisionCount, settled, submitForm, type ModalJson } from '../../support/record-figure-form.ts';
import {
  assessmentState,
  buttonsOf,
  click,
  modalOpenedBy,
  replyTo,
  responseState,
  submitModal,
} from '../../support/review.ts';
import { fakeTriggerId, postSigned, slashCommandBody } from '../../support/signed-request.ts';

const ALERT_CHANNEL = 'C0ALERTS';
const MEMBER = 'U0MEMBER1';
const OTHER_MEMBER = 'U0MEMBER2';
const OWNER = 'U0OWNER13';
const STAFF = 'U0STAFF';
const NOW = new Date('2022-07-15T10:00:00+09:00');

let t: TestBot;
/** The member's assessment modal for ⑬, as opened from the sheet's button. */
let assessmentModal: ModalJson;

beforeAll(async () => {
  t = await startTestBot({ env: { ALERT_CHANNEL, PLAN_COMMITTEE: `${MEMBER},${OTHER_MEMBER}` }, now: NOW });
  const plan = (await findPlan(t.db))!;
  const thirteen = (await loadActionPlan(t.db, plan.id, 13))!;
  await addOwner(t.db, { actionPlanId: thirteen.id, userId: OWNER, addedBy: TEST_ADMIN_ID, now: NOW });
});

afterAll(async () => {
  await t?.close();
});

async function slash(text: string, userId: string) {
  const { http, reply } = await t.slash(text, { user_id: userId });
  expect(http.status).toBe(200);
  await settled(t);
  return reply;
}

async function count(table: 'review' | 'review_assessment' | 'review_response' | 'review_agreed_grade' | 'review_closure') {
  const { n } = await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

describe('opening the review of FY2020', () => {
  it('is refused to an owner, storing nothing', async () => {
    const reply = await slash('review open 2020', OWNER);
    expect(visibleText(reply.body)).toContain(ja.errors.adminsOnly);
    expect(await count('review')).toBe(0);
  });

  it('locks the year for an admin, tells each member by DM and the alert channel in one line', async () => {
    const reply = await slash('review open 2020 meeting 2022-08-20', TEST_ADMIN_ID);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(visibleText(reply.body)).toContain(ja.review.opened.title('令和2年度'));
    expect(visibleText(reply.body)).toContain(ja.review.opened.notified(2));

    for (const member of [MEMBER, OTHER_MEMBER]) {
      const [dm] = postsTo(t.standIn, member);
      expect(dm, member).toBeDefined();
      expect(visibleText(dm!.body)).toContain(ja.review.notices.openedTitle('令和2年度'));
      expect(visibleText(dm!.body)).toContain(ja.review.notices.meeting('2022年8月20日'));
      expect(buttonsOf(dm!.body)).toContainEqual(expect.objectContaining({ action_id: REVIEW_ACTION_IDS.summary, value: '2020' }));
    }
    const lines = postsTo(t.standIn, ALERT_CHANNEL);
    expect(lines).toHaveLength(1);
    expect(String(lines[0]!.body.text)).toBe(ja.review.notices.channel('令和2年度', `<@${TEST_ADMIN_ID}>`, 2));
    expect(lines[0]!.body.blocks).toBeUndefined();
  });

  it('answers a replayed request (same trigger_id) as already done, with no second notice', async () => {
    const body = slashCommandBody({ text: 'review open 2021 force 集計遅延', user_id: TEST_ADMIN_ID, response_url: t.standIn.responseUrl(), trigger_id: fakeTriggerId() });
    const timestampSeconds = Math.floor(Date.now() / 1000);
    const first = await postSigned(t.eventsUrl, body, { signingSecret: TEST_SIGNING_SECRET, timestampSeconds });
    // Byte for byte again: the replay guard refuses it before any command runs (#12).
    const replay = await postSigned(t.eventsUrl, body, { signingSecret: TEST_SIGNING_SECRET, timestampSeconds });
    expect(replay.text).toContain(ja.hardening.replayed);
    // Slack's own retry signs the same body anew: the trigger_id stores it once.
    const retry = await postSigned(t.eventsUrl, body, { signingSecret: TEST_SIGNING_SECRET, timestampSeconds: timestampSeconds - 1 });
    await settled(t);
    // Both answers travel in their acknowledgements.
    const texts = [first, retry].map((r) => visibleText(r.json as Record<string, unknown>));
    expect(texts.filter((x) => x.includes(ja.review.opened.title('令和3年度')))).toHaveLength(1);
    expect(texts.filter((x) => x.includes(ja.review.duplicate))).toHaveLength(1);
    expect(await count('review')).toBe(2);
    expect(postsTo(t.standIn, MEMBER)).toHaveLength(2);
  });

  it('is answered clearly when asked twice', async () => {
    const reply = await slash('review open 2020', TEST_ADMIN_ID);
    expect(visibleText(reply.body)).toContain('令和2年度の評価は <@U0ADMIN> が');
    expect(await count('review')).toBe(2);
  });
});

describe('reading it', () => {
  it('opens the summary from the DM’s button, beside the notice, in pages that fit Block Kit', async () => {
    const [dm] = postsTo(t.standIn, MEMBER);
    const button = buttonsOf(dm!.body).find((b) => b.action_id === REVIEW_ACTION_IDS.summary)!;
    const clicked = await click(t, { actionId: button.action_id!, value: button.value!, userId: MEMBER, blockId: button.blockId! });
    expect(clicked.http.status).toBe(200);
    const reply = await replyTo(t, clicked);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const shown = visibleText(reply.body);
    expect(shown).toContain(ja.review.summary.title('令和2年度'));
    expect(shown).toContain('① ');
    expect(shown).toContain(ja.review.summary.page(1, 2));
    expect(shown).not.toContain('⑬');
    expect((reply.body.blocks as unknown[]).length).toBeLessThanOrEqual(50);

    const next = buttonsOf(reply.body).find((b) => b.action_id === REVIEW_ACTION_IDS.nextPage)!;
    expect(next.value).toBe('2020:2');
    const second = await replyTo(t, await click(t, { actionId: next.action_id!, value: next.value!, userId: MEMBER, blockId: next.blockId! }));
    expect(second.body).toMatchObject({ replace_original: true });
    expect(visibleText(second.body)).toContain('⑬ 施設のＩＣＴ環境の充実');
    expect(visibleText(second.body)).toContain('⑳');
    expect(visibleText(second.body)).not.toContain('① ');
  });

  it('shows ⑬’s sheet from its line: the snapshot’s figures, the section’s evaluation, buttons to grade and respond', async () => {
    const clicked = await click(t, { actionId: REVIEW_ACTION_IDS.openSheet, value: '2020:13', userId: MEMBER, blockId: `${REVIEW_BLOCK_IDS.rowPrefix}13` });
    const reply = await replyTo(t, clicked);
    const shown = visibleText(reply.body);
    expect(shown).toContain(ja.review.sheet.title('⑬', '施設のＩＣＴ環境の充実', '令和2年度'));
    expect(shown).toContain('目標 3,000回 ／ 実績 4,991回 ／ 達成率 166% ／ 評価 A');
    expect(shown).toContain('公衆無線LAN');
    expect(shown).toContain(ja.review.sheet.noAssessments);
    const actions = buttonsOf(reply.body).map((b) => b.action_id);
    expect(actions).toEqual(expect.arrayContaining([REVIEW_ACTION_IDS.assess, REVIEW_ACTION_IDS.respond, REVIEW_ACTION_IDS.summary]));
  });
});

describe('members grading in the modal', () => {
  it('opens the modal for a member from the sheet’s button, with the plan’s grades', async () => {
    const clicked = await click(t, { actionId: REVIEW_ACTION_IDS.assess, value: '2020:13', userId: MEMBER, blockId: REVIEW_BLOCK_IDS.sheetActions });
    assessmentModal = await modalOpenedBy(t, clicked);
    expect(assessmentModal.callback_id).toBe(ASSESSMENT_FORM.callbackId);
    expect(JSON.stringify(assessmentModal.blocks)).toContain('"value":"D"');
    expect(visibleText(assessmentModal as never)).toContain('算定評価（評価基準による）：A');
  });

  it('stores the grade and opinion, closes the modal and sends a receipt', async () => {
    const http = await submitModal(t, assessmentModal, assessmentState('B', '利用者の伸びが鈍い。周知を工夫してほしい。'), { userId: MEMBER, viewId: 'V0ASSESS1' });
    expect(http.status).toBe(200);
    expect(http.text).toBe('');
    await settled(t);
    expect(await count('review_assessment')).toBe(1);
    const receipt = postsTo(t.standIn, MEMBER).at(-1)!;
    expect(visibleText(receipt.body)).toContain(ja.review.form.savedAssessment('⑬', '令和2年度', 'B'));
  });

  it('stores a replayed submission (same view) once', async () => {
    const http = await submitModal(t, assessmentModal, assessmentState('B', '利用者の伸びが鈍い。周知を工夫してほしい。'), { userId: MEMBER, viewId: 'V0ASSESS1' });
    expect(http.text).toBe('');
    await settled(t);
    expect(await count('review_assessment')).toBe(1);
  });

  it('refuses someone not on the committee: no modal from the button, and errors for a forged one', async () => {
    const clicked = await click(t, { actionId: REVIEW_ACTION_IDS.assess, value: '2020:13', userId: STAFF, blockId: REVIEW_BLOCK_IDS.sheetActions });
    const reply = await replyTo(t, clicked);
    expect(visibleText(reply.body)).toContain(ja.review.errors.membersOnly);
    expect(t.standIn.callsTo('views.open').filter((c) => c.body.trigger_id === clicked.triggerId)).toEqual([]);

    const forged = await submitModal(t, assessmentModal, assessmentState('D', '改ざん'), { userId: STAFF, viewId: 'V0FORGED' });
    expect(forged.json).toEqual({ response_action: 'errors', errors: { [ASSESSMENT_FORM.blocks.grade]: ja.review.errors.membersOnly } });
    expect(await count('review_assessment')).toBe(1);
  });

  it('answers an empty submission under the field', async () => {
    const http = await submitModal(t, assessmentModal, assessmentState(null, ''), { userId: OTHER_MEMBER, viewId: 'V0EMPTY' });
    expect(http.json).toEqual({ response_action: 'errors', errors: { [ASSESSMENT_FORM.blocks.grade]: ja.review.form.nothingGiven } });
  });
});

describe('the office answering, the meeting agreeing, and closing', () => {
  it('lets the owner record the response and the way forward in its modal', async () => {
    const clicked = await click(t, { actionId: REVIEW_ACTION_IDS.respond, value: '2020:13', userId: OWNER, blockId: REVIEW_BLOCK_IDS.sheetActions });
    const modal = await modalOpenedBy(t, clicked);
    expect(modal.callback_id).toBe(RESPONSE_FORM.callbackId);
    const http = await submitModal(t, modal, responseState('掲示とホームページで周知を強化します。', 'continue'), { userId: OWNER, viewId: 'V0RESPOND1' });
    expect(http.text).toBe('');
    await settled(t);
    expect(await count('review_response')).toBe(1);
  });

  it('refuses a locked figure without a reason in the figure form, and keeps an admin’s correction with one', async () => {
    const before = await revisionCount(t.db);
    const form = await openForm(t, 13, TEST_ADMIN_ID);
    const refused = await submitForm(t, form, { fiscalYear: 2020, value: '5,010' }, { userId: TEST_ADMIN_ID });
    expect(refused.json).toEqual({ response_action: 'errors', errors: { [FIGURE_FORM_BLOCK_IDS.note]: ja.review.locks.reasonRequired('令和2年度') } });
    const byOwner = await submitForm(t, await openForm(t, 13, OWNER), { fiscalYear: 2020, value: '5,010', note: '訂正' }, { userId: OWNER });
    expect(byOwner.json).toEqual({ response_action: 'errors', errors: { [FIGURE_FORM_BLOCK_IDS.fiscalYear]: ja.review.locks.yearLocked('令和2年度') } });
    expect(await revisionCount(t.db)).toBe(before);

    const corrected = await submitForm(t, form, { fiscalYear: 2020, value: '5,010', note: '集計漏れを加算' }, { userId: TEST_ADMIN_ID });
    expect(corrected.text).toBe('');
    await settled(t);
    expect(visibleText((await slash('13', STAFF)).body)).toContain('実績 5,010回（修正あり）');
  });

  it('records the agreed grade by an admin', async () => {
    const reply = await slash('review agree 2020 13 B', TEST_ADMIN_ID);
    expect(visibleText(reply.body)).toContain(ja.review.agreed.saved('⑬', '令和2年度', 'B'));
    expect(await count('review_agreed_grade')).toBe(1);
  });

  it('closes the review; after that nothing changes', async () => {
    const reply = await slash('review close 2020', TEST_ADMIN_ID);
    expect(visibleText(reply.body)).toContain(ja.review.closed.title('令和2年度'));

    const late = await submitModal(t, assessmentModal, assessmentState('A', '遅れて'), { userId: MEMBER, viewId: 'V0LATE' });
    expect(late.json).toMatchObject({ response_action: 'errors' });
    expect(JSON.stringify(late.json)).toContain('終了しています');
    expect(visibleText((await slash('review agree 2020 13 A', TEST_ADMIN_ID)).body)).toContain('終了しています');
    expect(await count('review_assessment')).toBe(1);
    expect(await count('review_agreed_grade')).toBe(1);
  });

  it('reads the whole cycle on ⑬’s sheet: the member named, the agreed grade, the response, the correction', async () => {
    const reply = await slash('review 2020 13', STAFF);
    const shown = visibleText(reply.body);
    expect(shown).toContain(`<@${MEMBER}>　評価 B`);
    expect(shown).toContain('利用者の伸びが鈍い。周知を工夫してほしい。');
    expect(shown).toContain(ja.review.sheet.agreedBy('B', `<@${TEST_ADMIN_ID}>`, '2022/7/15 10:00'));
    expect(shown).toContain('今後の方向性：継続');
    expect(shown).toContain('4,991回 → 5,010回');
    expect(shown).toContain(ja.review.sheet.closedNote);
    expect(buttonsOf(reply.body).map((b) => b.action_id)).toEqual([REVIEW_ACTION_IDS.summary]);

    const summary = visibleText((await slash('review 2020 page 2', STAFF)).body);
    expect(summary).toContain('算定 A ／ 委員 B×1 ／ 意見1件 ／ 合意 B ／ 方向性 継続');
    expect(summary).toContain(ja.review.corrected);
  });
});
