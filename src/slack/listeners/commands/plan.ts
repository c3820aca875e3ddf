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
import { deliverExport } from '../../export/deliver.ts';
import { openFigureForm } from '../../record-figure/open-form.ts';
import { exportPreparing } from '../../../render/plans.ts';
import { announceReviewOpened } from '../../review/announce.ts';
import type { ReviewAnswer } from '../../../../commands/review/results.ts';
import { respondReliably } from '../../respond.ts';
import { answerChartCommand, chartNumberOf } from '../../chart/chart-command.ts';

export const PLAN_COMMAND = '/plan';

/**
 * `/plan <text>`: the shared grammar and handlers, answered in Block Kit.
 *
 * Slack shows the person an error unless the request is acknowledged within 3 seconds,
 * so the ack goes first and empty; the answer follows through the response_url, which
 * also lets `share` post it for the whole channel. An export takes longer than a look-up:
 * its ack already says 作成中…, and the file follows in the person's DM.
 */
export function planCommandCallback(deps: SlackDeps) {
  const answers = deps.cacheAnswers === false ? null : new AnswerCache(deps.db);
  return async (args: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> => {
    const { command, ack, respond, client } = args;
    // A chart acks with "drawing…" itself, then takes a few hundred milliseconds to draw.
    const chart = chartNumberOf(command.text);
    if (chart !== null) return answerChartCommand(args, deps, chart);
    const m = messagesFor(deps.config.locale);
    const parsed = parseCommand(command.text);
    if (parsed.ok && parsed.command.verb === 'export') {
      await ack({ response_type: 'ephemeral', text: exportPreparing(parsed.command.format, m) });
    } else {
      await ack();
    }
    try {
      // The trigger_id is unique to this request: a replay of it stores nothing twice.
      const requestKey = command.trigger_id ? `slack-trigger:${command.trigger_id}` : undefined;
      const ctx = contextFor(deps, command.user_id, requestKey);
      let message: SlackMessage;
      let shared: boolean;
      let opened: Extract<ReviewAnswer, { type: 'opened' }> | null = null;
      if (answers && parsed.ok && isReadOnly(parsed.command)) {
        const cached = parsed.command;
        shared = 'share' in cached && cached.share;
        const key = { command: cached, today: ctx.today, sharedBy: shared ? command.user_id : undefined };
        message = await answers.get(key, async () => renderMessage(await runCommand(cached, ctx), m, { userId: command.user_id }));
      } else {
        const result = await answerParsed(parsed, ctx);
        if (result.kind === 'export') {
          await deliverExport({ client, deps, ctx, request: result, userId: command.user_id, respond });
          return;
        }
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
        if (result.kind === 'review' && result.review.type === 'opened' && !result.review.duplicate) opened = result.review;
      }
      const delivered = await respondReliably(
        respond,
        { response_type: shared ? 'in_channel' : 'ephemeral', ...message },
        deps.logger,
      );
      // The review is open whether or not the answer arrived: the members are told either way.
      if (opened) await announceReviewOpened(client, opened.review, opened.members, deps);
      if (!delivered) throw new Error('the answer to /plan was not accepted');
    } catch (error) {
      deps.logger.error('/plan could not be answered:', error);
      await respondReliably(respond, { response_type: 'ephemeral', ...internalErrorMessage(m) }, deps.logger);
    }
  };
}
