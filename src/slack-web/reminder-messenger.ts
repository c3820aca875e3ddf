import { REMINDER_EVENT_TYPE, type ReminderMessenger } from '../../commands/reminders/messenger.ts';
import type { ReminderLocale } from '../../commands/reminders/settings.ts';
import { messagesFor } from '../messages/index.ts';
import { renderReminderDm } from '../render/reminders/dm.ts';
import { fitEscalation, renderEscalationDm } from '../render/reminders/escalation.ts';
import type { SlackReads } from './conversations.ts';
import type { PostMessage } from './post-message.ts';

/** Slack's locale (`ja-JP`, `en-US`, `en-GB`…) as one of the bot's languages, or null. */
export function reminderLocaleOf(slackLocale: string | null): ReminderLocale | null {
  if (slackLocale === null) return null;
  const language = slackLocale.toLowerCase().split(/[-_]/)[0];
  return language === 'ja' || language === 'en' ? language : null;
}

/** The reminder port as the doors supply it: Block Kit in each person's language, over the Web API. */
export function reminderMessenger(post: PostMessage, reads: SlackReads, options: { escalateAfter: number }): ReminderMessenger {
  const metadata = (key: string) => ({ event_type: REMINDER_EVENT_TYPE, event_payload: { key } });
  return {
    localeOf: async (userId) => reminderLocaleOf(await reads.localeOf(userId)),
    openDm: (userId) => reads.openDm(userId),
    fitEscalation: (escalation, locale) => fitEscalation(escalation, messagesFor(locale)),
    postReminder: (channel, dm, { locale, key, repeated }) =>
      post({ channel, ...renderReminderDm(dm, messagesFor(locale), { repeated }), metadata: metadata(key) }),
    postEscalation: (channel, escalation, { locale, key, repeated }) =>
      post({
        channel,
        ...renderEscalationDm(escalation, messagesFor(locale), { escalateAfter: options.escalateAfter, repeated }),
        metadata: metadata(key),
      }),
    find: reads.find,
  };
}
