import type { webApi } from '@slack/bolt';
import type { FindMessage, FindResult } from '../../commands/alerts/publish.ts';
import { slackFailure } from './failure.ts';
import { slackClient, type SlackPosterOptions } from './post-message.ts';

/**
 * The reads the bot's own posts rely on: its DM with a person, that person's language, its
 * own messages found again by their metadata key, and whether it can post to a channel.
 * Reads are safe to repeat, so the client retries them a little.
 */

const READ_RETRIES = 2;
/** Pages of history read when looking for a key; a run's posts are recent, so this is ample. */
const MAX_HISTORY_PAGES = 5;
/** Clocks differ: look a little before the attempt was recorded. */
const HISTORY_SLACK_SECONDS = 120;

/** Every event_type the bot puts in metadata; a key is only looked for among these. */
export const METADATA_EVENT_TYPES = ['plan_bot_digest', 'plan_bot_reminder'] as const;

export interface SlackReads {
  find: FindMessage;
  /** The D… id of the bot's DM with a person (conversations.open). */
  openDm(userId: string): Promise<string>;
  /** Slack's locale for a person (`ja-JP`, `en-US`), or null when Slack does not say. */
  localeOf(userId: string): Promise<string | null>;
  checkChannel(channel: string): Promise<ChannelCheck>;
}

export type ChannelCheck =
  | { kind: 'ok' }
  | { kind: 'not_in_channel' }
  | { kind: 'not_found' }
  /** Anything else: a missing scope, Slack unreachable; the detail says which. */
  | { kind: 'unknown'; detail: string };

export function createSlackReads(options: SlackPosterOptions): SlackReads {
  const client = slackClient(options, READ_RETRIES);
  return {
    find: (channel, key, since) => findByKey(client, channel, key, since),
    async openDm(userId) {
      let result;
      try {
        result = await client.conversations.open({ users: userId, return_im: false });
      } catch (error) {
        throw slackFailure(error);
      }
      const id = result.channel?.id;
      if (typeof id !== 'string') throw slackFailure(new Error('conversations.open gave no channel id'));
      return id;
    },
    async localeOf(userId) {
      try {
        const result = await client.users.info({ user: userId, include_locale: true });
        return typeof result.user?.locale === 'string' ? result.user.locale : null;
      } catch {
        // Not knowing someone's language is no reason to withhold their reminder.
        return null;
      }
    },
    async checkChannel(channel) {
      try {
        await client.conversations.history({ channel, limit: 1 });
        return { kind: 'ok' };
      } catch (error) {
        const failure = slackFailure(error);
        if (failure.kind === 'platform' && failure.detail === 'not_in_channel') return { kind: 'not_in_channel' };
        if (failure.kind === 'platform' && failure.detail === 'channel_not_found') return { kind: 'not_found' };
        return { kind: 'unknown', detail: failure.detail };
      }
    },
  };
}

async function findByKey(client: webApi.WebClient, channel: string, key: string, since: Date): Promise<FindResult> {
  const oldest = (Math.floor(since.getTime() / 1000) - HISTORY_SLACK_SECONDS).toString();
  let cursor: string | undefined;
  try {
    for (let page = 0; page < MAX_HISTORY_PAGES; page += 1) {
      const result = await client.conversations.history({
        channel,
        oldest,
        include_all_metadata: true,
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      for (const message of result.messages ?? []) {
        const metadata = message.metadata;
        if (
          metadata &&
          (METADATA_EVENT_TYPES as readonly string[]).includes(String(metadata.event_type)) &&
          (metadata.event_payload as Record<string, unknown> | undefined)?.['key'] === key &&
          typeof message.ts === 'string'
        ) {
          return { kind: 'found', ts: message.ts };
        }
      }
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!result.has_more || !cursor) return { kind: 'absent' };
    }
    // More history since then than a search should read: say so rather than guess "absent".
    return { kind: 'unreadable', detail: `not within ${MAX_HISTORY_PAGES} pages of history` };
  } catch (error) {
    const failure = slackFailure(error);
    return failure.kind === 'platform'
      ? { kind: 'unreadable', detail: failure.detail }
      : { kind: 'unreachable', detail: failure.detail };
  }
}
