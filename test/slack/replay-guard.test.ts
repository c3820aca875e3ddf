/**
 * Replays inside Slack's five minutes, and timestamps outside them either way (#12.6). A
 * captured `owner 13 add` sent again after a later `remove` must not give the owner back;
 * a request stamped in the future is refused like a stale one.
 */
import { LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPlan } from '../../src/store/action-plans.ts';
import { listOwners } from '../../src/store/owners.ts';
import { FIGURE_FORM_CALLBACK_ID } from '../../src/render/blocks/record-figure-modal.ts';
import { formState, openForm, revisionCount, settled, submitForm } from '../support/record-figure-form.ts';
import { startTestBot, TEST_ADMIN_ID, TEST_SIGNING_SECRET, type TestBot } from '../support/plan-bot.ts';
import { interactionBody, postSigned, signSlackRequest, slashCommandBody, viewSubmissionPayload } from '../support/signed-request.ts';

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ logLevel: LogLevel.WARN });
});

afterAll(async () => {
  await t?.close();
});

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Sends `body` signed for `timestamp`, exactly as a captured request would be sent again. */
const sendAt = (body: string, timestamp: number) =>
  postSigned(t.eventsUrl, body, {
    signingSecret: TEST_SIGNING_SECRET,
    timestampSeconds: timestamp,
    signature: signSlackRequest(TEST_SIGNING_SECRET, timestamp, body),
  });

async function ownersOf13(): Promise<string[]> {
  const plan = (await findPlan(t.db))!;
  const actionPlan = await t.db.selectFrom('action_plan').select('id').where('plan_id', '=', plan.id).where('number', '=', 13).executeTakeFirstOrThrow();
  return listOwners(t.db, actionPlan.id);
}

describe('a replayed owner change', () => {
  it('does not re-add an owner removed after the captured request', async () => {
    const addUrl = t.standIn.responseUrl('replay-add');
    const add = slashCommandBody({ text: 'owner 13 add <@U0REVOKED>', response_url: addUrl, user_id: TEST_ADMIN_ID });
    const stamp = nowSeconds();
    const added = await sendAt(add, stamp);
    expect(added.status).toBe(200);
    // The answer is in the acknowledgement, so the owner is stored by the time it arrives.
    expect(added.text).toContain('U0REVOKED');
    expect(await ownersOf13()).toContain('U0REVOKED');

    const remove = slashCommandBody({ text: 'owner 13 remove <@U0REVOKED>', response_url: t.standIn.responseUrl('replay-remove'), user_id: TEST_ADMIN_ID });
    expect((await sendAt(remove, nowSeconds())).text).toContain('U0REVOKED');
    expect(await ownersOf13()).not.toContain('U0REVOKED');

    // The captured add, byte for byte with its signature, still inside the five minutes.
    const replay = await sendAt(add, stamp);
    expect(replay.status).toBe(200);
    expect(replay.text).toMatch(/受け付け済み/);
    await settled(t);
    expect(await ownersOf13()).not.toContain('U0REVOKED');
    // The original answer went in its ack; the replay posted nothing to the response_url.
    expect(t.standIn.callsTo('response_url').filter((c) => c.path === '/respond/replay-add')).toEqual([]);
  });

  it('still answers a read-only command sent twice (it writes nothing to replay)', async () => {
    const url = t.standIn.responseUrl('read-twice');
    const body = slashCommandBody({ text: '13', response_url: url });
    const stamp = nowSeconds();
    const answers = [await sendAt(body, stamp), await sendAt(body, stamp)];
    for (const answer of answers) expect(answer.text).toContain('⑬ 施設のＩＣＴ環境の充実');
  });
});

describe('a replayed figure-form submission', () => {
  it('stores one revision and sends one confirmation', async () => {
    const form = await openForm(t, 13);
    const before = await revisionCount(t.db);
    const dms = () => t.standIn.callsTo('chat.postMessage').filter((c) => c.body.channel === TEST_ADMIN_ID).length;
    const dmsBefore = dms();
    // What submitForm sends, signed here so the very same bytes can go twice with one timestamp.
    const body = interactionBody(
      viewSubmissionPayload({
        callbackId: FIGURE_FORM_CALLBACK_ID,
        privateMetadata: form.private_metadata ?? '',
        values: formState(form, { value: '6,001', fiscalYear: 2022 }),
        userId: TEST_ADMIN_ID,
        viewId: 'V0CAPTURED',
      }),
    );
    const stamp = nowSeconds();
    expect((await sendAt(body, stamp)).status).toBe(200);
    await settled(t);
    const again = await sendAt(body, stamp);
    expect(again.status).toBe(200);
    expect(again.text).toBe('');
    await settled(t);
    expect(await revisionCount(t.db)).toBe(before + 1);
    expect(dms()).toBe(dmsBefore + 1);
    // And a figure-form submission in general still works.
    expect((await submitForm(t, form, { value: '6,002', fiscalYear: 2022 })).status).toBe(200);
  });
});

describe('timestamps more than five minutes off', () => {
  const ownerAdd = (id: string) =>
    slashCommandBody({ text: `owner 13 add <@${id}>`, response_url: t.standIn.responseUrl(`future-${id}`), user_id: TEST_ADMIN_ID });

  it.each([
    ['six minutes ahead', 6 * 60, 'U0FUTURE6M'],
    ['a year ahead', 365 * 24 * 3600, 'U0FUTURE1Y'],
    ['six minutes behind', -6 * 60, 'U0PAST6M'],
  ])('refuses a request stamped %s: 401, nothing stored', async (_what, offset, id) => {
    const res = await sendAt(ownerAdd(id), nowSeconds() + offset);
    expect(res.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await ownersOf13()).not.toContain(id);
  });

  it('accepts one stamped four minutes ahead (clocks drift)', async () => {
    const res = await sendAt(ownerAdd('U0DRIFT'), nowSeconds() + 4 * 60);
    expect(res.status).toBe(200);
    expect(res.text).toContain('U0DRIFT');
    expect(await ownersOf13()).toContain('U0DRIFT');
  });
});
