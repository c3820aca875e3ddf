import type { DigestGroup, DigestItem } from '../../../commands/alerts/digest.ts';
import type { AlertRule } from '../../domain/alert-rules.ts';
import type { Messages } from '../../messages/index.ts';
import { escapeMrkdwn } from '../blocks/build.ts';
import type { TextStyle } from '../describe.ts';

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
  const name = style === 'mrkdwn' ? escapeMrkdwn(group.actionPlan.name) : group.actionPlan.name;
  const title = m.alerts.groupTitle(m.circled(group.actionPlan.number), name);
  const counts = new Map<AlertRule, number>();
  for (const { finding } of group.items) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  const parts = SUMMARY_ORDER.filter((rule) => counts.has(rule)).map((rule) =>
    rule === 'no_owner' ? m.reminders.digest.noOwner : m.alerts.count[rule](counts.get(rule)!),
  );
  return m.reminders.digest.planLine(style === 'mrkdwn' ? `*${title}*` : title, parts.join(m.alerts.countSeparator));
}
