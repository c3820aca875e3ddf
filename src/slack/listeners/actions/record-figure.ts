import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { actionPlanNumber } from '../../../../commands/grammar.ts';
import { messagesFor } from '../../../messages/index.ts';
import { internalErrorMessage } from '../../../render/blocks/error.ts';
import type { SlackDeps } from '../../deps.ts';
import { openFigureForm } from '../../record-figure/open-form.ts';
import { respondReliably } from '../../respond.ts';

/** The "record a figure" button under an action-plan answer: the same form as `/plan report 13`. */
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
      // The value is ours (the action plan number), but it arrives over the wire.
      const number = actionPlanNumber.safeParse(action.value ?? '');
      if (!number.success) {
        throw new Error(`record_figure button with an unexpected value ${JSON.stringify(action.value?.slice(0, 20))}`);
      }
      await openFigureForm({ client, triggerId: body.trigger_id, actionPlanNumber: number.data, userId: body.user.id, deps, respond });
    } catch (error) {
      deps.logger.error('the record-a-figure button could not be answered:', error);
      await respondReliably(respond, { response_type: 'ephemeral', ...internalErrorMessage(m) }, deps.logger);
    }
  };
}
