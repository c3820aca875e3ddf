import type { FigureLabel, ReminderDm } from '../../../commands/reminders/compute.ts';
import type { Messages } from '../../messages/index.ts';
import { actions, button, context, escapeMrkdwn, header, type Block, type SlackMessage } from '../blocks/build.ts';
import { RECORD_FIGURE_ACTION_ID, REMINDER_ACTIONS_BLOCK_ID, SNOOZE_REMINDER_ACTION_ID } from '../blocks/ids.ts';
import { LIMITS, truncateText } from '../blocks/limits.ts';
import { recordFigureValue, snoozeValue } from './button-values.ts';

/**
 * A reminder DM: what is due, for which plan and year, the target to compare with, and two
 * buttons — open the figure form on that figure, or pause this figure for a week.
 */
export function renderReminderDm(dm: ReminderDm, m: Messages, options: { repeated?: boolean } = {}): SlackMessage {
  const heading = m.reminders.heading(dm.daysFromDue);
  const blocks: Block[] = [
    header(truncateText(heading, LIMITS.headerText)),
    figureFields(dm.figure, m),
    actions(
      REMINDER_ACTIONS_BLOCK_ID,
      button({
        text: m.reminders.recordButton,
        actionId: RECORD_FIGURE_ACTION_ID,
        value: recordFigureValue(dm.figure.actionPlan.number, dm.figure.indicator.id, dm.figure.fiscalYear),
        style: 'primary',
      }),
      button({
        text: m.reminders.snoozeButton,
        actionId: SNOOZE_REMINDER_ACTION_ID,
        value: snoozeValue(dm.figure.indicator.id, dm.figure.fiscalYear, m.locale),
      }),
    ),
    context(...(options.repeated ? [m.reminders.repeated] : []), m.reminders.privateNote),
  ];
  return { text: m.reminders.fallback(heading, m.fiscalYear(dm.figure.fiscalYear), dm.figure.indicator.name), blocks };
}

/** The figure as a section with fields: plan, indicator, year, target, due date. */
export function figureFields(figure: FigureLabel, m: Messages): Block {
  const f = m.reminders.fields;
  const field = (label: string, value: string) => ({
    type: 'mrkdwn' as const,
    text: truncateText(`*${label}*\n${value}`, LIMITS.fieldText),
  });
  return {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: truncateText(`*${m.reminders.figure(m.circled(figure.actionPlan.number), escapeMrkdwn(figure.actionPlan.name))}*`, LIMITS.sectionText),
    },
    fields: [
      field(f.indicator, escapeMrkdwn(figure.indicator.name)),
      field(f.fiscalYear, m.fiscalYear(figure.fiscalYear)),
      field(f.target, m.withUnit(figure.target, figure.indicator.unit)),
      field(f.due, m.date(figure.dueDate)),
    ],
  };
}

/** The DM after 「あとで」: the same figure, paused until a day, with the record button kept. */
export function renderSnoozedDm(figure: FigureLabel, until: string, m: Messages): SlackMessage {
  const text = m.reminders.snoozed(m.fiscalYear(figure.fiscalYear), escapeMrkdwn(figure.indicator.name), m.date(until));
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: truncateText(text, LIMITS.sectionText) } },
      figureFields(figure, m),
      actions(
        REMINDER_ACTIONS_BLOCK_ID,
        button({
          text: m.reminders.recordButton,
          actionId: RECORD_FIGURE_ACTION_ID,
          value: recordFigureValue(figure.actionPlan.number, figure.indicator.id, figure.fiscalYear),
          style: 'primary',
        }),
      ),
    ],
  };
}
