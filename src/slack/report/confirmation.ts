import type { SavedFigure } from '../../../commands/record-figure.ts';
import type { Messages } from '../../messages/index.ts';
import { STATUS_SYMBOL } from '../../messages/symbols.ts';
import { actualWithMark, targetWithComparator } from '../../render/report.ts';
import { context, escapeMrkdwn, section, type SlackMessage } from '../blocks/build.ts';
import { LIMITS, truncateMrkdwn, truncateText } from '../blocks/limits.ts';
import { recorderName } from '../blocks/recorder.ts';

/** What the person who recorded a figure is told, and the one line ALERT_CHANNEL sees. */

export function confirmationMessage(saved: SavedFigure, m: Messages): SlackMessage {
  const circled = m.circled(saved.actionPlan.number);
  const fy = m.fiscalYear(saved.fiscalYear);
  const value = actualWithMark(saved.value, saved.provisional, saved.indicator.unit, m);
  const title = m.report.saved.title(circled, saved.actionPlan.name);
  const lines = [
    `*${escapeMrkdwn(title)}*`,
    escapeMrkdwn(m.report.saved.figure(saved.indicator.name, fy, value)),
    saved.target === null
      ? m.report.saved.noTarget
      : `${STATUS_SYMBOL[saved.status]} ${escapeMrkdwn(
          m.report.saved.against(targetWithComparator(saved.target, saved.indicator, m), m.status[saved.status]),
        )}`,
    ...(saved.previous
      ? [escapeMrkdwn(m.report.saved.previous(m.withUnit(saved.previous.value, saved.indicator.unit)))]
      : []),
    ...(saved.provisional ? [m.report.saved.provisional] : []),
    ...(saved.note ? [m.labelled(m.plan.note, escapeMrkdwn(saved.note))] : []),
  ];
  return {
    text: truncateText(`${title} ${m.report.saved.figure(saved.indicator.name, fy, value)}`, LIMITS.fallbackText),
    blocks: [section(truncateMrkdwn(lines.join('\n'), LIMITS.sectionText)), context(m.report.saved.seeIt(saved.actionPlan.number))],
  };
}

/** "⑬ 令和3年度 実績 6,543回 を記録（無線LANアクセス回数・@someone）", for chat.postMessage text. */
export function noticeText(saved: SavedFigure, m: Messages): string {
  return m.report.notice(
    m.circled(saved.actionPlan.number),
    m.fiscalYear(saved.fiscalYear),
    escapeMrkdwn(actualWithMark(saved.value, saved.provisional, saved.indicator.unit, m)),
    escapeMrkdwn(saved.indicator.name),
    recorderName(saved.recordedBy, saved.source, m),
  );
}
