import type { webApi } from '@slack/bolt';
import { slackFailure } from './failure.ts';

/**
 * The bot's direct-message channel with a person (D…), opened if need be: files upload v2 shares
 * only into a conversation id (files.completeUploadExternal refuses a U… user id in channel_id).
 * Needs the `im:write` scope. Failures come back as a PostFailure naming Slack's code.
 */
export async function openDirectMessage(client: webApi.WebClient, userId: string): Promise<string> {
  let result;
  try {
    result = await client.conversations.open({ users: userId });
  } catch (error) {
    throw slackFailure(error);
  }
  const id = result.channel?.id;
  if (typeof id !== 'string') throw slackFailure(new Error('conversations.open named no channel'));
  return id;
}
