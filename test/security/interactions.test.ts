/**
 * The newer buttons and modals attacked from outside (#15 review, #19 charts and Home, #17
 * snooze): signed by Slack's secret, but with values and metadata no button of the bot ever
 * carries. Each must be acknowledged at once (never a 5xx, never a hang), write nothing, leave the
 * bot answering, and a modal must answer with an error rather than close as if it had saved.
 */
import { sql } from 'kysely';
import type { ViewStateValues } from '../support/signed-request.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogLevel } from '@slack/bolt';
import {
  HOME_RECORD_FIGURE_ACTION_ID,
  HOME_SHOW_PLAN_ACTION_ID,
  SHOW_CHART_ACTION_ID,
  SNOOZE_REMINDER_ACTION_ID,
} from '../../src/render/blocks/ids.ts';
import { ASSESSMENT_FORM, RESPONSE_FORM, REVIEW_ACTION_IDS } from '../../src/render/blocks/review-ids.ts';
import {
  blockActionPayload,
  fakeTriggerId,
  interactionBody,
  postSigned,
  viewSubmissionPayload,
} from '../support/signed-request.ts';
import { messagesFor } from '../../src/messages/index.ts';
import { startTestBot, TEST_ADMIN_ID, TEST_SIGNING_SECRET, visibleText, type TestBot } from '../support/plan-bot.ts';

const ja = messagesFor('ja');
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ logLevel: LogLevel.ERROR, env: { PLAN_COMMITTEE: 'U0MEMBER' } });
});
afterAll(async () => {
  await t?.close();
});

/** Rows of every table that a button or modal could write to. */
async function writes(): Promise<number> {
  const tables = ['actual_revision', 'review', 'review_assessment', 'review_response', 'review_agreed_grade', 'reminder_snooze', 'action_plan_owner', 'committee_change', 'target_revision', 'figure_correction'];
  let n = 0;
  for (const table of tables) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(t.db);
    n += Number(rows[0]!.n);
  }
  return n;
}

const HOSTILE_VALUES = ['', 'x', '-1', '0', '99', '1e309', '2020:', ':13', '2020:13:7:9', '9999999999999999999:1', 'null', '{"a":1}', "13' or 1=1 --", '①', '２０２０:１３', 'a'.repeat(3000)];

const BUTTONS = [
  REVIEW_ACTION_IDS.openSheet,
  REVIEW_ACTION_IDS.summary,
  REVIEW_ACTION_IDS.previousPage,
  REVIEW_ACTION_IDS.nextPage,
  REVIEW_ACTION_IDS.assess,
  REVIEW_ACTION_IDS.respond,
  SHOW_CHART_ACTION_ID,
  HOME_SHOW_PLAN_ACTION_ID,
  HOME_RECORD_FIGURE_ACTION_ID,
  SNOOZE_REMINDER_ACTION_ID,
];

describe('buttons pressed with values the bot never sent', () => {
  it('acks each at once with 200, writes nothing, and the bot still answers /plan 13 afterwards', async () => {
    const before = await writes();
    for (const actionId of BUTTONS) {
      for (const value of HOSTILE_VALUES) {
        for (const userId of [TEST_ADMIN_ID, 'U0MEMBER', 'U0STRANGER']) {
          const payload = blockActionPayload({ actionId, value, userId, triggerId: fakeTriggerId(), responseUrl: t.standIn.responseUrl() });
          const res = await postSigned(t.eventsUrl, interactionBody(payload), { signingSecret: TEST_SIGNING_SECRET });
          expect(res.status, `${actionId} ${value.slice(0, 20)}`).toBe(200);
          expect(res.elapsedMs, `${actionId} ${value.slice(0, 20)}`).toBeLessThan(2500);
        }
      }
    }
    expect(await writes()).toBe(before);
    // A value that does not read is the sender's doing: one warning line each, no error, no stack.
    expect(t.logs.filter((line) => /\bERROR\b/.test(line))).toEqual([]);
    expect(t.logs.filter((line) => /unreadable value/.test(line)).length).toBeGreaterThan(0);
    // And the person is told what to do, where the button has an answer to give (a response_url).
    const told = t.standIn.callsTo('response_url').filter((c) => visibleText(c.body).includes(ja.slack.unreadableButton));
    expect(told.length).toBeGreaterThan(0);
    const { reply } = await t.slash('13');
    expect(visibleText(reply.body)).toContain('⑬');
  });
});

describe('review modals submitted with forged metadata', () => {
  const METADATA = ['', 'null', '{}', '[]', '{"planId":1}', '{"planId":1,"fiscalYear":2020,"actionPlanNumber":99}', '{"planId":999,"fiscalYear":2020,"actionPlanNumber":13}', '{"planId":"1","fiscalYear":"2020","actionPlanNumber":"13"}', 'x'.repeat(5000)];

  it('answers each with an error in the modal or a refusal, never a 5xx, and stores nothing', async () => {
    const before = await writes();
    for (const callbackId of [ASSESSMENT_FORM.callbackId, RESPONSE_FORM.callbackId]) {
      for (const privateMetadata of METADATA) {
        const values: ViewStateValues =
          callbackId === ASSESSMENT_FORM.callbackId
            ? {
                [ASSESSMENT_FORM.blocks.grade]: { [ASSESSMENT_FORM.actions.grade]: { type: 'static_select', selected_option: { value: 'A', text: { type: 'plain_text', text: 'A' } } } },
                [ASSESSMENT_FORM.blocks.opinion]: { [ASSESSMENT_FORM.actions.opinion]: { type: 'plain_text_input', value: '意見' } },
              }
            : {
                [RESPONSE_FORM.blocks.response]: { [RESPONSE_FORM.actions.response]: { type: 'plain_text_input', value: '対応' } },
                [RESPONSE_FORM.blocks.wayForward]: { [RESPONSE_FORM.actions.wayForward]: { type: 'static_select', selected_option: { value: 'continue', text: { type: 'plain_text', text: '継続' } } } },
              };
        const payload = viewSubmissionPayload({ callbackId, privateMetadata, values, userId: 'U0MEMBER' });
        const res = await postSigned(t.eventsUrl, interactionBody(payload), { signingSecret: TEST_SIGNING_SECRET });
        expect(res.status, `${callbackId} ${privateMetadata.slice(0, 40)}`).toBe(200);
        // Never the empty ack that would close the modal as though it had been saved.
        expect(res.text, `${callbackId} ${privateMetadata.slice(0, 40)}`).not.toBe('');
      }
    }
    expect(await writes()).toBe(before);
  });
});
