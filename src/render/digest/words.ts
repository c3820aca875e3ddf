import type { DigestGroup, DigestItem } from '../../../commands/alerts/digest.ts';
import type { AlertRule } from '../../domain/alert-rules.ts';
import type { Messages } from '../../messages/index.ts';
import { escapeMrkdwn } from '../blocks/build.ts';
import type { TextStyle } from '../describe.ts';
import { localName } from '../local.ts';
import type { CivilDate } from '../../domain/fiscal-year.ts';

/** The words of a digest line, shared by the Block Kit and the plain-text renderers. */

/** Summary order: what is late first, then what is about to be, then the rest. */
const SUMMARY_ORDER: readonly AlertRule[] = ['overdue', 'due_soon', 'off_target', 'no_owner'];

export function countsLine(items: readonly DigestItem[], m: Messages): string {
  const counts = new Map<AlertRule, number>();
  for (const { finding } of items) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  return SUMMARY_ORDER.filter((rule) => counts.has(rule))
    .map((rule) => m.alerts.count[rule](counts.get(rule)!))
    .join(m.alerts.countSeparator);
}

export type { TextStyle };

/**
 * One action plan's line in the channel digest: its name and how many of its figures are in
 * each state. Nobody is named in the channel; the owners hear of each figure by DM.
 */
export function planCountsLine(group: DigestGroup, m: Messages, style: TextStyle): string {
  const local = localName(group.actionPlan.name, group.actionPlan.nameEn, m);
  const name = style === 'mrkdwn' ? escapeMrkdwn(local) : local;
  const title = m.alerts.groupTitle(m.circled(group.actionPlan.number), name);
  const counts = new Map<AlertRule, number>();
  for (const { finding } of group.items) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  const oldestDue = oldestOverdueDate(group.items);
  const parts = SUMMARY_ORDER.filter((rule) => counts.has(rule)).map((rule) => {
    if (rule === 'no_owner') return m.reminders.digest.noOwner;
    const count = m.alerts.count[rule](counts.get(rule)!);
    return rule === 'overdue' && oldestDue ? m.reminders.digest.overdueSince(count, m.date(oldestDue)) : count;
  });
  return m.reminders.digest.planLine(style === 'mrkdwn' ? `*${title}*` : title, parts.join(m.alerts.countSeparator));
}

/** How long a plan has been behind: the earliest due date among its overdue figures. */
function oldestOverdueDate(items: readonly DigestItem[]): CivilDate | null {
  let oldest: CivilDate | null = null;
  for (const { finding } of items) {
    if (finding.rule === 'overdue' && (oldest === null || finding.dueDate < oldest)) oldest = finding.dueDate;
  }
  return oldest;
}
