import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answer } from '../../../../commands/answer.ts';
import { messagesFor } from '../../../messages/index.ts';
import { contextFor } from '../../actor.ts';
import { renderMessage, isShared } from '../../blocks/index.ts';
import { internalErrorMessage } from '../../blocks/error.ts';
import type { SlackDeps } from '../../deps.ts';
import { openReportForm } from '../../report/open-form.ts';
import { respondReliably } from '../../respond.ts';

export const PLAN_COMMAND = '/plan';

/**
 * `/plan <text>`: the shared grammar and handlers, answered in Block Kit.
 *
 * Slack shows the person an error unless the request is acknowledged within 3 seconds,
 * so the ack goes first and empty; the answer follows through the response_url, which
 * also lets `share` post it for the whole channel.
 */
export function planCommandCallback(deps: SlackDeps) {
  return async ({ command, ack, respond, client }: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> => {
    await ack();
    const m = messagesFor(deps.config.locale);
    try {
      const result = await answer(command.text, contextFor(deps, command.user_id));
      if (result.kind === 'open_report_form') {
        await openReportForm({
          client,
          triggerId: command.trigger_id,
          actionPlanNumber: result.actionPlanNumber,
          userId: command.user_id,
          deps,
          respond,
        });
        return;
      }
      const message = renderMessage(result, m, { userId: command.user_id });
      const delivered = await respondReliably(
        respond,
        { response_type: isShared(result) ? 'in_channel' : 'ephemeral', ...message },
        deps.logger,
      );
      if (!delivered) throw new Error(`the answer to /plan (${result.kind}) was not accepted`);
    } catch (error) {
      deps.logger.error('/plan could not be answered:', error);
      await respondReliably(respond, { response_type: 'ephemeral', ...internalErrorMessage(m) }, deps.logger);
    }
  };
}
