import type { CommandResult } from '../../../commands/results.ts';
import type { Messages } from '../../messages/index.ts';
import { overdueGroupWords, overdueClosedWords } from '../describe.ts';
import { localName } from '../local.ts';
import { context, escapeMrkdwn, header, mention, section, type SlackMessage } from './build.ts';
import { LIMITS, linesToSections } from './limits.ts';

/** One line per action plan: how many figures are late, for which years, and the oldest due date. */
export function overdueMessage(
  result: Extract<CommandResult, { kind: 'overdue' }>,
  m: Messages,
  options: { sharedBy?: string } = {},
): SlackMessage {
  const shared = options.sharedBy ? [context(m.slack.sharedBy(mention(options.sharedBy)))] : [];
  if (result.closed) {
    const text = overdueClosedWords(result.closed, m);
    return { text, blocks: [section(`➖ ${escapeMrkdwn(text)}`), ...shared] };
  }
  if (result.groups.length === 0) {
    const none = m.overdue.none(m.date(result.asOf));
    return { text: none, blocks: [section(`✅ ${none}`), ...shared] };
  }
  const title = m.overdue.title(m.date(result.asOf));
  const total = m.grading.overdueTotal(result.figureCount, result.groups.length);
  const lines = result.groups.map(
    (g) =>
      `⚠️ *${m.circled(g.actionPlan.number)} ${escapeMrkdwn(localName(g.actionPlan.name, g.actionPlan.nameEn, m))}*　` +
      escapeMrkdwn(overdueGroupWords(g, m)),
  );
  return {
    text: `${title} — ${total}`,
    blocks: [
      header(title),
      context(total),
      ...shared,
      ...linesToSections(lines, LIMITS.blocksPerMessage - 2 - shared.length, m.slack.more),
    ],
  };
}
