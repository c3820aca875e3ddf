import type { Messages } from '../../messages/index.ts';
import type { Block, SlackMessage } from '../blocks/build.ts';
import { LIMITS, truncateText } from '../blocks/limits.ts';
import { shownItems, type Digest, type DigestGroup } from '../../../commands/alerts/digest.ts';
import { countsLine, planCountsLine } from './words.ts';

/**
 * The digest as one chat.postMessage payload that Slack will accept however many alerts
 * there are: one line per action plan with how many of its figures are in each state, and no
 * names (owners are reminded by DM). Whatever does not fit is counted in the message and left
 * for the next run rather than cut off silently.
 */

/** The limits a digest is fitted to: Block Kit's, from the one table every renderer uses. */
export type DigestLimits = Record<'blocksPerMessage' | 'sectionText' | 'headerText' | 'messageBlockText', number>;

// Header, summary and footer surround the plan sections.
const FIXED_BLOCKS = 3;
// Room kept in the message for the summary, footer and "N more next time" lines.
const FRAME_TEXT_ROOM = 600;

/**
 * Keeps as many whole lines as fit, in order, and moves the rest to `deferred`.
 * `reservedBlocks` leaves room for blocks a caller adds (a preview's preface).
 */
export function fitDigest(digest: Digest, m: Messages, limits: DigestLimits = LIMITS, reservedBlocks = 0): Digest {
  let blocksLeft = limits.blocksPerMessage - FIXED_BLOCKS - reservedBlocks;
  let textLeft = limits.messageBlockText - FRAME_TEXT_ROOM - m.alerts.title(m.date(digest.runDate)).length;
  const groups: DigestGroup[] = [];
  const deferred = [...digest.deferred];
  let full = false;

  for (const group of digest.groups) {
    const length = planCountsLine(group, m, 'mrkdwn').length + 1;
    if (full || blocksLeft <= 0 || length > textLeft) {
      // Whole plans only: a plan's counts are never split across two digests.
      full = true;
      deferred.push(...group.items);
      continue;
    }
    groups.push(group);
    blocksLeft -= 1;
    textLeft -= length;
  }
  return { runDate: digest.runDate, groups, deferred };
}

export function groupText(group: DigestGroup, m: Messages): string {
  return planCountsLine(group, m, 'mrkdwn');
}

/** Renders a digest already passed through `fitDigest`. */
export function renderDigestBlocks(
  digest: Digest,
  m: Messages,
  limits: DigestLimits = LIMITS,
  options: { repeated?: boolean } = {},
): SlackMessage {
  const title = m.alerts.title(m.date(digest.runDate));
  const counts = countsLine(shownItems(digest), m);
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: truncateText(title, limits.headerText), emoji: true } },
  ];
  if (counts) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: counts }] });
  for (const group of digest.groups) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncateText(groupText(group, m), limits.sectionText) } });
  }
  const footer = [m.reminders.digest.privacy, m.alerts.footer];
  if (digest.deferred.length > 0) footer.unshift(m.alerts.deferred(digest.deferred.length));
  if (options.repeated) footer.unshift(m.reminders.digest.repeated);
  blocks.push({ type: 'context', elements: footer.map((text) => ({ type: 'mrkdwn' as const, text })) });
  return { text: counts ? m.alerts.fallback(title, counts) : title, blocks };
}
