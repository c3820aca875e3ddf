import type { Server } from 'node:http';
import { HTTPReceiver, SocketModeReceiver, type Logger } from '@slack/bolt';
import type { SlackConfig } from '../config/slack.ts';

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
}

/** POST /slack/events for commands, interactivity and events, with Bolt's signature check. */
export function httpReceiver(config: SlackConfig, logger: Logger): PlanReceiver {
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret!,
    endpoints: EVENTS_PATH,
    port: config.port,
    logger,
    // Slack's largest payloads (a view_submission with its blocks) are tens of kilobytes;
    // Bolt's 4 MB default would let anyone make the bot buffer 4 MB before the signature check.
    bodyLimit: BODY_LIMIT_BYTES,
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

/**
 * Socket Mode: the bot dials out to Slack over a WebSocket, so no public URL or inbound
 * firewall rule is needed. `clientOptions` carries SLACK_API_URL to apps.connections.open.
 */
export function socketModeReceiver(
  config: SlackConfig,
  logger: Logger,
  clientOptions: Record<string, unknown>,
): PlanReceiver {
  const receiver = new SocketModeReceiver({
    appToken: config.appToken!,
    logger,
    installerOptions: { clientOptions },
  });
  let connected = false;
  return {
    receiver,
    started() {
      connected = true;
      return { mode: 'socket' };
    },
    async stop(graceMs) {
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
