/**
 * Generated `/plan` texts through the real HTTP receiver, signed as Slack signs them: every
 * request is acknowledged (never a 5xx), every one gets a non-empty answer at its
 * response_url (or, for `report`, the form), and the bot is still answering at the end.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogLevel } from '@slack/bolt';
import { FIGURE_FORM_ACTION_IDS, FIGURE_FORM_BLOCK_IDS, FIGURE_FORM_CALLBACK_ID } from '../../src/render/blocks/record-figure-modal.ts';
import { findPlan, loadActionPlans } from '../../src/store/action-plans.ts';
import {
  fakeTriggerId,
  interactionBody,
  postSigned,
  slashCommandBody,
  viewSubmissionPayload,
  type ViewStateValues,
} from '../support/signed-request.ts';
import { ackMessage, startTestBot, TEST_ADMIN_ID, TEST_SIGNING_SECRET, visibleText, waitForFormOrReply, type TestBot } from '../support/plan-bot.ts';
import { seededRandom } from '../support/random.ts';
import { textGenerator } from './texts.ts';

const SEED = 0x417b;
const COUNT = 300;
const IN_FLIGHT = 4;

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ logLevel: LogLevel.WARN });
});

afterAll(async () => {
  await t?.close();
});

async function revisionCount(): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from actual_revision`.execute(t.db);
  return rows[0]!.n;
}

describe('the HTTP receiver under generated /plan texts', () => {
  it(`answers ${COUNT} signed requests, none with a 5xx, each with words or a form`, async () => {
    const revisionsBefore = await revisionCount();
    const texts = textGenerator(SEED);
    const jobs = Array.from({ length: COUNT }, (_, index) => ({ index, text: texts.next() }));
    const failures: string[] = [];

    const send = async ({ index, text }: { index: number; text: string }) => {
      const responseUrl = t.standIn.responseUrl(`fuzz-${index}`);
      const triggerId = fakeTriggerId();
      // Alternate an admin and a member, so refusals and admin paths both run.
      const userId = index % 2 === 0 ? 'U0STAFF' : 'U0ADMIN';
      const body = slashCommandBody({ text, response_url: responseUrl, trigger_id: triggerId, user_id: userId });
      const http = await postSigned(t.eventsUrl, body, { signingSecret: TEST_SIGNING_SECRET });
      const where = `seed ${SEED} #${index} ${JSON.stringify(text.slice(0, 120))}`;
      if (http.status !== 200) {
        failures.push(`${where}: HTTP ${http.status}`);
        return;
      }
      try {
        // The answer is in the ack; or the ack is empty and the form opens, or words follow.
        const acked = ackMessage(http.json);
        const answer = acked
          ? { reply: { body: acked } }
          : await waitForFormOrReply(t.standIn, triggerId, new URL(responseUrl).pathname, 5000);
        if ('reply' in answer) {
          const shown = `${String(answer.reply.body.text ?? '')}\n${visibleText(answer.reply.body)}`;
          if (shown.trim() === '') failures.push(`${where}: empty answer`);
        }
      } catch (error) {
        failures.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };

    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < jobs.length) await send(jobs[next++]!);
      }),
    );

    expect(failures.slice(0, 10)).toEqual([]);
    // Typing cannot record a figure: only the form can.
    expect(await revisionCount()).toBe(revisionsBefore);
    // Still up, and still right.
    const { http, reply } = await t.slash('13');
    expect(http.status).toBe(200);
    expect(visibleText(reply.body)).toContain('施設のＩＣＴ環境の充実');
    expect(t.logs.filter((line) => / ERROR /.test(line))).toEqual([]);
  });
});

describe('the HTTP receiver under random figure-form submissions', () => {
  it('answers 200 submissions with a close, field errors or a refusal, storing only what it accepted', async () => {
    const random = seededRandom(0x30da1);
    const int = (n: number) => Math.floor(random() * n);
    const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
    const plan = (await findPlan(t.db))!;
    const records = await loadActionPlans(t.db, plan.id);
    const indicatorIds = records.flatMap((r) => r.indicators.map((i) => String(i.id)));
    const texts = textGenerator(0x30da2, 200);
    const failures: string[] = [];
    let accepted = 0;
    let refused = 0;

    for (let index = 0; index < 200; index++) {
      const metadata = pick([
        () => JSON.stringify({ planId: plan.id, actionPlanNumber: 1 + int(20) }),
        () => JSON.stringify({ planId: plan.id, actionPlanNumber: pick([0, 21, 999, -1, 1.5]), indicatorId: pick([1, -1, 2 ** 40]) }),
        () => JSON.stringify({ planId: pick([plan.id + 1, 'x', null]), actionPlanNumber: 13 }),
        () => pick(['', '{', 'null', '[]', texts.next()]),
      ])();
      const option = (value: string) => ({ selected_option: { value, text: { type: 'plain_text' as const, text: value } } });
      const values: ViewStateValues = {
        [FIGURE_FORM_BLOCK_IDS.indicator]: {
          [FIGURE_FORM_ACTION_IDS.indicator]: { type: 'static_select', ...option(pick([...indicatorIds, '0', '-5', 'abc', '']) ) },
        },
        [FIGURE_FORM_BLOCK_IDS.fiscalYear]: {
          [FIGURE_FORM_ACTION_IDS.fiscalYear]: { type: 'static_select', ...option(pick(['2019', '2021', '2023', '2024', '2025', '1999', 'R3', ''])) },
        },
        [FIGURE_FORM_BLOCK_IDS.value]: {
          [FIGURE_FORM_ACTION_IDS.value]: { type: 'plain_text_input', value: pick(['1', '1,234', '▲3', '１２', '', null, '1e9', texts.next()]) },
        },
        [FIGURE_FORM_BLOCK_IDS.note]: { [FIGURE_FORM_ACTION_IDS.note]: { type: 'plain_text_input', value: pick([null, '', texts.next()]) } },
      };
      if (random() < 0.1) delete values[pick(Object.keys(values))];
      const payload = viewSubmissionPayload({
        callbackId: FIGURE_FORM_CALLBACK_ID,
        privateMetadata: metadata,
        values,
        userId: pick([TEST_ADMIN_ID, 'U0STAFF']),
      });
      const before = await revisionCount();
      const res = await postSigned(t.eventsUrl, interactionBody(payload), { signingSecret: TEST_SIGNING_SECRET });
      const stored = (await revisionCount()) - before;
      const where = `#${index} ${metadata.slice(0, 80)} ${JSON.stringify(values).slice(0, 160)}`;
      if (res.status !== 200) failures.push(`${where}: HTTP ${res.status}`);
      else if (res.text === '') {
        accepted++;
        if (stored !== 1) failures.push(`${where}: closed the form but stored ${stored}`);
      } else {
        refused++;
        // Field errors under the fields, or (a refusal) the form replaced by one that says who may record.
        const json = res.json as
          | { response_action?: string; errors?: Record<string, string>; view?: { blocks?: unknown[] } }
          | undefined;
        const explained =
          json?.response_action === 'errors'
            ? Object.keys(json.errors ?? {}).length > 0 && Object.values(json.errors!).every((e) => e.trim() !== '')
            : json?.response_action === 'update' && (json.view?.blocks?.length ?? 0) > 0;
        if (!explained) failures.push(`${where}: answered ${res.text.slice(0, 200)}`);
        if (stored !== 0) failures.push(`${where}: refused but stored ${stored}`);
      }
      if (failures.length >= 10) break;
    }

    expect(failures).toEqual([]);
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    const { http } = await t.slash('13');
    expect(http.status).toBe(200);
  });
});
