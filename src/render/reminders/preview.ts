import type { ReminderPlan } from '../../../commands/reminders/compute.ts';
import type { ReminderPreview } from '../../../commands/reminders/preview.ts';
import type { Messages } from '../../messages/index.ts';
import { context, escapeMrkdwn, header, section, type Block, type SlackMessage } from '../blocks/build.ts';
import { LIMITS, linesToSections, truncateText } from '../blocks/limits.ts';
import { mention, type TextStyle } from '../describe.ts';

/** `/plan reminders`: what goes to whom, one line per DM, in Block Kit and in text. */

function lines(plan: ReminderPlan, m: Messages, style: TextStyle): string[] {
  const name = (s: string) => (style === 'mrkdwn' ? escapeMrkdwn(s) : s);
  const out = plan.dms.map((dm) =>
    m.reminders.preview.dmLine(
      mention(dm.recipient, style),
      m.reminders.heading(dm.daysFromDue),
      m.reminders.figure(m.circled(dm.figure.actionPlan.number), name(dm.figure.actionPlan.name)),
      m.fiscalYear(dm.figure.fiscalYear),
      name(dm.figure.indicator.name),
    ),
  );
  for (const e of plan.escalations) {
    out.push(m.reminders.preview.escalationLine(mention(e.recipient, style), e.lines.length + e.deferred.length));
  }
  return out;
}

function prefaceOf(preview: Extract<ReminderPreview, { kind: 'preview' }>, m: Messages): string {
  return preview.runAt === null
    ? m.reminders.preview.forDate(m.date(preview.runDate))
    : m.reminders.preview.at(m.instant(preview.runAt.toISOString()));
}

function simple(preview: ReminderPreview, m: Messages): string | null {
  if (preview.kind === 'off') return m.reminders.preview.off;
  if (preview.kind === 'not_working_day') return m.reminders.preview.notWorkingDay(m.date(preview.runDate));
  if (preview.plan.dms.length === 0 && preview.plan.escalations.length === 0 && preview.plan.unheardOf === 0) {
    return m.reminders.preview.nothing(m.date(preview.runDate));
  }
  return null;
}

export function renderReminderPreviewBlocks(preview: ReminderPreview, m: Messages): SlackMessage {
  const short = simple(preview, m);
  if (short !== null || preview.kind !== 'preview') {
    const text = short ?? '';
    return { text, blocks: [section(text)] };
  }
  const { plan } = preview;
  const title = m.reminders.preview.title(m.date(preview.runDate));
  const notes = [prefaceOf(preview, m), m.reminders.preview.counts(plan.dms.length, plan.escalations.length)];
  if (plan.unheardOf > 0) notes.push(m.reminders.preview.noAdmins(plan.unheardOf));
  const blocks: Block[] = [header(truncateText(title, LIMITS.headerText)), context(...notes)];
  blocks.push(...linesToSections(lines(plan, m, 'mrkdwn'), LIMITS.blocksPerMessage - blocks.length, m.reminders.preview.more));
  return { text: title, blocks };
}

export function renderReminderPreviewText(preview: ReminderPreview, m: Messages): string {
  const short = simple(preview, m);
  if (short !== null || preview.kind !== 'preview') return short ?? '';
  const { plan } = preview;
  const out = [
    m.reminders.preview.title(m.date(preview.runDate)),
    prefaceOf(preview, m),
    m.reminders.preview.counts(plan.dms.length, plan.escalations.length),
  ];
  if (plan.unheardOf > 0) out.push(m.reminders.preview.noAdmins(plan.unheardOf));
  out.push('', ...lines(plan, m, 'plain'));
  return out.join('\n');
}
