import { App, webApi } from '@slack/bolt';
import { ConfigError } from '../config/core.ts';
import { slackMode } from '../config/slack.ts';
import { proxyDispatcher, slackFetch } from '../slack-web/outbound.ts';
import { ackUnhandled } from './ack-unhandled.ts';
import { planInstallationStore } from './installation-store.ts';
import { workspaceResolver, type AppDeps } from './workspaces.ts';
import { InFlight } from './in-flight.ts';
import { markReceived } from './deadline.ts';
import { registerListeners } from './listeners/index.ts';
import { describeConnectFailure, httpReceiver, socketModeReceiver, type Listening } from './receivers.ts';
import { replayGuard } from './replay-guard.ts';

export type { SlackDeps } from './deps.ts';
export type { AppDeps } from './workspaces.ts';

/** How long shutdown waits for answers already promised to Slack. */
export const DEFAULT_GRACE_MS = 10_000;

/** How long a Socket Mode start waits for the WebSocket before saying why it cannot connect. */
export const DEFAULT_SOCKET_CONNECT_TIMEOUT_MS = 30_000;

export const SLACK_API_DEFAULT = 'https://slack.com/api/';

/** Slack could not be reached at all: the host and the cause, in one line. */
export class SlackUnreachableError extends Error {
  constructor(apiUrl: string, cause: string | undefined, proxied: boolean) {
    super(
      `could not reach Slack's Web API at ${new URL(apiUrl).host}${cause ? ` (${cause})` : ''}: check the network` +
        `${proxied ? ', HTTPS_PROXY' : ' or set HTTPS_PROXY to go through a proxy'}` +
        `${apiUrl === SLACK_API_DEFAULT ? '' : ', and SLACK_API_URL'}`,
    );
    this.name = 'SlackUnreachableError';
  }
}

export interface PlanBot {
  app: App;
  /** Checks the bot token (auth.test), then listens (HTTP) or connects (Socket Mode). */
  start(): Promise<Listening>;
  /** Stops taking requests and waits for the ones in flight; safe to call twice. */
  stop(graceMs?: number): Promise<void>;
  /** Listener runs not finished yet. */
  readonly inFlight: number;
}

export function createSlackApp(deps: AppDeps): PlanBot {
  const { config, logger } = deps;
  const dispatcher = proxyDispatcher(config.httpsProxy);
  const clientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    // Used by the Web API client and by respond(): Slack's hosts only, no redirects, through HTTPS_PROXY if set.
    fetch: slackFetch({ slackApiUrl: config.slackApiUrl, dispatcher }),
    // Calls made inside a request (views.open) are useless after Slack's 3 seconds, and a
    // start against an unreachable API should fail in seconds, not in half an hour.
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 },
    timeout: 10_000,
  };
  const mode = slackMode(config);
  const planReceiver =
    mode === 'socket'
      ? socketModeReceiver(config, logger, clientOptions, dispatcher)
      : httpReceiver(config, logger, deps.wallClock, config.oauth ? { store: planInstallationStore(deps), clientOptions } : undefined);

  const app = new App({
    token: config.botToken,
    receiver: planReceiver.receiver,
    logger,
    clientOptions,
    // Without this Bolt calls auth.test inside the constructor and a bad token surfaces
    // as an unhandled rejection; with it, start() reports it.
    deferInitialization: true,
    // No listener keeps conversation state, and Bolt's default in-memory store (checked:
    // `convoStore?: ConversationStore | false` in the installed @slack/bolt 5.1) costs every
    // request a lookup that fails by throwing an Error, stack and all.
    convoStore: false,
  });

  const inFlight = new InFlight();
  app.use(({ context, next }) => {
    markReceived(context);
    return inFlight.track(next());
  });
  app.use(replayGuard(deps));
  const workspaces = workspaceResolver(deps);
  app.use(workspaces.middleware);
  app.error(async (error) => {
    // With OAuth, a request from a workspace with no installation (uninstalled a moment ago, or
    // never installed) is refused by Bolt's authorize: the sender's situation, not a bug.
    if (error.code === 'slack_bolt_authorization_error') {
      logger.warn(`refused a request from a workspace with no installation (${error.message.split('. ').at(-1)})`);
      return;
    }
    logger.error('unhandled error in a listener:', error);
  });
  // The last middleware: every request is routed to its listener once its workspace is known.
  app.use(registerListeners(deps).middleware);
  ackUnhandled(app, logger);

  let stopping: Promise<void> | undefined;
  return {
    app,
    get inFlight() {
      return inFlight.size;
    },
    async start() {
      try {
        await app.init();
      } catch (error) {
        throw rejected('SLACK_BOT_TOKEN', error, config.slackApiUrl ?? SLACK_API_DEFAULT, dispatcher !== undefined);
      }
      await workspaces.warm();
      try {
        if (mode === 'socket') {
          const timeoutMs = deps.socketConnectTimeoutMs ?? DEFAULT_SOCKET_CONNECT_TIMEOUT_MS;
          return planReceiver.started(await withDeadline(app.start(), timeoutMs, () => planReceiver.abandon!(timeoutMs)));
        }
        return planReceiver.started(await app.start(config.port));
      } catch (error) {
        if (error instanceof Error && error.name === 'SocketModeUnreachableError') throw error;
        if (mode === 'socket') throw rejected('SLACK_APP_TOKEN', error, config.slackApiUrl ?? SLACK_API_DEFAULT, dispatcher !== undefined);
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new ConfigError('PORT', `${config.port} is already in use`);
        }
        throw error;
      }
    },
    stop(graceMs = DEFAULT_GRACE_MS) {
      stopping ??= (async () => {
        if (mode === 'http') {
          // Closing the server first refuses new requests while the running ones finish.
          await Promise.all([planReceiver.stop(graceMs), drain(inFlight, graceMs, logger)]);
        } else {
          // A Socket Mode envelope not yet acked is lost with the socket, so drain first.
          await drain(inFlight, graceMs, logger);
          await planReceiver.stop(graceMs);
        }
      })();
      return stopping;
    },
  };
}

async function drain(inFlight: InFlight, graceMs: number, logger: AppDeps['logger']): Promise<void> {
  if (!(await inFlight.drain(graceMs))) {
    logger.warn(`${inFlight.size} request(s) still running after ${graceMs} ms; stopping anyway`);
  }
}

/**
 * Slack refusing a token is a configuration problem: name the variable, not the value.
 * Slack not answering at all is said with the host and the cause (refused, not found, timed out).
 */
function rejected(variable: string, error: unknown, apiUrl: string, proxied: boolean): Error {
  if (error instanceof Error && 'code' in error && error.code === webApi.ErrorCode.PlatformError) {
    const reason = (error as webApi.WebAPIPlatformError).data.error;
    return new ConfigError(variable, `was rejected by Slack (${reason})`);
  }
  if (error instanceof Error && 'code' in error && error.code === webApi.ErrorCode.RequestError) {
    return new SlackUnreachableError(apiUrl, describeConnectFailure((error as webApi.WebAPIRequestError).original), proxied);
  }
  if (error instanceof Error && 'code' in error && error.code === webApi.ErrorCode.HTTPError) {
    return new SlackUnreachableError(apiUrl, `HTTP ${(error as webApi.WebAPIHTTPError).statusCode}`, proxied);
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** The promise's outcome, or after `ms` the error `giveUp` makes (the promise is then left to settle unheard). */
async function withDeadline<T>(work: Promise<T>, ms: number, giveUp: () => Promise<Error>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), ms);
  });
  const outcome = await Promise.race([
    work.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    ),
    expired,
  ]);
  clearTimeout(timer);
  if (outcome === 'expired') throw await giveUp();
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}
