import { channel as diagnosticsChannel } from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { HTTPReceiver, SocketModeReceiver, type InstallationStore, type Logger } from '@slack/bolt';
import { messagesFor } from '../messages/index.ts';
import type { Dispatcher } from 'undici';
import type { SlackConfig } from '../config/slack.ts';
import { guardRequests } from './request-guard.ts';
import type { SignedRequestContext } from './replay-guard.ts';

/**
 * The two ways Slack reaches the bot, built apart from the App so shutdown can reach
 * what Bolt keeps private: the HTTP server (to cut idle keep-alive sockets) and the
 * Socket Mode client (to wait for the WebSocket to close).
 */

export const EVENTS_PATH = '/slack/events';
export const BODY_LIMIT_BYTES = 512 * 1024;

export type Listening = { mode: 'http'; port: number } | { mode: 'socket' };

export interface PlanReceiver {
  receiver: HTTPReceiver | SocketModeReceiver;
  /** Called by the app after `App#start` resolved with what the receiver returned. */
  started(result: unknown): Listening;
  stop(graceMs: number): Promise<void>;
  /** Socket Mode: gives up connecting (start() then fails with `SocketModeUnreachableError`). */
  abandon?(timeoutMs: number): Promise<Error>;
}

/**
 * POST /slack/events for commands, interactivity and events: the request guard
 * (request-guard.ts) first, then Bolt's own checks. The signature and its timestamp reach
 * the listeners' context, for the replay record.
 */
export function httpReceiver(
  config: SlackConfig,
  logger: Logger,
  wallClock: () => number = Date.now,
  installation?: { store: InstallationStore; clientOptions: Record<string, unknown> },
): PlanReceiver {
  const oauth = config.oauth && installation ? installationOptions(config.oauth, installation, config.locale) : {};
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret!,
    endpoints: EVENTS_PATH,
    ...oauth,
    port: config.port,
    logger: config.oauth ? installsQuietly(logger) : logger,
    // Slack's largest payloads (a view_submission with its blocks) are tens of kilobytes;
    // Bolt's 4 MB default would let anyone make the bot buffer 4 MB before the signature check.
    bodyLimit: BODY_LIMIT_BYTES,
    // The request guard in front (below) has already checked the signature and its timestamp,
    // both ways, on every POST to this endpoint, and is the only way in to it. Bolt checking again
    // was a second HMAC and a comparison that makes two more (tsscmp): a tenth of the CPU of a
    // `/plan 13` (#14, docs/operations.md).
    signatureVerification: false,
    customPropertiesExtractor: (req: IncomingMessage): SignedRequestContext => {
      const signature = req.headers['x-slack-signature'];
      const timestamp = Number(req.headers['x-slack-request-timestamp']);
      return typeof signature === 'string' && Number.isFinite(timestamp)
        ? { slackSignature: signature, slackTimestamp: timestamp }
        : {};
    },
  });
  // The server calls this property for every request, so the guard stands in front of all of Bolt.
  receiver.requestListener = guardRequests(receiver.requestListener, {
    signingSecret: config.signingSecret!,
    path: EVENTS_PATH,
    bodyLimit: BODY_LIMIT_BYTES,
    logger,
    now: wallClock,
  });
  let server: Server | undefined;
  return {
    receiver,
    started(result) {
      server = result as Server;
      const address = server.address();
      return { mode: 'http', port: typeof address === 'object' && address ? address.port : config.port };
    },
    async stop(graceMs) {
      if (!server?.listening) return;
      const closed = receiver.stop();
      // Requests already answered leave idle keep-alive sockets open; close() waits for them.
      server.closeIdleConnections();
      const timer = setTimeout(() => server?.closeAllConnections(), graceMs);
      try {
        await closed;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** What the bot asks each workspace for when it installs: the scopes of manifest.yml. */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'im:write',
  'users:read',
  'im:history',
  'channels:history',
  'groups:history',
  'files:write',
] as const;

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/**
 * OAuth (#18): GET /slack/install sends the person to Slack's consent page with a signed state
 * (and its cookie, so the install finishes in the browser that began it); Slack sends them back
 * to GET /slack/oauth_redirect, where Bolt exchanges the code (oauth.v2.access) and stores the
 * installation through `store`.
 */
function installationOptions(
  oauth: NonNullable<SlackConfig['oauth']>,
  installation: { store: InstallationStore; clientOptions: Record<string, unknown> },
  locale: SlackConfig['locale'],
) {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore: installation.store,
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      // Straight to Slack's consent page: the bot has no page of its own to show first.
      directInstall: true,
      clientOptions: installation.clientOptions,
      callbackOptions: {
        success: (_installation: unknown, _options: unknown, _req: IncomingMessage, res: ServerResponse) => {
          res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end(messagesFor(locale).workspace.installed);
        },
        // A cancelled consent, a stale or forged state, a code used twice: the person starts again.
        failure: (_error: unknown, _options: unknown, _req: IncomingMessage, res: ServerResponse) => {
          res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end(messagesFor(locale).workspace.installFailed);
        },
      },
    },
  };
}

/**
 * An install that did not complete (cancelled, a forged or stale state, a code used twice) is the
 * visitor's doing, not the bot's: Bolt's installer logs it as an error object with a stack, so
 * such errors become one warning line.
 */
function installsQuietly(logger: Logger): Logger {
  return {
    ...logger,
    error: (...msg: unknown[]) => {
      const [first] = msg;
      const code = first instanceof Error ? String((first as { code?: unknown }).code ?? '') : '';
      // Slack refusing the code itself: used already, expired, or never issued.
      const refusedCode = (first as { data?: { error?: unknown } } | undefined)?.data?.error;
      const visitors = code.startsWith('slack_oauth_') || (code === 'slack_webapi_platform_error' && /code/.test(String(refusedCode)));
      if (visitors) logger.warn(`an install did not complete (${code}): ${(first as Error).message}`);
      else logger.error(...msg);
    },
  };
}

/** The hosts Slack's WebSocket URLs point at, for the line an operator sees. */
export const SOCKET_MODE_HOSTS = 'wss-*.slack.com';

export class SocketModeUnreachableError extends Error {
  constructor(timeoutMs: number, cause: string | undefined, proxied: boolean) {
    super(
      `could not open the Socket Mode WebSocket to ${SOCKET_MODE_HOSTS} (port 443) within ${Math.round(timeoutMs / 1000)} s` +
        `${cause ? ` (${cause})` : ''}: ` +
        (proxied
          ? 'check that HTTPS_PROXY allows CONNECT to wss-primary.slack.com and wss-backup.slack.com'
          : 'allow outbound connections to wss-primary.slack.com and wss-backup.slack.com, set HTTPS_PROXY to go through a proxy, or unset SLACK_APP_TOKEN to use HTTP mode'),
    );
    this.name = 'SocketModeUnreachableError';
  }
}

/**
 * Socket Mode: the bot dials out to Slack over a WebSocket, so no public URL or inbound
 * firewall rule is needed. `clientOptions` carries SLACK_API_URL and the outbound fetch to
 * apps.connections.open; `dispatcher` (HTTPS_PROXY) carries the WebSocket itself.
 *
 * Where the WebSocket is blocked the client retries every few seconds forever, logging an
 * empty "WebSocket error" each time. Until the first connection those lines are kept at
 * debug and the last connection failure remembered, so `abandon` can say in one line what
 * failed and where.
 */
export function socketModeReceiver(
  config: SlackConfig,
  logger: Logger,
  clientOptions: Record<string, unknown>,
  dispatcher?: Dispatcher,
): PlanReceiver {
  let connected = false;
  let lastFailure: string | undefined;
  const quietUntilConnected: Logger = {
    ...logger,
    error: (...msg: unknown[]) => {
      const text = msg.map(String).join(' ');
      if (!connected && /WebSocket error/.test(text)) {
        logger.debug(...msg);
        return;
      }
      logger.error(...msg);
    },
  };
  const receiver = new SocketModeReceiver({
    appToken: config.appToken!,
    logger: quietUntilConnected,
    ...(dispatcher ? { dispatcher } : {}),
    installerOptions: { clientOptions },
  });
  receiver.client.on('error', (error: unknown) => {
    const original = (error as { original?: unknown }).original;
    lastFailure = describeConnectFailure(original ?? error) ?? lastFailure;
  });
  // undici reports why a connection could not be made here, and the WebSocket's error event
  // often carries no message at all.
  const onConnectError = (message: unknown) => {
    if (connected) return;
    const { error, connectParams } = message as { error?: unknown; connectParams?: { host?: string } };
    const why = describeConnectFailure(error);
    if (why) lastFailure = connectParams?.host ? `${why} connecting to ${connectParams.host}` : why;
  };
  const connectErrors = diagnosticsChannel('undici:client:connectError');
  connectErrors.subscribe(onConnectError);
  const stopListening = () => connectErrors.unsubscribe(onConnectError);
  return {
    receiver,
    started() {
      connected = true;
      stopListening();
      return { mode: 'socket' };
    },
    async abandon(timeoutMs) {
      stopListening();
      await receiver.client.disconnect().catch(() => undefined);
      return new SocketModeUnreachableError(timeoutMs, lastFailure, dispatcher !== undefined);
    },
    async stop(graceMs) {
      stopListening();
      if (!connected) return;
      connected = false;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        receiver.client.disconnect(),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, graceMs);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}

/** "ECONNREFUSED 127.0.0.1:443", "ENOTFOUND wss-primary.slack.com", "timed out"…, or undefined when nothing useful is known. */
export function describeConnectFailure(error: unknown): string | undefined {
  let deepest: string | undefined;
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message, name } = e as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof code === 'string' && /^E[A-Z]+/.test(code)) {
      return typeof message === 'string' && message.includes(code) ? message : `${code}${message ? `: ${String(message)}` : ''}`;
    }
    if (name === 'TimeoutError' || name === 'ConnectTimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT') return 'timed out';
    if (typeof message === 'string' && /Proxy response \(\d+\)/.test(message)) return message;
    // "fetch failed" says nothing; what it wraps ("bad port", "unexpected redirect") does.
    if (typeof message === 'string' && message.trim() !== '') deepest = message;
  }
  return deepest;
}
