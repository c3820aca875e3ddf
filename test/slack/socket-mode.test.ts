/**
 * Socket Mode end to end: the bot asks the Web API stand-in for a WebSocket URL with its
 * app-level token, dials a local Socket Mode stand-in, and answers a `/plan 13` envelope
 * by acking it on the socket and posting the answer to the response_url.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let socket: SocketModeServer;
let connection: SocketModeConnection;

beforeAll(async () => {
  socket = await startSocketModeServer();
  // No signing secret: Slack authenticates the socket, not each request.
  t = await startTestBot({ env: { SLACK_APP_TOKEN: TEST_APP_TOKEN, SLACK_SIGNING_SECRET: '' } });
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

  it('acks a /plan 13 envelope and answers on the response_url within 3 seconds', async () => {
    const responseUrl = t.standIn.responseUrl('socket-13');
    const sentAt = Date.now();
    connection.send(slashCommandEnvelope('env-13', commandPayload('13', responseUrl)));

    const ack = await connection.waitForMessage((m) => m.envelope_id === 'env-13');
    expect(ack).toEqual({ envelope_id: 'env-13', payload: {} });
    const reply = await waitForReply(t.standIn, '/respond/socket-13');
    expect(reply.at - sentAt).toBeLessThan(3000);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(visibleText(reply.body)).toContain('⑬ 施設のＩＣＴ環境の充実');
    expect(checkLimits({ text: String(reply.body.text), blocks: reply.body.blocks as never[] })).toEqual([]);
  });

  it('answers what it cannot parse over Socket Mode too', async () => {
    const responseUrl = t.standIn.responseUrl('socket-bad');
    connection.send(slashCommandEnvelope('env-bad', commandPayload('abc', responseUrl)));
    await connection.waitForMessage((m) => m.envelope_id === 'env-bad');
    const reply = await waitForReply(t.standIn, '/respond/socket-bad');
    expect(visibleText(reply.body)).toContain('「abc」は分かりませんでした。');
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
