import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { messagesFor } from '../../../messages/index.ts';
import { recordFigureValueSchema } from '../../../render/reminders/button-values.ts';
import type { SlackDeps } from '../../deps.ts';
import { buttonFailure, readButtonValue } from '../../button-value.ts';
import { openFigureForm } from '../../record-figure/open-form.ts';
import { respondReliably } from '../../respond.ts';

/**
 * The "record a figure" button under an action-plan answer, or in a reminder DM: the same
 * form as `/plan report 13`, opened on the reminder's figure when the button names one.
 */
export function recordFigureCallback(deps: SlackDeps) {
  return async ({
    ack,
    body,
    action,
    client,
    respond,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>): Promise<void> => {
    await ack();
    const m = messagesFor(deps.config.locale);
    try {
      // The value is ours (the action plan number, maybe a figure), but it arrives over the wire.
      const value = readButtonValue(recordFigureValueSchema, action);
      await openFigureForm({
        client,
        triggerId: body.trigger_id,
        actionPlanNumber: value.actionPlanNumber,
        ...(value.choice ? { choice: value.choice } : {}),
        userId: body.user.id,
        deps,
        respond,
      });
    } catch (error) {
      const sorry = buttonFailure(error, 'the record-a-figure button could not be answered', deps.logger, m);
      await respondReliably(respond, { response_type: 'ephemeral', ...sorry }, deps.logger);
    }
  };
}
