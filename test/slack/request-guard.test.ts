/**
 * Signed requests whose bodies Slack would never send (#12.5): answered 400 before Bolt
 * reads them, and the bot stays up. Before the guard, `payload=null` threw inside Bolt's
 * receiver as an unhandled rejection (which also fails this test run), and the others got 500.
 * Requests for actions or views the bot does not know are acknowledged at once, not 404
 * after three seconds.
 */
import { LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, TEST_SIGNING_SECRET, visibleText, type TestBot } from '../support/plan-bot.ts';
import { blockActionPayload, interactionBody, postSigned, viewSubmissionPayload } from '../support/signed-request.ts';

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ logLevel: LogLevel.WARN });
});

afterAll(async () => {
  await t?.close();
});

const signed = (body: string, contentType?: string) =>
  postSigned(t.eventsUrl, body, { signingSecret: TEST_SIGNING_SECRET, ...(contentType ? { contentType } : {}) });

describe('malformed signed bodies', () => {
  const withPayload = (payload: unknown) => interactionBody(payload as object);
  const action = blockActionPayload({ actionId: 'record_figure', value: '13' });
  const submission = viewSubmissionPayload({ callbackId: 'record_figure', privateMetadata: '{}', values: {} });

  it.each([
    ['payload=null', 'payload=null', undefined],
    ['payload=[]', 'payload=%5B%5D', undefined],
    ['payload="text"', 'payload=%22text%22', undefined],
    ['payload that is not JSON', 'payload=%7Bnot-json', undefined],
    ['a JSON null', 'null', 'application/json'],
    ['a JSON number', '42', 'application/json'],
    ['block_actions with user: null', withPayload({ ...action, user: null }), undefined],
    ['block_actions without actions', withPayload({ ...action, actions: [] }), undefined],
    ['view_submission without its view', withPayload({ ...submission, view: undefined }), undefined],
    ['view_submission with user: null', withPayload({ ...submission, user: null }), undefined],
    ['event_callback with event: null', JSON.stringify({ type: 'event_callback', event: null }), undefined],
    ['a slash command without user_id', 'command=%2Fplan&text=13', undefined],
  ])('answers 400 to %s', async (_what, body, contentType) => {
    const res = await signed(body, contentType);
    expect(res.status).toBe(400);
  });

  it('is still answering after all of them', async () => {
    const { http, reply } = await t.slash('13');
    expect(http.status).toBe(200);
    expect(visibleText(reply.body)).toContain('施設のＩＣＴ環境の充実');
  });
});

describe('interactions the bot does not know', () => {
  it('acknowledges an unknown action id at once', async () => {
    const res = await signed(interactionBody(blockActionPayload({ actionId: 'no_such_action', value: 'x' })));
    expect(res.status).toBe(200);
    expect(res.elapsedMs).toBeLessThan(1000);
  });

  it('acknowledges a view submission with an unknown callback id at once', async () => {
    const res = await signed(
      interactionBody(viewSubmissionPayload({ callbackId: 'no_such_view', privateMetadata: '', values: {} })),
    );
    expect(res.status).toBe(200);
    expect(res.elapsedMs).toBeLessThan(1000);
  });

  it('acknowledges an interaction type it has no listener for at once', async () => {
    const res = await signed(interactionBody({ type: 'shortcut', callback_id: 'nothing', user: { id: 'U0STAFF' }, trigger_id: 't' }));
    expect(res.status).toBe(200);
    expect(res.elapsedMs).toBeLessThan(1000);
  });
});
