import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { actionPlanNumber } from '../../../../commands/grammar.ts';
import { runCommand } from '../../../../commands/run.ts';
import { messagesFor } from '../../../messages/index.ts';
import { renderMessage } from '../../../render/blocks/index.ts';
import { contextFor } from '../../actor.ts';
import type { SlackDeps } from '../../deps.ts';
import { buttonFailure, readButtonValue } from '../../button-value.ts';

/**
 * 詳細 on the Home tab: the action plan's answer, exactly as `/plan 13` gives it, in the
 * person's DM with the bot (the Home tab is no conversation to answer in).
 */
export function homeShowPlanCallback(deps: SlackDeps) {
  return async ({ ack, body, action, client }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>): Promise<void> => {
    await ack();
    const userId = body.user.id;
    const m = messagesFor(deps.config.locale);
    try {
      const number = readButtonValue(actionPlanNumber, action);
      const result = await runCommand({ verb: 'show', number, share: false }, contextFor(deps, userId));
      await client.chat.postMessage({ channel: userId, ...renderMessage(result, m, { userId }), unfurl_links: false, unfurl_media: false });
    } catch (error) {
      const sorry = buttonFailure(error, 'the Home tab’s details button could not be answered', deps.logger, m);
      await client.chat.postMessage({ channel: userId, ...sorry }).catch(() => undefined);
    }
  };
}
