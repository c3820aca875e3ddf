import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { describeSlackFailure } from '../../../slack-web/failure.ts';
import { publishHome } from '../../home/publish-home.ts';

/**
 * The person opened the bot's Home tab: publish theirs, built now. The Messages tab sends the
 * same event (tab: 'messages'), which needs nothing. Events are acked by Bolt before this
 * runs, so a failure can only be logged; the tab shows the last view published meanwhile.
 */
export function appHomeOpenedCallback(deps: SlackDeps) {
  return async ({ event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>): Promise<void> => {
    if (event.tab !== 'home') return;
    try {
      await publishHome(client, deps, event.user);
    } catch (error) {
      deps.logger.error(`the Home tab of ${event.user} could not be published (${describeSlackFailure(error)})`);
    }
  };
}
