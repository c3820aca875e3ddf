import type { Digest } from './digest.ts';

/**
 * What a run needs from the outside to publish a digest: how much of it fits in one message,
 * and a way to post it. The doors supply both (Block Kit and chat.postMessage in production),
 * so this use case knows neither Slack nor wording.
 */

export type PostFailureKind = 'http' | 'platform' | 'rate_limited' | 'network' | 'unknown';

/** Every way a post can fail, in words safe to log and show: a status or an error code, never a token. */
export class PostFailure extends Error {
  constructor(
    readonly kind: PostFailureKind,
    readonly detail: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(`chat.postMessage failed: ${detail}`);
    this.name = 'PostFailure';
  }

  static of(error: unknown): PostFailure {
    if (error instanceof PostFailure) return error;
    return new PostFailure('unknown', error instanceof Error ? error.message : String(error));
  }
}

export interface DigestPublisher {
  /** The part of a digest that one message can carry; the rest is deferred, never cut. */
  fit(digest: Digest): Digest;
  /** Posts a fitted digest; throws a PostFailure (or anything, read as 'unknown'). */
  post(channel: string, digest: Digest): Promise<{ ts: string }>;
}
