import { LogLevel, webApi, type Logger } from '@slack/bolt';
import type { DigestMessage } from './digest-blocks.ts';

/**
 * Posting one digest with chat.postMessage, and turning every way that can fail into a
 * SlackPostError the run can report. A failure is never swallowed: the run ledgers nothing
 * and the next run posts the same items again.
 */

export type PostDigest = (message: DigestMessage & { channel: string }) => Promise<{ ts: string }>;

export type SlackFailureKind = 'http' | 'platform' | 'rate_limited' | 'network' | 'unknown';

export class SlackPostError extends Error {
  constructor(
    readonly kind: SlackFailureKind,
    /** Safe to log and show: a status code or Slack's error code, never a token. */
    readonly detail: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(`chat.postMessage failed: ${detail}`);
    this.name = 'SlackPostError';
  }
}

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

export function createSlackPoster(options: SlackPosterOptions): PostDigest {
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
      throw toSlackPostError(error);
    }
    if (!result.ok || typeof result.ts !== 'string') {
      throw new SlackPostError('platform', String(result.error ?? 'no ts in the answer'));
    }
    return { ts: result.ts };
  };
}

export function toSlackPostError(error: unknown): SlackPostError {
  if (error instanceof SlackPostError) return error;
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return new SlackPostError('rate_limited', `rate limited, retry after ${error.retryAfter}s`, error.retryAfter);
  }
  if (error instanceof webApi.WebAPIHTTPError) return new SlackPostError('http', `HTTP ${error.statusCode}`);
  if (error instanceof webApi.WebAPIPlatformError) return new SlackPostError('platform', error.data.error);
  if (error instanceof webApi.WebAPIRequestError) return new SlackPostError('network', error.original.message);
  return new SlackPostError('unknown', error instanceof Error ? error.message : String(error));
}
