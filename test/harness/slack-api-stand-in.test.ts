/**
 * Proves the test toolkit against the real Bolt HTTPReceiver and WebClient,
 * so feature tests can trust it instead of re-checking Slack's wire formats.
 */
import { App, LogLevel, webApi } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '../support/ports.ts';
import {
  blockActionPayload,
  interactionBody,
  postSigned,
  signSlackRequest,
  slashCommandBody,
  viewSubmissionPayload,
} from '../support/signed-request.ts';
import { startSlackApiStandIn, type SlackApiStandIn } from '../support/slack-api-stand-in.ts';

const SIGNING_SECRET = 'test-secret';
const BOT_TOKEN = 'xoxb-test';

let standIn: SlackApiStandIn;
let app: App;
let eventsUrl: string;

beforeAll(async () => {
  standIn = await startSlackApiStandIn();
});

afterAll(async () => {
  await standIn.close();
  // A second close must be harmless: shared teardown code may call it again.
  await standIn.close();
});

beforeEach(async () => {
  standIn.reset();
  const port = await freePort();
  // Bolt calls auth.test from the App constructor, so the stand-in must already be up.
  app = new App({
    signingSecret: SIGNING_SECRET,
    token: BOT_TOKEN,
    port,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: standIn.url },
  });
  app.command('/plan', async ({ ack, respond }) => {
    await ack();
    await respond({ text: 'pong' });
  });
  app.action('approve', async ({ ack, respond, body }) => {
    await ack();
    await respond({ text: `approved by ${body.user.id}`, replace_original: true });
  });
  app.view('figures_modal', async ({ ack, view }) => {
    const amount = view.state.values.amount_block?.amount?.value ?? '';
    if (!/^\d+$/.test(amount.replace(/,/g, ''))) {
      await ack({ response_action: 'errors', errors: { amount_block: '数値を入力してください' } });
      return;
    }
    await ack();
  });
  await app.start();
  // The constructor's auth.test is fire-and-forget; settle it so per-test call counts are stable.
  await standIn.waitForCall('auth.test');
  eventsUrl = `http://127.0.0.1:${port}/slack/events`;
});

afterEach(async () => {
  await app.stop();
});

describe('signed requests through the real Bolt receiver', () => {
  it('acks a signed slash command with 200 and respond() reaches the stand-in response_url', async () => {
    const responseUrl = standIn.responseUrl('cmd-1');
    const res = await postSigned(eventsUrl, slashCommandBody({ text: 'ping', response_url: responseUrl }), {
      signingSecret: SIGNING_SECRET,
    });

    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const call = await standIn.waitForCall('response_url');
    expect(call.body).toEqual({ text: 'pong' });
    expect(call.path).toBe('/respond/cmd-1');
    // respond() is a plain webhook post; no bot token must leak into it.
    expect(call.token).toBeUndefined();
    expect(standIn.callsTo('auth.test')[0]?.token).toBe(BOT_TOKEN);
  });

  it('rejects a forged signature with 401 and never runs the listener', async () => {
    const body = slashCommandBody({ text: 'ping', response_url: standIn.responseUrl() });
    const before = standIn.calls.length;
    const res = await postSigned(eventsUrl, body, {
      signingSecret: SIGNING_SECRET,
      signature: signSlackRequest('not-the-secret', Math.floor(Date.now() / 1000), body),
    });

    expect(res.status).toBe(401);
    expect(res.text).toBe('');
    await new Promise((r) => setTimeout(r, 200));
    expect(standIn.calls.length).toBe(before);
    expect(standIn.callsTo('response_url')).toEqual([]);
  });

  it('rejects a correctly signed but 6-minute-old request with 401', async () => {
    const res = await postSigned(eventsUrl, slashCommandBody({ text: 'ping', response_url: standIn.responseUrl() }), {
      signingSecret: SIGNING_SECRET,
      timestampSeconds: Math.floor(Date.now() / 1000) - 6 * 60,
    });

    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(standIn.callsTo('response_url')).toEqual([]);
  });

  it('routes a block_actions payload and respond() posts to its response_url', async () => {
    const payload = blockActionPayload({ actionId: 'approve', value: 'plan-42', responseUrl: standIn.responseUrl('act') });
    const res = await postSigned(eventsUrl, interactionBody(payload), { signingSecret: SIGNING_SECRET });

    expect(res.status).toBe(200);
    const call = await standIn.waitForCall('response_url');
    expect(call.body).toEqual({ text: 'approved by U0STAFF', replace_original: true });
  });

  it('routes a view_submission payload and returns ack() errors as the HTTP body', async () => {
    const payload = viewSubmissionPayload({
      callbackId: 'figures_modal',
      privateMetadata: JSON.stringify({ planId: 7 }),
      values: {
        amount_block: { amount: { type: 'plain_text_input', value: '六千' } },
        year_block: {
          year: {
            type: 'static_select',
            selected_option: { value: '2021', text: { type: 'plain_text', text: '令和3年度' } },
          },
        },
      },
    });
    const res = await postSigned(eventsUrl, interactionBody(payload), { signingSecret: SIGNING_SECRET });

    expect(res.status).toBe(200);
    expect(res.json).toEqual({ response_action: 'errors', errors: { amount_block: '数値を入力してください' } });

    const ok = viewSubmissionPayload({
      callbackId: 'figures_modal',
      privateMetadata: '',
      values: { amount_block: { amount: { type: 'plain_text_input', value: '6,543' } } },
    });
    const okRes = await postSigned(eventsUrl, interactionBody(ok), { signingSecret: SIGNING_SECRET });
    expect(okRes.status).toBe(200);
    expect(okRes.text).toBe('');
  });
});

describe('Web API stand-in', () => {
  it('records chat.postMessage with the bot token and parsed blocks, answering like Slack', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*令和3年度* 実績' } }];
    const first = await app.client.chat.postMessage({ channel: 'C0PLAN', text: '実績', blocks });
    const second = await app.client.chat.postMessage({ channel: 'C0PLAN', text: 'again' });

    const call = await standIn.waitForCall('chat.postMessage');
    expect(call.token).toBe(BOT_TOKEN);
    expect(call.body.channel).toBe('C0PLAN');
    expect(call.body.text).toBe('実績');
    expect(call.body.blocks).toEqual(blocks);
    expect(first.ok).toBe(true);
    expect(first.channel).toBe('C0PLAN');
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(String(second.ts) > String(first.ts)).toBe(true);
    expect(first.message?.blocks).toEqual(blocks);
  });

  it('answers users.info with a Tokyo-time, Japanese-locale user', async () => {
    const res = await app.client.users.info({ user: 'U0STAFF', include_locale: true });
    expect(res.user?.tz).toBe('Asia/Tokyo');
    expect(res.user?.locale).toBe('ja-JP');
  });

  it('turns a programmed 500 into a WebClient HTTP error when retries are off, then recovers', async () => {
    const client = new webApi.WebClient(BOT_TOKEN, {
      slackApiUrl: standIn.url,
      retryConfig: { retries: 0 },
      logLevel: LogLevel.ERROR,
    });
    standIn.failNext('chat.postMessage', 1, { status: 500 });

    await expect(client.chat.postMessage({ channel: 'C0PLAN', text: 'x' })).rejects.toMatchObject({
      code: webApi.ErrorCode.HTTPError,
      statusCode: 500,
    });
    expect(standIn.callsTo('chat.postMessage')[0]?.failed).toBe(true);

    await expect(client.chat.postMessage({ channel: 'C0PLAN', text: 'y' })).resolves.toMatchObject({ ok: true });
    expect(standIn.callsTo('chat.postMessage')[1]?.failed).toBeUndefined();
  });

  it('turns a programmed 429 into a rate-limited error when rejectRateLimitedCalls is set', async () => {
    const client = new webApi.WebClient(BOT_TOKEN, {
      slackApiUrl: standIn.url,
      rejectRateLimitedCalls: true,
      logLevel: LogLevel.ERROR,
    });
    standIn.failNext('chat.postMessage', 1, { status: 429, retryAfterSeconds: 0 });

    await expect(client.chat.postMessage({ channel: 'C0PLAN', text: 'x' })).rejects.toMatchObject({
      code: webApi.ErrorCode.RateLimitedError,
      retryAfter: 0,
    });
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('turns okFalse into a platform error carrying Slack’s error code', async () => {
    standIn.failNext('views.open', 1, { okFalse: 'expired_trigger_id' });
    await expect(
      app.client.views.open({
        trigger_id: 'x',
        view: { type: 'modal', title: { type: 'plain_text', text: 't' }, blocks: [] },
      }),
    ).rejects.toMatchObject({ code: webApi.ErrorCode.PlatformError, data: { error: 'expired_trigger_id' } });

    const opened = await app.client.views.open({
      trigger_id: 'x',
      view: { type: 'modal', callback_id: 'figures_modal', title: { type: 'plain_text', text: 't' }, blocks: [] },
    });
    expect(opened.view?.id).toMatch(/^V/);
    expect(opened.view?.callback_id).toBe('figures_modal');
    expect(standIn.callsTo('views.open')[1]?.body.view).toMatchObject({ callback_id: 'figures_modal' });
  });

  it('lets a test override an answer with setAnswer', async () => {
    standIn.setAnswer('conversations.open', { ok: true, channel: { id: 'D0STAFF' } });
    const res = await app.client.conversations.open({ users: 'U0STAFF' });
    expect(res.channel?.id).toBe('D0STAFF');
  });

  it('names the methods it did see when waitForCall times out', async () => {
    await app.client.chat.postEphemeral({ channel: 'C0PLAN', user: 'U0STAFF', text: 'x' });
    await expect(standIn.waitForCall('chat.update', { timeoutMs: 50 })).rejects.toThrow(
      /chat\.update.*timed out after 50 ms.*chat\.postEphemeral×1/,
    );
  });
});

describe('the stand-in’s conversations and lost answers', () => {
  const client = () =>
    new webApi.WebClient(BOT_TOKEN, { slackApiUrl: standIn.url, retryConfig: { retries: 0 }, timeout: 300, logLevel: LogLevel.ERROR });

  beforeEach(() => standIn.reset());

  it('opens a DM, keeps what is posted to it, and gives it back newest first with metadata only when asked', async () => {
    const c = client();
    const opened = await c.conversations.open({ users: 'U0OWNER' });
    expect(opened.channel?.id).toBe('D0OWNER');
    const metadata = { event_type: 'plan_bot_reminder', event_payload: { key: 'k1' } };
    const first = await c.chat.postMessage({ channel: 'U0OWNER', text: 'one', metadata });
    expect(first.channel).toBe('D0OWNER');
    await c.chat.postMessage({ channel: 'D0OWNER', text: 'two' });
    const plain = await c.conversations.history({ channel: 'D0OWNER' });
    expect(plain.messages?.map((m) => [m.text, m.metadata])).toEqual([
      ['two', undefined],
      ['one', undefined],
    ]);
    const withMetadata = await c.conversations.history({ channel: 'D0OWNER', include_all_metadata: true, oldest: first.ts! });
    expect(withMetadata.messages?.map((m) => m.text)).toEqual(['two']);
    const all = await c.conversations.history({ channel: 'D0OWNER', include_all_metadata: true });
    expect(all.messages?.[1]?.metadata).toEqual(metadata);
  });

  it('takes a post and then answers 500, or never answers: the message is there all the same', async () => {
    const c = client();
    standIn.failNext('chat.postMessage', 1, { accept: true, status: 500 });
    await expect(c.chat.postMessage({ channel: 'C0PLAN', text: 'taken' })).rejects.toMatchObject({ statusCode: 500 });
    standIn.failNext('chat.postMessage', 1, { accept: true, hang: true });
    await expect(c.chat.postMessage({ channel: 'C0PLAN', text: 'lost' })).rejects.toMatchObject({
      code: webApi.ErrorCode.RequestError,
    });
    expect(standIn.messagesIn('C0PLAN').map((m) => m.text)).toEqual(['taken', 'lost']);
  });

  it('answers users.info with a person’s own locale, only when include_locale is sent', async () => {
    standIn.setUserLocale('U0EN', 'en-US');
    const c = client();
    expect((await c.users.info({ user: 'U0EN', include_locale: true })).user?.locale).toBe('en-US');
    expect((await c.users.info({ user: 'U0EN' })).user?.locale).toBeUndefined();
  });
});
