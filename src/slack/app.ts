import { App, webApi } from '@slack/bolt';
import { ConfigError } from '../config/core.ts';
import { slackMode } from '../config/slack.ts';
import type { SlackDeps } from './deps.ts';
import { InFlight } from './in-flight.ts';
import { registerListeners } from './listeners/index.ts';
import { httpReceiver, socketModeReceiver, type Listening } from './receivers.ts';

export type { SlackDeps } from './deps.ts';

/** How long shutdown waits for answers already promised to Slack. */
export const DEFAULT_GRACE_MS = 10_000;

export interface PlanBot {
  app: App;
  /** Checks the bot token (auth.test), then listens (HTTP) or connects (Socket Mode). */
  start(): Promise<Listening>;
  /** Stops taking requests and waits for the ones in flight; safe to call twice. */
  stop(graceMs?: number): Promise<void>;
  /** Listener runs not finished yet. */
  readonly inFlight: number;
}

export function createSlackApp(deps: SlackDeps): PlanBot {
  const { config, logger } = deps;
  const clientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    // Calls made inside a request (views.open) are useless after Slack's 3 seconds, and a
    // start against an unreachable API should fail in seconds, not in half an hour.
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 },
    timeout: 10_000,
  };
  const mode = slackMode(config);
  const planReceiver =
    mode === 'socket' ? socketModeReceiver(config, logger, clientOptions) : httpReceiver(config, logger);

  const app = new App({
    token: config.botToken,
    receiver: planReceiver.receiver,
    logger,
    clientOptions,
    // Without this Bolt calls auth.test inside the constructor and a bad token surfaces
    // as an unhandled rejection; with it, start() reports it.
    deferInitialization: true,
  });

  const inFlight = new InFlight();
  app.use(async ({ next }) => {
    await inFlight.track(next());
  });
  app.error(async (error) => {
    logger.error('unhandled error in a listener:', error);
  });
  registerListeners(app, deps);

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
        throw rejected('SLACK_BOT_TOKEN', error);
      }
      try {
        return planReceiver.started(await app.start(config.port));
      } catch (error) {
        if (mode === 'socket') throw rejected('SLACK_APP_TOKEN', error);
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

async function drain(inFlight: InFlight, graceMs: number, logger: SlackDeps['logger']): Promise<void> {
  if (!(await inFlight.drain(graceMs))) {
    logger.warn(`${inFlight.size} request(s) still running after ${graceMs} ms; stopping anyway`);
  }
}

/** Slack refusing a token is a configuration problem: name the variable, not the value. */
function rejected(variable: string, error: unknown): Error {
  if (error instanceof Error && 'code' in error && error.code === webApi.ErrorCode.PlatformError) {
    const reason = (error as webApi.WebAPIPlatformError).data.error;
    return new ConfigError(variable, `was rejected by Slack (${reason})`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
