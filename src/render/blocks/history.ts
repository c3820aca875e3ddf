import type { CommandResult } from '../../../commands/results.ts';
import type { Messages } from '../../messages/index.ts';
import { context, escapeMrkdwn, header, mention, section, type SlackMessage } from './build.ts';
import { recorderName } from './recorder.ts';
import { targetWords } from '../describe.ts';
import { LIMITS, linesToSections } from './limits.ts';

export function historyMessage(
  result: Extract<CommandResult, { kind: 'history' }>,
  m: Messages,
  options: { sharedBy?: string } = {},
): SlackMessage {
  const title = m.history.title(m.circled(result.actionPlan.number), result.actionPlan.name);
  const shared = options.sharedBy ? [context(m.slack.sharedBy(mention(options.sharedBy)))] : [];
  if (result.entries.length === 0 && result.targetRevisions.length === 0) {
    return { text: title, blocks: [header(title), ...shared, section(m.history.empty)] };
  }
  const lines: string[] = [];
  let indicator: string | null = null;
  for (const e of result.entries) {
    if (e.indicatorName !== indicator) lines.push(`*${escapeMrkdwn((indicator = e.indicatorName))}*`);
    const who = recorderName(e.recordedBy, e.source, m);
    const value = `${m.withUnit(e.value, e.unit)}${e.provisional ? m.paren(m.provisional) : ''}`;
    lines.push(
      `${e.current ? '●' : '○'} ${m.history.entry(
        m.fiscalYear(e.fiscalYear),
        escapeMrkdwn(value),
        who,
        m.instant(e.recordedAt),
        m.history.source[e.source] ?? escapeMrkdwn(e.source),
      )}${e.note ? ` — ${escapeMrkdwn(e.note)}` : ''}${e.correction === null ? '' : ` — ⚠️ ${escapeMrkdwn(m.review.history.correction(e.correction))}`}`,
    );
  }
  if (result.targetRevisions.length) lines.push(`*${m.review.history.targets}*`);
  for (const t of result.targetRevisions) {
    const line = m.review.history.target(
      m.fiscalYear(t.fiscalYear),
      escapeMrkdwn(targetWords(t.previous, t, m)),
      escapeMrkdwn(targetWords(t.target, t, m)),
      recorderName(t.revisedBy, 'slack', m),
      m.instant(t.revisedAt),
    );
    lines.push(`◇ ${escapeMrkdwn(t.indicatorName)}　${line}
　${escapeMrkdwn(m.review.history.why(t.reason, t.decision))}`);
  }
  return {
    text: title,
    blocks: [
      header(title),
      ...shared,
      ...linesToSections(lines, LIMITS.blocksPerMessage - 2 - shared.length, m.slack.more),
      context(`● ${m.history.current}${m.separator}○ ${m.history.replaced}`),
    ],
  };
}
