import { ALERT_RULES, type AlertFinding, type AlertRule } from '../domain/alert-rules.ts';
import type { CivilDate } from '../domain/fiscal-year.ts';
import type { Messages } from '../messages/index.ts';

/**
 * One run's digest as plain data, grouped by action plan, and the words for each line.
 * The Block Kit and text renderers both read from here, so Slack and the terminal say
 * the same thing.
 */

export interface DigestItem {
  finding: AlertFinding;
  /** Null for plan-wide items (no_owner). */
  indicator: { name: string; unit: string } | null;
}

export interface DigestGroup {
  actionPlan: { id: number; number: number; name: string };
  /** Slack user ids. */
  owners: string[];
  items: DigestItem[];
  /** Items of this plan left for the next run because the message was full. */
  deferredCount: number;
}

export interface Digest {
  runDate: CivilDate;
  groups: DigestGroup[];
  /** Everything that did not fit: counted in the message, not ledgered, sent next run. */
  deferred: DigestItem[];
}

export interface ActionPlanLabels {
  id: number;
  number: number;
  name: string;
  indicators: readonly { id: number; name: string; unit: string }[];
}

export function buildDigest(
  runDate: CivilDate,
  findings: readonly AlertFinding[],
  actionPlans: readonly ActionPlanLabels[],
  owners: ReadonlyMap<number, string[]>,
): Digest {
  const byPlan = new Map<number, AlertFinding[]>();
  for (const f of findings) byPlan.set(f.actionPlanId, [...(byPlan.get(f.actionPlanId) ?? []), f]);

  const groups: DigestGroup[] = [];
  for (const plan of actionPlans) {
    const planFindings = byPlan.get(plan.id);
    if (!planFindings) continue;
    const indicators = new Map(plan.indicators.map((i) => [i.id, { name: i.name, unit: i.unit }]));
    // Array.prototype.sort is stable, so within a rule the caller's order (indicator, year) stays.
    const items = [...planFindings]
      .sort((a, b) => ALERT_RULES.indexOf(a.rule) - ALERT_RULES.indexOf(b.rule))
      .map((finding) => ({
        finding,
        indicator: finding.rule === 'no_owner' ? null : (indicators.get(finding.indicatorId) ?? null),
      }));
    groups.push({
      actionPlan: { id: plan.id, number: plan.number, name: plan.name },
      owners: owners.get(plan.id) ?? [],
      items,
      deferredCount: 0,
    });
  }
  return { runDate, groups, deferred: [] };
}

export function shownItems(digest: Digest): DigestItem[] {
  return digest.groups.flatMap((g) => g.items);
}

export function isEmptyDigest(digest: Digest): boolean {
  return digest.groups.length === 0 && digest.deferred.length === 0;
}

/** Summary order: what is late first, then what is about to be, then the rest. */
const SUMMARY_ORDER: readonly AlertRule[] = ['overdue', 'due_soon', 'off_target', 'no_owner'];

export function countsLine(items: readonly DigestItem[], m: Messages): string {
  const counts = new Map<AlertRule, number>();
  for (const { finding } of items) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  return SUMMARY_ORDER.filter((rule) => counts.has(rule))
    .map((rule) => m.alerts.count[rule](counts.get(rule)!))
    .join(m.alerts.countSeparator);
}

export type TextStyle = 'mrkdwn' | 'plain';

// Slack reads &, < and > as markup in mrkdwn; a name holding them must not become a link or mention.
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function mention(userId: string, style: TextStyle): string {
  return style === 'mrkdwn' ? `<@${userId}>` : `@${userId}`;
}

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
