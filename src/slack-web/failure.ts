import { webApi } from '@slack/bolt';
import { PostFailure } from '../../commands/alerts/publish.ts';

/**
 * A Web API failure as a PostFailure: Slack's error code or the HTTP status, never the
 * request (its headers carry the token). One reading for every Slack call the bot makes.
 */
export function slackFailure(error: unknown): PostFailure {
  if (error instanceof PostFailure) return error;
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return new PostFailure('rate_limited', `rate limited, retry after ${error.retryAfter}s`, error.retryAfter);
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    return new PostFailure('http', `HTTP ${error.statusCode}`, undefined, error.statusCode);
  }
  if (error instanceof webApi.WebAPIPlatformError) return new PostFailure('platform', String(error.data.error));
  if (error instanceof webApi.WebAPIRequestError) return new PostFailure('network', `network: ${error.original.message}`);
  return PostFailure.of(error);
}

/** The same reading as one line for a log. */
export function describeSlackFailure(error: unknown): string {
  return slackFailure(error).detail;
}
