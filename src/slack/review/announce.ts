import type { webApi } from '@slack/bolt';
import type { ReviewHeader } from '../../../commands/review/results.ts';
import { messagesFor } from '../../messages/index.ts';
import { reviewOpenedChannelLine, reviewOpenedNotice } from '../../render/blocks/review-notices.ts';
import { describeSlackFailure } from '../../slack-web/failure.ts';
import type { SlackDeps } from '../deps.ts';

/**
 * After a review opened: a DM to each committee member (chat.postMessage to the user id, which
 * needs only chat:write), then one line to ALERT_CHANNEL. The review is stored before any of
 * this; a message Slack does not take is logged and changes nothing.
 */
export async function announceReviewOpened(
  client: webApi.WebClient,
  review: ReviewHeader,
  members: readonly string[],
  deps: SlackDeps,
): Promise<void> {
  const m = messagesFor(deps.config.locale);
  const notice = reviewOpenedNotice(review, m);
  // One after the other: a committee is a handful of people, and Slack's rate limit is per method.
  for (const member of members) {
    await post(deps, `the review notice to ${member}`, () =>
      client.chat.postMessage({ channel: member, ...notice, unfurl_links: false, unfurl_media: false }),
    );
  }
  const channel = deps.config.alertChannel;
  if (channel !== undefined) {
    await post(deps, `the review notice to ${channel}`, () =>
      client.chat.postMessage({ channel, text: reviewOpenedChannelLine(review, members.length, m), unfurl_links: false, unfurl_media: false }),
    );
  }
}

/** A receipt or notice after a write: a failure is logged, the write stands. */
export async function post(deps: SlackDeps, what: string, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    deps.logger.error(`could not post ${what} (${describeSlackFailure(error)}); what was stored stands`);
  }
}
