import type { CommandResult } from '../../../commands/results.ts';
import type { Messages } from '../../messages/index.ts';
import { context, escapeMrkdwn, header, mention, section, type SlackMessage } from './build.ts';
import { LIMITS, linesToSections } from './limits.ts';

export function overdueMessage(
  result: Extract<CommandResult, { kind: 'overdue' }>,
  m: Messages,
  options: { sharedBy?: string } = {},
): SlackMessage {
  const shared = options.sharedBy ? [context(m.slack.sharedBy(mention(options.sharedBy)))] : [];
  if (result.items.length === 0) {
    const none = m.overdue.none(m.date(result.asOf));
    return { text: none, blocks: [section(`✅ ${none}`), ...shared] };
  }
  const title = m.overdue.title(m.date(result.asOf));
  const lines = result.items.map(
    (i) =>
      `⚠️ *${m.circled(i.actionPlan.number)} ${escapeMrkdwn(i.actionPlan.name)}*：` +
      escapeMrkdwn(
        m.overdue.line(
          m.fiscalYear(i.fiscalYear),
          i.indicator.name,
          m.withUnit(i.target, i.indicator.unit),
          m.date(i.dueDate),
          i.daysLate,
        ),
      ),
  );
  return {
    text: `${title}${m.paren(m.list.count(result.items.length))}`,
    blocks: [
      header(title),
      ...shared,
      ...linesToSections(lines, LIMITS.blocksPerMessage - 1 - shared.length, m.slack.more),
    ],
  };
}
