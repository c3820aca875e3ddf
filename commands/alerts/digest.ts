import { ALERT_RULES, type AlertFinding } from '../../src/domain/alert-rules.ts';
import type { CivilDate } from '../../src/domain/fiscal-year.ts';

/**
 * One run's digest as plain data, grouped by action plan. The words for each line live in
 * src/alerts/digest-words.ts, shared by the Block Kit and text renderers.
 */

export interface DigestItem {
  finding: AlertFinding;
  /** Null for plan-wide items (no_owner). */
  indicator: { name: string; unit: string } | null;
}

export interface DigestGroup {
  actionPlan: { id: number; number: number; name: string; nameEn?: string | null };
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
  nameEn?: string | null;
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
      actionPlan: { id: plan.id, number: plan.number, name: plan.name, nameEn: plan.nameEn ?? null },
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
