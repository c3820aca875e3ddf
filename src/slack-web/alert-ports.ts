import type { DigestPublisher } from '../../commands/alerts/publish.ts';
import type { ReminderMessenger } from '../../commands/reminders/messenger.ts';
import type { Messages } from '../messages/index.ts';
import { createSlackReads, type SlackReads } from './conversations.ts';
import { digestPublisher } from './digest-publisher.ts';
import { createSlackPoster, type PostMessage } from './post-message.ts';
import { reminderMessenger } from './reminder-messenger.ts';

/** The Slack side of the alert job, for every door that runs it (scheduler, CLI). */
export interface AlertPorts {
  publisher: DigestPublisher;
  messenger: ReminderMessenger;
  reads: SlackReads;
}

export function slackAlertPorts(options: {
  token: string;
  slackApiUrl?: string | undefined;
  messages: Messages;
  escalateAfter: number;
  /** Tests hand in their own post. */
  post?: PostMessage;
}): AlertPorts {
  const api = { token: options.token, ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}) };
  const post = options.post ?? createSlackPoster(api);
  const reads = createSlackReads(api);
  return {
    publisher: digestPublisher(options.messages, post, reads.find),
    messenger: reminderMessenger(post, reads, { escalateAfter: options.escalateAfter }),
    reads,
  };
}
