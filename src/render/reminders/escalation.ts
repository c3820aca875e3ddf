import type { EscalationDm, EscalationLine } from '../../../commands/reminders/compute.ts';
import type { Messages } from '../../messages/index.ts';
import { context, escapeMrkdwn, header, mention, section, type Block, type SlackMessage } from '../blocks/build.ts';
import { LIMITS, truncateMrkdwn, truncateText } from '../blocks/limits.ts';
import type { TextStyle } from '../describe.ts';

/**
 * The admins' DM: each figure late past the grace period, with its owners named (this is a
 * DM to an admin, not the channel), and each figure nobody owns, with the command to fix it.
 * Lines that do not fit are left for the next run, never cut.
 */

// Header, intro and the closing context surround the sections of lines.
const FIXED_BLOCKS = 3;
const FRAME_TEXT_ROOM = 800;

export function escalationLine(line: EscalationLine, m: Messages, style: TextStyle): string {
  const f = line.figure;
  const name = (s: string) => (style === 'mrkdwn' ? escapeMrkdwn(s) : s);
  const plan = m.reminders.figure(m.circled(f.actionPlan.number), name(f.actionPlan.name));
  const args = [
    plan,
    m.fiscalYear(f.fiscalYear),
    name(f.indicator.name),
    m.withUnit(f.target, f.indicator.unit),
    m.date(f.dueDate),
    m.reminders.escalation.dueIn(line.daysFromDue),
  ] as const;
  if (line.rung === 'unowned') return m.reminders.escalation.unownedLine(...args, f.actionPlan.number);
  return m.reminders.escalation.overdueLine(...args, line.owners.map((u) => mention(u, style)).join(' '));
}

export function fitEscalation(escalation: EscalationDm, m: Messages): EscalationDm {
  let blocksLeft = LIMITS.blocksPerMessage - FIXED_BLOCKS;
  let textLeft = LIMITS.messageBlockText - FRAME_TEXT_ROOM;
  let sectionUsed = 0;
  const lines: EscalationLine[] = [];
  const all = [...escalation.lines, ...escalation.deferred];
  let i = 0;
  for (; i < all.length; i += 1) {
    const length = Math.min(escalationLine(all[i]!, m, 'mrkdwn').length, LIMITS.sectionText) + 1;
    if (length > textLeft) break;
    if (sectionUsed === 0 || sectionUsed + length > LIMITS.sectionText) {
      if (blocksLeft === 0) break;
      blocksLeft -= 1;
      sectionUsed = 0;
    }
    sectionUsed += length;
    textLeft -= length;
    lines.push(all[i]!);
  }
  return { recipient: escalation.recipient, lines, deferred: all.slice(i) };
}

export function renderEscalationDm(
  escalation: EscalationDm,
  m: Messages,
  options: { escalateAfter: number; repeated?: boolean },
): SlackMessage {
  const lines = escalation.lines.map((line) => truncateMrkdwn(escalationLine(line, m, 'mrkdwn'), LIMITS.sectionText));
  const blocks: Block[] = [
    header(truncateText(m.reminders.escalation.title, LIMITS.headerText)),
    context(m.reminders.escalation.intro(options.escalateAfter)),
  ];
  let current: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (current.length > 0 && used + line.length + 1 > LIMITS.sectionText) {
      blocks.push(section(current.join('\n')));
      current = [];
      used = 0;
    }
    current.push(line);
    used += line.length + 1;
  }
  if (current.length > 0) blocks.push(section(current.join('\n')));
  const closing: string[] = [];
  if (escalation.deferred.length > 0) closing.push(m.reminders.escalation.more(escalation.deferred.length));
  if (options.repeated) closing.push(m.reminders.repeated);
  if (closing.length > 0) blocks.push(context(...closing));
  return { text: m.reminders.escalation.fallback(escalation.lines.length), blocks };
}
