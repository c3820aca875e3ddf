import { reviewProgress } from '../../../commands/review/progress.ts';
import type { webApi } from '@slack/bolt';
import { buildHome, homeAudienceOf } from '../../../commands/home.ts';
import { messagesFor } from '../../messages/index.ts';
import { homeView } from '../../render/blocks/home.ts';
import { describeSlackFailure } from '../../slack-web/failure.ts';
import { contextFor } from '../actor.ts';
import type { SlackDeps } from '../deps.ts';

/**
 * The Home tab is a view the bot publishes per person (views.publish); Slack shows the last one
 * published. It is published when the person opens the tab (app_home_opened) and again for
 * the people concerned when a figure is recorded, so an open tab does not go stale.
 */

/** Builds and publishes one person's Home tab; throws what views.publish throws. */
export async function publishHome(client: webApi.WebClient, deps: SlackDeps, userId: string): Promise<void> {
  // The committee review's own progress unless a test gives another (null: no review section).
  const home = await buildHome(contextFor(deps, userId), deps.reviewProgress === undefined ? reviewProgress : deps.reviewProgress);
  await client.views.publish({ user_id: userId, view: homeView(home, messagesFor(deps.config.locale)) });
}

/**
 * After a change: publishes again for each person, one after the other (a handful of calls;
 * views.publish allows 100+ a minute). A failure is logged and the others still go: the tab
 * is rebuilt anyway the next time its owner opens it.
 */
export async function refreshHomes(client: webApi.WebClient, deps: SlackDeps, userIds: Iterable<string>): Promise<void> {
  for (const userId of new Set(userIds)) {
    try {
      await publishHome(client, deps, userId);
    } catch (error) {
      deps.logger.warn(`the Home tab of ${userId} could not be refreshed (${describeSlackFailure(error)})`);
    }
  }
}

/** After a figure of action plan `number` is recorded: the Home tabs that show it, and the recorder's. */
export async function refreshHomesAfterRecording(
  client: webApi.WebClient,
  deps: SlackDeps,
  actionPlanNumber: number,
  recordedBy: string,
): Promise<void> {
  try {
    const audience = await homeAudienceOf(contextFor(deps, recordedBy), actionPlanNumber, deps.config.admins);
    await refreshHomes(client, deps, [recordedBy, ...audience]);
  } catch (error) {
    deps.logger.warn(`the Home tabs showing ${actionPlanNumber} could not be refreshed:`, error);
  }
}
