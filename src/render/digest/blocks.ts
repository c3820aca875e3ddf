import type { Messages } from '../../messages/index.ts';
import type { Block, SlackMessage } from '../blocks/build.ts';
import { LIMITS, truncateText } from '../blocks/limits.ts';
import { shownItems, type Digest, type DigestGroup } from '../../../commands/alerts/digest.ts';
import { countsLine, groupHeading, itemLine } from './words.ts';

/**
 * The digest as one chat.postMessage payload that Slack will accept however many alerts
 * there are. Whatever does not fit is counted in the message and left for the next run
 * rather than cut off silently.
 */

/** The limits a digest is fitted to: Block Kit's, from the one table every renderer uses. */
export type DigestLimits = Record<'blocksPerMessage' | 'sectionText' | 'headerText' | 'messageBlockText', number>;

// Header, summary and footer surround the plan sections.
const FIXED_BLOCKS = 3;
// Room kept in a section for its "…and N more" line.
const MORE_NOTE_ROOM = 120;
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
    if (full || blocksLeft <= 0) {
      full = true;
      deferred.push(...group.items);
      continue;
    }
    const room = Math.min(limits.sectionText, textLeft) - MORE_NOTE_ROOM;
    let used = groupHeading(group, m, 'mrkdwn').length;
    const kept = [];
    for (const item of group.items) {
      const length = itemLine(item, group.actionPlan.number, m, 'mrkdwn').length + 1;
      if (used + length > room) break;
      kept.push(item);
      used += length;
    }
    const left = group.items.slice(kept.length);
    deferred.push(...left);
    if (kept.length === 0) {
      full = true;
      continue;
    }
    groups.push({ ...group, items: kept, deferredCount: group.deferredCount + left.length });
    blocksLeft -= 1;
    textLeft -= used + (left.length > 0 ? MORE_NOTE_ROOM : 0);
  }
  return { runDate: digest.runDate, groups, deferred };
}

export function groupText(group: DigestGroup, m: Messages): string {
  const lines = [
    groupHeading(group, m, 'mrkdwn'),
    ...group.items.map((item) => itemLine(item, group.actionPlan.number, m, 'mrkdwn')),
  ];
  if (group.deferredCount > 0) lines.push(m.alerts.groupMore(group.deferredCount));
  return lines.join('\n');
}

/** Renders a digest already passed through `fitDigest`. */
export function renderDigestBlocks(digest: Digest, m: Messages, limits: DigestLimits = LIMITS): SlackMessage {
  const title = m.alerts.title(m.date(digest.runDate));
  const counts = countsLine(shownItems(digest), m);
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: truncateText(title, limits.headerText), emoji: true } },
  ];
  if (counts) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: counts }] });
  for (const group of digest.groups) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncateText(groupText(group, m), limits.sectionText) } });
  }
  const footer = [m.alerts.footer];
  if (digest.deferred.length > 0) footer.unshift(m.alerts.deferred(digest.deferred.length));
  blocks.push({ type: 'context', elements: footer.map((text) => ({ type: 'mrkdwn' as const, text })) });
  return { text: counts ? m.alerts.fallback(title, counts) : title, blocks };
}
