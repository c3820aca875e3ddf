import type { FindMessage } from '../alerts/publish.ts';
import type { EscalationDm, ReminderDm } from './compute.ts';
import type { ReminderLocale } from './settings.ts';

/**
 * What a reminder run needs from Slack, as a port: the doors supply Block Kit and the Web
 * API (src/slack-web/reminder-messenger.ts), so this use case knows neither.
 *
 * Every post throws a PostFailure when it fails; its `outcomeUnknown` says whether Slack
 * may have taken it all the same.
 */
export interface ReminderMessenger {
  /** The person's language as Slack says it (users.info locale), or null. */
  localeOf(userId: string): Promise<ReminderLocale | null>;
  /** The DM conversation with a person. */
  openDm(userId: string): Promise<string>;
  /** The lines of an escalation that fit in one message; the rest are deferred. */
  fitEscalation(escalation: EscalationDm, locale: ReminderLocale): EscalationDm;
  postReminder(channel: string, dm: ReminderDm, options: PostOptions): Promise<{ ts: string }>;
  postEscalation(channel: string, escalation: EscalationDm, options: PostOptions): Promise<{ ts: string }>;
  find: FindMessage;
}

export interface PostOptions {
  locale: ReminderLocale;
  /** Carried in the message metadata, so a lost answer can be looked up. */
  key: string;
  /** The last message to this person may not have arrived or may be repeated: say so. */
  repeated: boolean;
}

export const REMINDER_EVENT_TYPE = 'plan_bot_reminder';
