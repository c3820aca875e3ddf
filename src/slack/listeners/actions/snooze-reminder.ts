import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { snoozeReminder } from '../../../../commands/reminders/snooze.ts';
import { messagesFor } from '../../../messages/index.ts';
import { snoozeValueSchema } from '../../../render/reminders/button-values.ts';
import { renderSnoozedDm } from '../../../render/reminders/dm.ts';
import { contextFor } from '../../actor.ts';
import type { SlackDeps } from '../../deps.ts';
import { buttonFailure, UnreadableButtonValue } from '../../button-value.ts';
import { respondReliably } from '../../respond.ts';

/**
 * 「あとで（1週間）」 on a reminder DM: the figure is paused for this person, and the DM is
 * replaced by one that says until when (the record button stays). Answered in the language
 * the DM was written in, which the button carries.
 */
export function snoozeReminderCallback(deps: SlackDeps) {
  return async ({ ack, body, action, respond }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>): Promise<void> => {
    await ack();
    const value = snoozeValueSchema.safeParse(action.value ?? '');
    const m = messagesFor(value.success ? value.data.locale : deps.config.locale);
    try {
      if (!value.success) {
        throw new UnreadableButtonValue(action.action_id, action.value);
      }
      const result = await snoozeReminder(contextFor(deps, body.user.id), value.data);
      const say = (text: string) => respondReliably(respond, { response_type: 'ephemeral', replace_original: false, text }, deps.logger);
      switch (result.kind) {
        case 'snoozed':
          await respondReliably(respond, { replace_original: true, ...renderSnoozedDm(result.figure, result.until, m) }, deps.logger);
          return;
        case 'recorded':
          await say(m.reminders.alreadyRecorded(m.fiscalYear(result.figure.fiscalYear), result.figure.indicator.name));
          return;
        case 'forbidden':
          await say(m.reminders.snoozeNotYours);
          return;
        case 'gone':
          await say(m.reminders.snoozeGone);
          return;
      }
    } catch (error) {
      const sorry = buttonFailure(error, 'the snooze button could not be answered', deps.logger, m);
      await respondReliably(respond, { response_type: 'ephemeral', replace_original: false, ...sorry }, deps.logger);
    }
  };
}
