import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerParsed } from '../../../../commands/answer.ts';
import { parseCommand } from '../../../../commands/grammar.ts';
import { isReadOnly, runCommand } from '../../../../commands/run.ts';
import { messagesFor } from '../../../messages/index.ts';
import { contextFor } from '../../actor.ts';
import { AnswerCache } from '../../answer-cache.ts';
import { renderMessage, isShared, type SlackMessage } from '../../../render/blocks/index.ts';
import { internalErrorMessage } from '../../../render/blocks/error.ts';
import type { SlackDeps } from '../../deps.ts';
import { openFigureForm } from '../../record-figure/open-form.ts';
import { respondReliably } from '../../respond.ts';
import { answerChartCommand, chartNumberOf } from '../../chart/chart-command.ts';

export const PLAN_COMMAND = '/plan';

/**
 * `/plan <text>`: the shared grammar and handlers, answered in Block Kit.
 *
 * Slack shows the person an error unless the request is acknowledged within 3 seconds,
 * so the ack goes first and empty; the answer follows through the response_url, which
 * also lets `share` post it for the whole channel.
 */
export function planCommandCallback(deps: SlackDeps) {
  const answers = deps.cacheAnswers === false ? null : new AnswerCache(deps.db);
  return async (args: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> => {
    const { command, ack, respond, client } = args;
    // A chart acks with "drawing…" itself, then takes a few hundred milliseconds to draw.
    const chart = chartNumberOf(command.text);
    if (chart !== null) return answerChartCommand(args, deps, chart);
    await ack();
    const m = messagesFor(deps.config.locale);
    try {
      const ctx = contextFor(deps, command.user_id);
      const parsed = parseCommand(command.text);
      let message: SlackMessage;
      let shared: boolean;
      if (answers && parsed.ok && isReadOnly(parsed.command)) {
        const cached = parsed.command;
        shared = 'share' in cached && cached.share;
        const key = { command: cached, today: ctx.today, sharedBy: shared ? command.user_id : undefined };
        message = await answers.get(key, async () => renderMessage(await runCommand(cached, ctx), m, { userId: command.user_id }));
      } else {
        const result = await answerParsed(parsed, ctx);
        if (result.kind === 'open_figure_form') {
          await openFigureForm({
            client,
            triggerId: command.trigger_id,
            actionPlanNumber: result.actionPlanNumber,
            userId: command.user_id,
            deps,
            respond,
          });
          return;
        }
        message = renderMessage(result, m, { userId: command.user_id });
        shared = isShared(result);
      }
      const delivered = await respondReliably(
        respond,
        { response_type: shared ? 'in_channel' : 'ephemeral', ...message },
        deps.logger,
      );
      if (!delivered) throw new Error('the answer to /plan was not accepted');
    } catch (error) {
      deps.logger.error('/plan could not be answered:', error);
      await respondReliably(respond, { response_type: 'ephemeral', ...internalErrorMessage(m) }, deps.logger);
    }
  };
}
