import type { CommandResult } from '../../../commands/results.ts';
import type { Messages } from '../../messages/index.ts';
import { dayOf, targetWords } from '../describe.ts';
import { localName, localNoteLines, localUnit } from '../local.ts';
import { context, escapeMrkdwn, header, mention, section, type SlackMessage } from './build.ts';
import { recorderName } from './recorder.ts';
import { LIMITS, linesToSections } from './limits.ts';

export function historyMessage(
  result: Extract<CommandResult, { kind: 'history' }>,
  m: Messages,
  options: { sharedBy?: string } = {},
): SlackMessage {
  const title = m.history.title(m.circled(result.actionPlan.number), localName(result.actionPlan.name, result.actionPlan.nameEn, m));
  const shared = options.sharedBy ? [context(m.slack.sharedBy(mention(options.sharedBy)))] : [];
  if (result.entries.length === 0 && result.targetRevisions.length === 0) {
    return { text: title, blocks: [header(title), ...shared, section(m.history.empty)] };
  }
  const lines: string[] = [];
  let indicator: string | null = null;
  for (const e of result.entries) {
    if (e.indicatorName !== indicator) {
      indicator = e.indicatorName;
      lines.push(`*${escapeMrkdwn(localName(e.indicatorName, e.indicatorNameEn, m))}*`);
    }
    const value = `${m.withUnit(e.value, localUnit({ unit: e.unit, unitEn: e.unitEn }, m))}${e.provisional ? m.paren(m.provisional) : ''}`;
    const fy = m.fiscalYear(e.fiscalYear);
    const source = m.history.source[e.source] ?? escapeMrkdwn(e.source);
    // The plan document is both who and where a seeded figure came from: named once, dated by the document.
    const entry =
      e.source === 'seed'
        ? m.grading.historySeed(fy, escapeMrkdwn(value), source, m.date(dayOf(e.recordedAt)))
        : m.history.entry(fy, escapeMrkdwn(value), recorderName(e.recordedBy, e.source, m), m.instant(e.recordedAt), source);
    const note = localNoteLines(e.note, e.noteEn, m).join(' ');
    lines.push(
      `${e.current ? '●' : '○'} ${entry}${note ? ` — ${escapeMrkdwn(note)}` : ''}${e.correction === null ? '' : ` — ⚠️ ${escapeMrkdwn(m.review.history.correction(e.correction))}`}`,
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
    lines.push(`◇ ${escapeMrkdwn(localName(t.indicatorName, t.indicatorNameEn, m))}　${line}
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
