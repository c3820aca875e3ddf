import { LogLevel, webApi, type Logger } from '@slack/bolt';
import { PostFailure } from '../../commands/alerts/publish.ts';
import type { SlackMessage } from '../render/blocks/build.ts';
import { slackFailure } from './failure.ts';

/**
 * Posting one message with chat.postMessage, and turning every way that can fail into a
 * PostFailure the caller can report. A failure is never swallowed.
 *
 * The client never retries a post by itself: when Slack takes a post and then answers 500
 * (or the answer is lost), a retry would post it again. The caller records the attempt
 * first and the next run settles it from the conversation's history (see `findMessage`).
 */

/** Slack message metadata: our key, so a post whose answer was lost can be found again. */
export interface PostMetadata {
  event_type: string;
  event_payload: Record<string, string>;
}

export type PostMessage = (message: SlackMessage & { channel: string; metadata?: PostMetadata }) => Promise<{ ts: string; channel?: string }>;

export interface SlackPosterOptions {
  token: string;
  slackApiUrl?: string;
  /**
   * Retries of 5xx and network errors by the client. Default 0: a retry after Slack took
   * the post duplicates it. Only a test that wants the client's old behaviour sets this.
   */
  retries?: number;
  timeoutMs?: number;
  logger?: Logger;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export function slackClient(options: SlackPosterOptions, retries: number): webApi.WebClient {
  return new webApi.WebClient(options.token, {
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    retryConfig: { retries, factor: 2, minTimeout: 1000, maxTimeout: 4000 },
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    // A 429 ends the run at once with its Retry-After; the scheduler waits that long, not the client.
    rejectRateLimitedCalls: true,
    ...(options.logger ? { logger: options.logger } : { logLevel: LogLevel.ERROR }),
  });
}

export function createSlackPoster(options: SlackPosterOptions): PostMessage {
  const client = slackClient(options, options.retries ?? 0);
  return async ({ channel, text, blocks, metadata }) => {
    let result;
    try {
      result = await client.chat.postMessage({
        channel,
        text,
        blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...(metadata ? { metadata } : {}),
      });
    } catch (error) {
      throw slackFailure(error);
    }
    if (!result.ok || typeof result.ts !== 'string') {
      throw new PostFailure('platform', String(result.error ?? 'no ts in the answer'));
    }
    return { ts: result.ts, ...(typeof result.channel === 'string' ? { channel: result.channel } : {}) };
  };
}
