import type { SavedFigure } from '../../../commands/record-figure.ts';
import type { Messages } from '../../messages/index.ts';
import { STATUS_SYMBOL } from '../../messages/symbols.ts';
import { actualWords, targetWords } from '../describe.ts';
import { context, escapeMrkdwn, section, type SlackMessage } from './build.ts';
import { LIMITS, truncateMrkdwn, truncateText } from './limits.ts';
import { recorderName } from './recorder.ts';
import { localIndicator, localName } from '../local.ts';

/** What the person who recorded a figure is told, and the one line ALERT_CHANNEL sees. */

export function confirmationMessage(recorded: SavedFigure, m: Messages): SlackMessage {
  const saved = localSaved(recorded, m);
  const circled = m.circled(saved.actionPlan.number);
  const fy = m.fiscalYear(saved.fiscalYear);
  const value = actualWords(saved.value, saved.provisional, saved.indicator.unit, m);
  const title = m.record.saved.title(circled, saved.actionPlan.name);
  const lines = [
    `*${escapeMrkdwn(title)}*`,
    escapeMrkdwn(m.record.saved.figure(saved.indicator.name, fy, value)),
    saved.target === null
      ? m.record.saved.noTarget
      : `${STATUS_SYMBOL[saved.status]} ${escapeMrkdwn(
          m.record.saved.against(targetWords(saved.target, saved.indicator, m), m.status[saved.status]),
        )}`,
    ...(saved.previous
      ? [escapeMrkdwn(m.record.saved.previous(m.withUnit(saved.previous.value, saved.indicator.unit)))]
      : []),
    ...(saved.provisional ? [m.record.saved.provisional] : []),
    ...(saved.note ? [m.labelled(m.plan.note, escapeMrkdwn(saved.note))] : []),
  ];
  return {
    text: truncateText(`${title} ${m.record.saved.figure(saved.indicator.name, fy, value)}`, LIMITS.fallbackText),
    blocks: [section(truncateMrkdwn(lines.join('\n'), LIMITS.sectionText)), context(m.record.saved.seeIt(saved.actionPlan.number))],
  };
}

/** "⑬ 令和3年度 実績 6,543回 を記録（無線LANアクセス回数・@someone）", for chat.postMessage text. */
export function noticeText(recorded: SavedFigure, m: Messages): string {
  const saved = localSaved(recorded, m);
  return m.record.notice(
    m.circled(saved.actionPlan.number),
    m.fiscalYear(saved.fiscalYear),
    escapeMrkdwn(actualWords(saved.value, saved.provisional, saved.indicator.unit, m)),
    escapeMrkdwn(saved.indicator.name),
    recorderName(saved.recordedBy, saved.source, m),
  );
}

/** The figure named in the answer's language: action plan, indicator and unit. */
function localSaved(saved: SavedFigure, m: Messages): SavedFigure {
  return {
    ...saved,
    actionPlan: { ...saved.actionPlan, name: localName(saved.actionPlan.name, saved.actionPlan.nameEn, m) },
    indicator: localIndicator(saved.indicator, m),
  };
}
