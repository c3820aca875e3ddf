import type { DigestGroup, DigestItem } from '../../../commands/alerts/digest.ts';
import type { AlertRule } from '../../domain/alert-rules.ts';
import type { Messages } from '../../messages/index.ts';
import { escapeMrkdwn } from '../blocks/build.ts';
import { mention, type TextStyle } from '../describe.ts';

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

export function groupHeading(group: DigestGroup, m: Messages, style: TextStyle): string {
  const name = style === 'mrkdwn' ? escapeMrkdwn(group.actionPlan.name) : group.actionPlan.name;
  const title = m.alerts.groupTitle(m.circled(group.actionPlan.number), name);
  const hasNoOwnerLine = group.items.some((i) => i.finding.rule === 'no_owner');
  let who = '';
  if (group.owners.length > 0) who = m.alerts.owners(group.owners.map((u) => mention(u, style)).join(' '));
  // The no-owner line already says so, with the command to fix it.
  else if (!hasNoOwnerLine) who = m.alerts.noOwners;
  const bold = style === 'mrkdwn' ? `*${title}*` : title;
  return who ? m.alerts.headingWith(bold, who) : bold;
}

/** One line of a group; the no-owner line names the plan by the number people type. */
export function itemLine(item: DigestItem, planNumber: number, m: Messages, style: TextStyle): string {
  const f = item.finding;
  if (f.rule === 'no_owner') return m.alerts.noOwner(planNumber);
  const rawName = item.indicator?.name ?? m.none;
  const name = style === 'mrkdwn' ? escapeMrkdwn(rawName) : rawName;
  const unit = item.indicator?.unit ?? '';
  const fy = m.fiscalYear(f.fiscalYear);
  const target = m.withUnit(f.target, unit);
  switch (f.rule) {
    case 'overdue':
      return m.alerts.overdue(fy, name, target, m.date(f.dueDate), f.daysLate);
    case 'due_soon':
      return m.alerts.dueSoon(fy, name, target, m.date(f.dueDate), f.daysLeft);
    case 'off_target':
      return m.alerts.offTarget(fy, name, target, m.withUnit(f.actual, unit), f.direction === 'lower_is_better');
  }
}
