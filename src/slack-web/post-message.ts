import { LogLevel, webApi, type Logger } from '@slack/bolt';
import { PostFailure } from '../../commands/alerts/publish.ts';
import type { SlackMessage } from '../render/blocks/build.ts';
import { slackFailure } from './failure.ts';

/**
 * Posting one message with chat.postMessage, and turning every way that can fail into a
 * PostFailure the caller can report. A failure is never swallowed.
 */

export type PostMessage = (message: SlackMessage & { channel: string }) => Promise<{ ts: string }>;

export interface SlackPosterOptions {
  token: string;
  slackApiUrl?: string;
  /**
   * Retries of 5xx and network errors inside one run. Kept short (seconds, not the client's
   * default half hour) so a run ends well inside its claim's lease; the next run retries.
   */
  retries?: number;
  timeoutMs?: number;
  logger?: Logger;
}

const DEFAULT_RETRIES = 2;
const DEFAULT_TIMEOUT_MS = 30_000;

export function createSlackPoster(options: SlackPosterOptions): PostMessage {
  const client = new webApi.WebClient(options.token, {
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    retryConfig: { retries: options.retries ?? DEFAULT_RETRIES, factor: 2, minTimeout: 1000, maxTimeout: 4000 },
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    // A 429 ends the run at once with its Retry-After; the scheduler waits that long, not the client.
    rejectRateLimitedCalls: true,
    ...(options.logger ? { logger: options.logger } : { logLevel: LogLevel.ERROR }),
  });
  return async ({ channel, text, blocks }) => {
    let result;
    try {
      result = await client.chat.postMessage({ channel, text, blocks, unfurl_links: false, unfurl_media: false });
    } catch (error) {
      throw slackFailure(error);
    }
    if (!result.ok || typeof result.ts !== 'string') {
      throw new PostFailure('platform', String(result.error ?? 'no ts in the answer'));
    }
    return { ts: result.ts };
  };
}
