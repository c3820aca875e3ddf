import { RespondError, type Logger, type RespondArguments, type RespondFn } from '@slack/bolt';
import { UntrustedUrlError } from '../slack-web/outbound.ts';

const ATTEMPTS = 3;
const FIRST_DELAY_MS = 250;

/**
 * Posts to the response_url, retrying what may pass on a second try (rate limits, 5xx,
 * network) and reporting what will not. Returns whether the answer arrived. A
 * response_url lives 30 minutes, so a short backoff costs nothing.
 */
export async function respondReliably(
  respond: RespondFn,
  message: RespondArguments,
  logger: Logger,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      await respond(message);
      return true;
    } catch (error) {
      const status = error instanceof RespondError ? error.statusCode : undefined;
      // A response_url outside Slack, or one that redirects, will be refused again: not retried.
      const refused = error instanceof UntrustedUrlError || isRedirect(error);
      const retryable = !refused && (status === undefined || status === 429 || status >= 500);
      if (!retryable || attempt >= ATTEMPTS) {
        // The response_url itself is a credential for this conversation: not logged.
        logger.error(`could not answer through the response_url (${status ?? describe(error)}) after ${attempt} attempt(s)`);
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, FIRST_DELAY_MS * 3 ** (attempt - 1)));
    }
  }
}

function isRedirect(error: unknown): boolean {
  const cause = (error as { cause?: { message?: unknown } } | null)?.cause;
  return typeof cause?.message === 'string' && /redirect/i.test(cause.message);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
