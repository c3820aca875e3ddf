import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { actionPlanNumber } from '../../../../commands/grammar.ts';
import { messagesFor } from '../../../messages/index.ts';
import { postChart } from '../../chart/post-chart.ts';
import type { SlackDeps } from '../../deps.ts';
import { buttonFailure, UnreadableButtonValue } from '../../button-value.ts';
import { respondReliably } from '../../respond.ts';

/**
 * The グラフ button: under an action-plan answer the chart goes to that conversation (as
 * `/plan 13 chart` would); on the Home tab, which is no conversation, to the person's DM.
 */
export function showChartCallback(deps: SlackDeps) {
  return async ({
    ack,
    body,
    action,
    client,
    respond,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>): Promise<void> => {
    await ack();
    // The value is ours (the action plan number), but it arrives over the wire.
    const number = actionPlanNumber.safeParse(action.value ?? '');
    const hasResponseUrl = typeof body.response_url === 'string' && body.response_url !== '';
    const tell = hasResponseUrl
      ? async (message: { text: string }) => {
          // A new ephemeral message: the answer the button sits under stays as it was.
          const delivered = await respondReliably(respond, { response_type: 'ephemeral', replace_original: false, ...message }, deps.logger);
          if (!delivered) throw new Error('a word about a chart was not accepted by the response_url');
        }
      : null;
    if (!number.success) {
      const unreadable = new UnreadableButtonValue(action.action_id, action.value);
      const sorry = buttonFailure(unreadable, 'the chart button could not be answered', deps.logger, messagesFor(deps.config.locale));
      if (tell) await tell(sorry).catch(() => undefined);
      else await client.chat.postMessage({ channel: body.user.id, ...sorry }).catch(() => undefined);
      return;
    }
    await postChart({
      deps,
      client,
      userId: body.user.id,
      actionPlanNumber: number.data,
      channelId: body.container?.type === 'view' ? null : (body.channel?.id ?? null),
      begin: tell,
      tell,
    });
  };
}
