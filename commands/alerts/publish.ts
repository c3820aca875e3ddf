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
    /** The HTTP status, when the failure was one. */
    readonly status?: number,
  ) {
    super(`chat.postMessage failed: ${detail}`);
    this.name = 'PostFailure';
  }

  /**
   * Whether Slack may have taken the post all the same: a 5xx or a lost answer (timeout,
   * reset) says nothing about it. A 429, an ok:false or another 4xx is a clear "not posted".
   */
  get outcomeUnknown(): boolean {
    if (this.kind === 'http') return this.status === undefined || this.status >= 500;
    return this.kind === 'network' || this.kind === 'unknown';
  }

  static of(error: unknown): PostFailure {
    if (error instanceof PostFailure) return error;
    return new PostFailure('unknown', error instanceof Error ? error.message : String(error));
  }
}

/** What a look for a message by its key in a conversation's recent history found. */
export type FindResult =
  | { kind: 'found'; ts: string }
  | { kind: 'absent' }
  /** The history cannot be read (a missing scope, not a member): it will not get better by waiting. */
  | { kind: 'unreadable'; detail: string }
  /** Slack could not be asked right now: ask again next run. */
  | { kind: 'unreachable'; detail: string };

/** Looks for the bot's own message carrying `key` in its metadata, posted no earlier than `since`. */
export type FindMessage = (channel: string, key: string, since: Date) => Promise<FindResult>;

export interface DigestPublisher {
  /** The part of a digest that one message can carry; the rest is deferred, never cut. */
  fit(digest: Digest): Digest;
  /**
   * Posts a fitted digest once, carrying `key` in its metadata; throws a PostFailure (or
   * anything, read as 'unknown'). `repeated` says the last digest's fate could not be read.
   */
  post(channel: string, digest: Digest, options: { key: string; repeated: boolean }): Promise<{ ts: string }>;
  /** Looks for a digest by its key after its answer was lost. */
  find: FindMessage;
}
