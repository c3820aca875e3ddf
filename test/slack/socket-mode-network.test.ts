/**
 * Socket Mode where the network is not open (#12.9): with the WebSocket blocked the start
 * gives up after its deadline with one line naming wss-*.slack.com and the cause, instead of
 * an empty error every few seconds forever; behind a proxy (HTTPS_PROXY) the Web API calls,
 * the WebSocket and the answers all go through it.
 */
import { LogLevel } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy.ts';
import { freePort } from '../support/ports.ts';
import { startTestBot, TEST_APP_TOKEN, visibleText, waitForReply, type TestBot } from '../support/plan-bot.ts';
import { slashCommandBody } from '../support/signed-request.ts';
import { describeConnectFailure } from '../../src/slack/receivers.ts';
import { helloMessage, slashCommandEnvelope, startSocketModeServer, type SocketModeServer } from '../support/socket-mode-server.ts';

const SOCKET_ENV = { SLACK_APP_TOKEN: TEST_APP_TOKEN, SLACK_SIGNING_SECRET: '' };

let t: TestBot | undefined;
let socket: SocketModeServer | undefined;
let proxy: ConnectProxy | undefined;

afterEach(async () => {
  await t?.close();
  await socket?.close();
  await proxy?.close();
  t = socket = proxy = undefined;
});

describe('Socket Mode with the WebSocket blocked', () => {
  it('gives up after the deadline with one line naming wss-*.slack.com and the cause, then stays quiet', async () => {
    // apps.connections.open answers, but nothing listens where its URL points: every connection is refused.
    t = await startTestBot({ env: SOCKET_ENV, logLevel: LogLevel.INFO, deps: { socketConnectTimeoutMs: 1500 } });
    t.standIn.setSocketModeUrl(`ws://127.0.0.1:${await freePort()}/link/`);
    const started = Date.now();
    const error = await t.bot.start().then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.name).toBe('SocketModeUnreachableError');
    expect(error?.message).toMatch(/wss-\*\.slack\.com/);
    expect(error?.message).toMatch(/ECONNREFUSED/);
    expect(error?.message).not.toContain('\n');
    expect(Date.now() - started).toBeLessThan(6000);
    // The empty "WebSocket error" lines no longer reach the log.
    expect(t.logs.filter((l) => / ERROR .*WebSocket error/.test(l))).toEqual([]);
    const linesAfter = t.logs.length;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(t.logs.slice(linesAfter)).toEqual([]);
  });
});

describe('Socket Mode through HTTPS_PROXY', () => {
  it('reaches the Web API, the WebSocket and the response_url through the proxy', async () => {
    proxy = await startConnectProxy();
    socket = await startSocketModeServer();
    t = await startTestBot({ env: { ...SOCKET_ENV, HTTPS_PROXY: proxy.url } });
    t.standIn.setSocketModeUrl(socket.url);
    const starting = t.bot.start();
    const connection = await socket.waitForConnection();
    connection.send(helloMessage());
    expect(await starting).toEqual({ mode: 'socket' });

    const responseUrl = t.standIn.responseUrl('proxied-13');
    // Most answers travel in the socket's ack; `report 13` by someone who may not record is
    // refused on the response_url (its ack is empty, as a form may follow).
    const payload = Object.fromEntries(new URLSearchParams(slashCommandBody({ text: 'report 13', response_url: responseUrl })));
    connection.send(slashCommandEnvelope('env-proxied', payload));
    const reply = await waitForReply(t.standIn, '/respond/proxied-13');
    expect(visibleText(reply.body)).toContain('⑬ の実績を入力できるのは');

    const standInHost = new URL(t.standIn.url).host;
    const socketHost = new URL(socket.url).host;
    expect(proxy.targets).toContain(standInHost);
    expect(proxy.targets).toContain(socketHost);
    // Nothing went around it: every Web API call, and the socket, were tunnelled.
    expect(t.standIn.callsTo('auth.test').length).toBeGreaterThan(0);
    expect(proxy.targets.every((target) => target === standInHost || target === socketHost)).toBe(true);
  });
});

describe('the cause said in the start-up line (#12.13)', () => {
  const fetchFailed = (cause: unknown) => Object.assign(new TypeError('fetch failed'), { cause });
  it.each([
    ['refused', fetchFailed(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' })), 'connect ECONNREFUSED 127.0.0.1:443'],
    ['not found', fetchFailed(Object.assign(new Error('getaddrinfo ENOTFOUND slack.com'), { code: 'ENOTFOUND' })), 'getaddrinfo ENOTFOUND slack.com'],
    ['timed out', Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }), 'timed out'],
    ['a connect timeout', fetchFailed(Object.assign(new Error('Connect Timeout Error'), { code: 'UND_ERR_CONNECT_TIMEOUT' })), 'timed out'],
    ['a proxy refusal', new Error('Proxy response (403) !== 200 when HTTP Tunneling'), 'Proxy response (403) !== 200 when HTTP Tunneling'],
    ['a redirect', fetchFailed(new Error('unexpected redirect')), 'unexpected redirect'],
  ])('%s', (_what, error, said) => {
    expect(describeConnectFailure(error)).toBe(said);
  });
});
