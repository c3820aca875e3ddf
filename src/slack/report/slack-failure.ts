import { webApi } from '@slack/bolt';

/**
 * A Web API failure in words safe for a log line: Slack's error code or the HTTP status,
 * never the request (its headers carry the token).
 */
export function describeSlackFailure(error: unknown): string {
  if (error instanceof webApi.WebAPIRateLimitedError)
    return `rate limited, retry after ${error.retryAfter}s`;
  if (error instanceof webApi.WebAPIHTTPError) return `HTTP ${error.statusCode}`;
  if (error instanceof webApi.WebAPIPlatformError) return String(error.data.error);
  if (error instanceof webApi.WebAPIRequestError) return `network: ${error.original.message}`;
  return error instanceof Error ? error.message : String(error);
}
