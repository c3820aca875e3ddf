/**
 * Socket Mode end to end: the bot asks the Web API stand-in for a WebSocket URL with its
 * app-level token, dials a local Socket Mode stand-in, and answers a `/plan 13` envelope
 * in its ack on the socket (the ack's payload is the message), leaving the response_url unused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ja } from '../../src/messages/ja.ts';
import { checkLimits } from '../../src/render/blocks/limits.ts';
import { startTestBot, TEST_APP_TOKEN, visibleText, waitForReply, type TestBot } from '../support/plan-bot.ts';
import { appHomeOpenedEvent, eventCallbackBody, slashCommandBody } from '../support/signed-request.ts';
import {
  eventsApiEnvelope,
  helloMessage,
  slashCommandEnvelope,
  startSocketModeServer,
  type SocketModeConnection,
  type SocketModeServer,
} from '../support/socket-mode-server.ts';

let t: TestBot;
/** Short, so the late-answer case does not take seconds; quick answers take a millisecond. */
const DEADLINE_MS = 300;
let socket: SocketModeServer;
let connection: SocketModeConnection;

beforeAll(async () => {
  socket = await startSocketModeServer();
  // No signing secret: Slack authenticates the socket, not each request.
  t = await startTestBot({
    env: { SLACK_APP_TOKEN: TEST_APP_TOKEN, SLACK_SIGNING_SECRET: '' },
    deps: { answerDeadlineMs: DEADLINE_MS },
  });
  t.standIn.setSocketModeUrl(socket.url);
  const starting = t.bot.start();
  connection = await socket.waitForConnection();
  // The client counts as connected only after Slack's hello.
  connection.send(helloMessage());
  expect(await starting).toEqual({ mode: 'socket' });
});

afterAll(async () => {
  await t?.close();
  await socket?.close();
});

function commandPayload(text: string, responseUrl: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(slashCommandBody({ text, response_url: responseUrl })));
}

describe('Socket Mode', () => {
  it('opens the connection with the app-level token, not the bot token', () => {
    const open = t.standIn.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.token).toBe(TEST_APP_TOKEN);
    expect(t.standIn.callsTo('auth.test')[0]!.token).toBe(t.config.botToken);
  });

  it('answers a /plan 13 envelope in its ack, within 3 seconds, and posts nothing else', async () => {
    const responseUrl = t.standIn.responseUrl('socket-13');
    const sentAt = Date.now();
    connection.send(slashCommandEnvelope('env-13', commandPayload('13', responseUrl)));

    const ack = await connection.waitForMessage((m) => m.envelope_id === 'env-13');
    expect(Date.now() - sentAt).toBeLessThan(3000);
    expect(Object.keys(ack).sort()).toEqual(['envelope_id', 'payload']);
    const answer = ack.payload as Record<string, unknown>;
    expect(answer.response_type).toBe('ephemeral');
    expect(visibleText(answer)).toContain('⑬ 施設のＩＣＴ環境の充実');
    expect(checkLimits({ text: String(answer.text), blocks: answer.blocks as never[] })).toEqual([]);
    await new Promise((r) => setTimeout(r, 200));
    expect(t.standIn.callsTo('response_url').filter((c) => c.path === '/respond/socket-13')).toEqual([]);
  });

  it('answers what it cannot parse over Socket Mode too', async () => {
    const responseUrl = t.standIn.responseUrl('socket-bad');
    connection.send(slashCommandEnvelope('env-bad', commandPayload('abc', responseUrl)));
    const ack = await connection.waitForMessage((m) => m.envelope_id === 'env-bad');
    expect(visibleText(ack.payload as Record<string, unknown>)).toContain('「abc」は分かりませんでした。');
  });

  it('acks a slow answer with 作成中… and sends it on the response_url', async () => {
    t.slowQueries(DEADLINE_MS * 2);
    try {
      const responseUrl = t.standIn.responseUrl('socket-slow');
      connection.send(slashCommandEnvelope('env-slow', commandPayload('list', responseUrl)));
      const ack = await connection.waitForMessage((m) => m.envelope_id === 'env-slow');
      expect(ack.payload).toEqual({ response_type: 'ephemeral', text: ja.answerTiming.preparing });
      const reply = await waitForReply(t.standIn, '/respond/socket-slow', 8000);
      expect(visibleText(reply.body)).toContain('20件');
    } finally {
      t.slowQueries(0);
    }
  });

  it('acks app_home_opened over the socket and publishes that person’s Home tab', async () => {
    const event = JSON.parse(eventCallbackBody(appHomeOpenedEvent('U0SOCKET'))) as Record<string, unknown>;
    connection.send(eventsApiEnvelope('env-home', event));
    expect(await connection.waitForMessage((m) => m.envelope_id === 'env-home')).toMatchObject({ envelope_id: 'env-home' });
    const published = await t.standIn.waitForCall('views.publish');
    expect(published.body.user_id).toBe('U0SOCKET');
    expect(published.body.view).toMatchObject({ type: 'home' });
  });

  it('closes the WebSocket on stop', async () => {
    await t.bot.stop(1000);
    await connection.closed;
  });
});
